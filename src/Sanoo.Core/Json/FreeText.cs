using System.Globalization;

namespace Sanoo.Core.Json;

/// <summary>
/// The limits on every free text a person types into the record (a correction's reason and author, a recount's reason and
/// outcome, a certification's statement): at most <see cref="MaxLength"/> characters (UTF-16 code units), so that one
/// request cannot grow every page and ledger by megabytes. A text may hold line breaks and tabs but no other control
/// character; a name (who did it) holds no control character at all.
/// </summary>
public static class FreeText
{
    /// <summary>The most characters one free text may hold.</summary>
    public const int MaxLength = 1000;

    /// <summary>What is wrong with <paramref name="text"/> as a free text (a reason, an outcome, a statement); null when nothing.</summary>
    public static string? ProblemWithText(string text) => Problem(text, allowBreaks: true);

    /// <summary>What is wrong with <paramref name="name"/> as a name in the record (an author); null when nothing.</summary>
    public static string? ProblemWithName(string name) => Problem(name, allowBreaks: false);

    private static string? Problem(string text, bool allowBreaks)
    {
        if (text.Length > MaxLength)
        {
            return string.Create(
                CultureInfo.InvariantCulture, $"is {text.Length:N0} characters long; at most {MaxLength:N0} are allowed");
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && !(allowBreaks && c is '\n' or '\r' or '\t'))
            {
                var allowed = allowBreaks ? "only line breaks and tabs are allowed" : "a name holds none";
                return string.Create(CultureInfo.InvariantCulture, $"holds the control character U+{(int)c:X4} at position {i + 1} ({allowed})");
            }
        }
        return null;
    }
}
