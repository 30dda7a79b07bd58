namespace Sanoo.Core.Definitions;

/// <summary>An id type's non-throwing parse (<c>AreaId.TryParse</c> …), as the readers take it to report a bad id as a problem.</summary>
/// <typeparam name="T">The id type.</typeparam>
/// <param name="text">The text read.</param>
/// <param name="id">The id, when <paramref name="text"/> spells one.</param>
internal delegate bool TryParseId<T>(string? text, out T id);
