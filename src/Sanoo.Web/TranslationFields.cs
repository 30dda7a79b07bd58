using Sanoo.Core.Json;
using Sanoo.Core.Register;

namespace Sanoo.Web;

/// <summary>
/// The members a request gives beside one free text of the commission (a statement, a reason, an outcome): <c>language</c>, the
/// language code the text is written in, and <c>translations</c>, the text in other languages by code. Every code must be one of
/// the definition's languages; every translation is a free text of up to 1,000 characters that is not blank, and none is in the
/// text's own language. Each problem is named at its path.
/// </summary>
internal static class TranslationFields
{
    /// <summary>The member naming the text's language.</summary>
    public const string Language = "language";

    /// <summary>The member holding the translations.</summary>
    public const string Translations = "translations";

    /// <summary>The translations <paramref name="fields"/> give, null when none; problems go to the fields' problems.</summary>
    public static Translations? Read(JsonFields fields, IReadOnlyList<string> languages)
    {
        var before = fields.Problems.Count;
        var known = string.Join(", ", languages);
        var language = fields.OptionalString(Language)?.Trim();
        if (language is not null && !languages.Contains(language))
        {
            fields.Problem(Language, $"'{language}' is not a language of the election (expected one of: {known})");
        }
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (fields.Object(Translations, [.. languages]) is { } translations)
        {
            foreach (var code in languages.Where(translations.Has))
            {
                var text = translations.OptionalString(code)?.Trim();
                var problem = text is null ? null
                    : text.Length == 0 ? "is empty"
                    : code == language ? $"is in '{code}', the language the text itself is written in: give that text once"
                    : FreeText.ProblemWithText(text);
                if (problem is not null)
                {
                    translations.Problem(code, problem);
                }
                else if (text is not null)
                {
                    texts[code] = text;
                }
            }
        }
        return fields.Problems.Count > before ? null : Core.Register.Translations.Of(language, texts);
    }
}
