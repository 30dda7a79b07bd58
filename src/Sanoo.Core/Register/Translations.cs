using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Sanoo.Core.Json;

namespace Sanoo.Core.Register;

/// <summary>
/// What the commission said of one free text it entered besides the text itself (a certification's statement, a recount's reason
/// or outcome, a report answer's reason): the language the text was written in, when it said so, and the text in other languages,
/// by language code. The text as entered stays the record's own member and is what counts; translations are the commission's too,
/// signed in the same record, and a page shows the one in its own language.
/// Invariants: at least a language or one translation; every translation is a free text (<see cref="FreeText"/>) that is not
/// blank; no translation is in the language the text is written in. Language codes are the definition's: the server checks them
/// on entry and <c>sanoo verify</c> again on replay.
/// </summary>
public sealed record Translations
{
    private Translations(string? language, ImmutableSortedDictionary<string, string> texts)
    {
        Language = language;
        Texts = texts;
    }

    /// <summary>The language code of the text as entered; null when not said.</summary>
    public string? Language { get; }

    /// <summary>The text in other languages, by language code.</summary>
    public ImmutableSortedDictionary<string, string> Texts { get; }

    /// <summary>Every language code named: the text's own, then its translations'.</summary>
    public IEnumerable<string> Codes => Language is null ? Texts.Keys : Texts.Keys.Prepend(Language);

    /// <summary>
    /// The translations of a text, or null when nothing is said (no language, no translation). Throws <see cref="FormatException"/>
    /// saying what breaks an invariant.
    /// </summary>
    public static Translations? Of(string? language, IEnumerable<KeyValuePair<string, string>>? texts)
    {
        var sorted = (texts ?? []).ToImmutableSortedDictionary(StringComparer.Ordinal);
        if (language is null && sorted.IsEmpty)
        {
            return null;
        }
        if (language is not null && language.Length == 0)
        {
            throw new FormatException("the language of a text is empty");
        }
        foreach (var (code, text) in sorted)
        {
            if (code.Length == 0 || string.IsNullOrWhiteSpace(text))
            {
                throw new FormatException($"the translation '{code}' is empty");
            }
            if (FreeText.ProblemWithText(text) is { } problem)
            {
                throw new FormatException($"the translation '{code}' {problem}");
            }
            if (code == language)
            {
                throw new FormatException($"the translation '{code}' is in the language the text is written in");
            }
        }
        return new Translations(language, sorted);
    }

    /// <summary>
    /// What a reader of <paramref name="language"/> is shown of <paramref name="text"/> and its <paramref name="translations"/>: the
    /// translation into that language when there is one, else the text as entered; with the language of what is shown, null when
    /// not known.
    /// </summary>
    public static (string Text, string? Language) Show(string text, Translations? translations, string language) =>
        translations?.Texts.TryGetValue(language, out var translated) == true ? (translated, language) : (text, translations?.Language);

    /// <inheritdoc />
    public bool Equals(Translations? other) =>
        other is not null && Language == other.Language && Texts.Count == other.Texts.Count
        && Texts.All(t => other.Texts.TryGetValue(t.Key, out var o) && o == t.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Language, Texts.Count);

    /// <summary>Writes the record members <c>language</c> and <c>translations</c> (each only when there is something to say).</summary>
    internal static void Write(Translations? translations, JsonObject json)
    {
        if (translations is null)
        {
            return;
        }
        if (translations.Language is { } language)
        {
            json["language"] = language;
        }
        if (!translations.Texts.IsEmpty)
        {
            json["translations"] = new JsonObject([.. translations.Texts.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))]);
        }
    }
}
