namespace Sanoo.Core.Definitions;

/// <summary>
/// Who counted: the election declares its sources. In Kyrgyzstan <c>machine</c> is the
/// automated count (preliminary) and <c>hand</c> the commission's manual count (official).
/// Each source is tallied on its own; sources are never added together.
/// </summary>
/// <param name="Id">The source's id.</param>
/// <param name="Name">How the public site names it.</param>
/// <param name="Official">Whether this source's count is the legally binding one.</param>
public sealed record CountSource(SourceId Id, LocalizedText Name, bool Official)
{
    /// <summary>
    /// Whether this count is typed in by commission operators twice: a protocol is counted only
    /// when two different operators have entered identical figures (see docs/hand-counts.md).
    /// </summary>
    public bool DoubleEntry { get; init; }
}
