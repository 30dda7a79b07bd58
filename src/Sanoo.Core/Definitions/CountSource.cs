namespace Sanoo.Core.Definitions;

/// <summary>
/// Who counted: the election declares its sources. In Kyrgyzstan <c>machine</c> is the
/// automated count (preliminary) and <c>hand</c> the commission's manual count (official).
/// Each source is tallied on its own; sources are never added together.
/// </summary>
/// <param name="Id">The source's id.</param>
/// <param name="Name">How the public site names it.</param>
/// <param name="Official">Whether this source's count is the legally binding one.</param>
public sealed record CountSource(SourceId Id, LocalizedText Name, bool Official);
