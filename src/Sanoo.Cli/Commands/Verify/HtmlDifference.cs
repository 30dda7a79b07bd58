using System.Net;
using System.Text.RegularExpressions;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Where a published HTML page first differs from the page the verifier rendered itself, in words a reader (or a court) can use:
/// the text the page shows and the text the verified protocols give, with the heading and table row it stands in, e.g.
/// <c>/en/area/d01/index.html: the page shows "41 222" where the verified protocols give "41 122" (under "Results", in the row
/// "5. Party X")</c>. Both pages are cut into tags and runs of text; the first pair that differs is named, a tag by its markup (an
/// attribute such as <c>data-reporting</c> carries a figure too).
/// </summary>
internal static partial class HtmlDifference
{
    private const int Longest = 120;

    /// <summary>The first difference of <paramref name="published"/> from <paramref name="verified"/> at <paramref name="path"/>.</summary>
    public static string Of(string path, string published, string verified)
    {
        var (shown, given) = (Tokens(published), Tokens(verified));
        var at = 0;
        while (at < shown.Count && at < given.Count && shown[at].Value == given[at].Value)
        {
            at++;
        }
        var context = Context(at < shown.Count ? shown : given, at);
        if (at < shown.Count && at < given.Count && shown[at].IsTag && given[at].IsTag
            && FirstAttributeApart(shown[at].Value, given[at].Value) is { } apart)
        {
            return $"{path}: the page shows {apart.Shown} where the verified protocols give {apart.Given} in the markup "
                + $"{Cut(apart.Element)}{context}";
        }
        if (at < shown.Count && at < given.Count && !shown[at].IsTag && !given[at].IsTag)
        {
            var (a, b) = Apart(Text(shown[at].Value), Text(given[at].Value));
            return $"{path}: the page shows \"{a}\" where the verified protocols give \"{b}\"{context}";
        }
        return $"{path}: the page shows {Shown(shown, at)} where the verified protocols give {Shown(given, at)}{context}";
    }

    /// <summary>
    /// Two texts that differ, each cut to show where: from the start, or, when they agree for longer than half of what is shown,
    /// from a little before the first character apart (marked by "…"), so a difference deep in a long line is seen.
    /// </summary>
    private static (string Shown, string Given) Apart(string shown, string given)
    {
        var same = shown.AsSpan().CommonPrefixLength(given);
        var from = same <= Longest / 2 ? 0 : same - Longest / 4;
        return (From(shown, from), From(given, from));
    }

    private static string From(string text, int from) => from == 0 ? Cut(text) : "…" + Cut(text[from..]);

    /// <summary>
    /// The first attribute two tags of one element give otherwise (a figure in <c>data-votes</c>, a key in <c>data-key</c>), each as
    /// <c>name="value"</c>, and the element's name; null when they are not the same element or differ otherwise.
    /// </summary>
    private static (string Shown, string Given, string Element)? FirstAttributeApart(string shown, string given)
    {
        var (a, b) = (Attribute().Matches(shown), Attribute().Matches(given));
        if (a.Count == 0 || b.Count == 0 || a[0].Value != b[0].Value || a.Count != b.Count)
        {
            return null;
        }
        for (var i = 1; i < a.Count; i++)
        {
            if (a[i].Value != b[i].Value)
            {
                return (Cut(a[i].Value), Cut(b[i].Value), $"<{a[0].Value}>");
            }
        }
        return null;
    }

    /// <summary>The visible text of a piece of HTML: tags dropped, character references decoded, spaces folded.</summary>
    public static string Text(string html) => Fold(WebUtility.HtmlDecode(Tag().Replace(html, "")));

    /// <summary>A text with each run of spaces (no-break spaces too) made one space, and none at either end.</summary>
    public static string Fold(string text) => Spaces().Replace(text, " ").Trim();

    private static string Shown(List<Token> tokens, int at) => at >= tokens.Count ? "nothing more"
        : tokens[at].IsTag ? $"the markup {Cut(tokens[at].Value)}"
        : $"\"{Cut(Text(tokens[at].Value))}\"";

    private static string Cut(string text) => text.Length <= Longest ? text : text[..Longest] + "…";

    /// <summary>The heading and the table row the token at <paramref name="at"/> stands in, as words; empty when none.</summary>
    private static string Context(List<Token> tokens, int at)
    {
        string? row = null, heading = null;
        var open = false;
        for (var i = Math.Min(at, tokens.Count) - 1; i >= 0 && heading is null; i--)
        {
            var value = tokens[i].Value;
            if (!tokens[i].IsTag)
            {
                continue;
            }
            if (row is null && !open && value.StartsWith("</tr", StringComparison.OrdinalIgnoreCase))
            {
                open = true; // past the end of an earlier row: the difference is in no row
            }
            else if (row is null && !open && (value.StartsWith("<tr ", StringComparison.OrdinalIgnoreCase) || value == "<tr>"))
            {
                row = FirstText(tokens, i + 1, "</tr");
            }
            else if (HeadingTag().IsMatch(value))
            {
                heading = FirstText(tokens, i + 1, "</h");
            }
        }
        var parts = new[] { heading is null ? null : $"under \"{Cut(heading)}\"", row is null ? null : $"in the row \"{Cut(row)}\"" }
            .OfType<string>().ToList();
        return parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})";
    }

    /// <summary>The text from <paramref name="from"/> up to a tag starting with <paramref name="end"/>.</summary>
    private static string? FirstText(List<Token> tokens, int from, string end)
    {
        var text = new System.Text.StringBuilder();
        for (var i = from; i < tokens.Count && !(tokens[i].IsTag && tokens[i].Value.StartsWith(end, StringComparison.OrdinalIgnoreCase)); i++)
        {
            if (tokens[i].IsTag && (tokens[i].Value.StartsWith("</th", StringComparison.OrdinalIgnoreCase)
                || tokens[i].Value.StartsWith("</td", StringComparison.OrdinalIgnoreCase)) && text.ToString().Trim().Length > 0)
            {
                break; // a row is named by its first cell
            }
            if (!tokens[i].IsTag)
            {
                text.Append(tokens[i].Value);
            }
        }
        var words = Text(text.ToString());
        return words.Length == 0 ? null : words;
    }

    /// <summary>The page cut into tags and the runs of text between them (runs of spaces alone left out).</summary>
    private static List<Token> Tokens(string html)
    {
        var tokens = new List<Token>();
        foreach (Match m in Piece().Matches(html))
        {
            var isTag = m.Value[0] == '<';
            if (isTag || !string.IsNullOrWhiteSpace(m.Value))
            {
                tokens.Add(new Token(isTag, isTag ? m.Value : m.Value.Trim()));
            }
        }
        return tokens;
    }

    private readonly record struct Token(bool IsTag, string Value);

    [GeneratedRegex("<[^>]*>|[^<]+")]
    private static partial Regex Piece();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("(?<=<)[a-zA-Z0-9]+|[a-zA-Z_:][-a-zA-Z0-9_:.]*(=\"[^\"]*\")?")]
    private static partial Regex Attribute();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("^<(h[1-6]|caption)[ >]", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingTag();
}
