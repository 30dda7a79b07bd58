using System.Collections.Immutable;

namespace Sanoo.Core.Definitions;

/// <summary>
/// A name or label in several languages, keyed by language code (<c>ky</c>, <c>ru</c>, <c>en</c> …).
/// Invariant: at least one language is present and no text is empty.
/// </summary>
public sealed class LocalizedText
{
    private readonly ImmutableSortedDictionary<string, string> _texts;

    private LocalizedText(ImmutableSortedDictionary<string, string> texts) => _texts = texts;

    /// <summary>The texts by language code.</summary>
    public IReadOnlyDictionary<string, string> Texts => _texts;

    /// <summary>Makes a text; throws if there is no language or an empty text (a bug in the caller).</summary>
    public static LocalizedText Of(IEnumerable<KeyValuePair<string, string>> texts)
    {
        var dictionary = texts.ToImmutableSortedDictionary(StringComparer.Ordinal);
        if (dictionary.IsEmpty || dictionary.Values.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("A localized text needs at least one language and no empty text.", nameof(texts));
        }
        return new LocalizedText(dictionary);
    }

    /// <summary>Makes a text in the given languages, alternating language code and text.</summary>
    public static LocalizedText Of(params string[] languageAndText)
    {
        if (languageAndText.Length % 2 != 0)
        {
            throw new ArgumentException("Expected pairs of language code and text.", nameof(languageAndText));
        }
        return Of(Enumerable.Range(0, languageAndText.Length / 2)
            .Select(i => KeyValuePair.Create(languageAndText[2 * i], languageAndText[(2 * i) + 1])));
    }

    /// <summary>
    /// The text in <paramref name="language"/>, else in English, else in the first language
    /// present: a reader always sees some name rather than nothing.
    /// </summary>
    public string In(string language) =>
        _texts.TryGetValue(language, out var text) ? text
        : _texts.TryGetValue("en", out var english) ? english
        : _texts.First().Value;

    /// <summary>The language <see cref="In"/> answers <paramref name="language"/> in: itself when present, else the fallback's.</summary>
    public string LanguageOf(string language) =>
        _texts.ContainsKey(language) ? language
        : _texts.ContainsKey("en") ? "en"
        : _texts.First().Key;

    /// <inheritdoc />
    public override string ToString() => In("en");
}
