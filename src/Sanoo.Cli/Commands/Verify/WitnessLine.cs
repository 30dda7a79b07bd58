using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Sanoo.Web.Site;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// The line of an area's page that names the witnesses who cosigned its tree head ("Verified by independent witnesses: Observer
/// Mission (3 min ago), …"), read back into what it was rendered from: each witness's name and the minutes since its cosignature
/// arrived. The minutes are read against the clock when the page was made, so they are taken from the page; the names are what the
/// verifier holds to the cosignatures it verified (<see cref="VouchedWitnesses"/>).
/// </summary>
internal static class WitnessLine
{
    private const string Name = "\u0001", Minutes = "\u0002", Items = "\u0003";

    /// <summary>
    /// The witnesses the line's <paramref name="html"/> (the text inside its <c>span</c>) names in <paramref name="language"/>, in
    /// the order shown; empty for the words saying none has cosigned yet; null when it is neither.
    /// </summary>
    public static List<WitnessMark>? Read(string html, SiteLanguage language)
    {
        var (text, words) = (WebUtility.HtmlDecode(html), language.Words);
        if (text == words.NoWitness)
        {
            return [];
        }
        var item = Pattern(string.Format(language.Culture, words.WitnessAgoFormat, Name, Minutes))
            .Replace(Name, "(?<name>.+?)", StringComparison.Ordinal)
            .Replace(Minutes, @"(?<minutes>[0-9][0-9\p{Zs},.']*?)", StringComparison.Ordinal);
        var line = Pattern(string.Format(language.Culture, words.VerifiedByFormat, Items))
            .Replace(Items, $"{item}(?:, {item})*", StringComparison.Ordinal);
        var read = Regex.Match(text, $"^{line}$", RegexOptions.Singleline, TimeSpan.FromSeconds(1));
        if (!read.Success)
        {
            return null;
        }
        var (names, minutes) = (read.Groups["name"].Captures, read.Groups["minutes"].Captures);
        var marks = new List<WitnessMark>();
        for (var i = 0; i < names.Count; i++)
        {
            if (!long.TryParse(string.Concat(minutes[i].Value.Where(char.IsAsciiDigit)), CultureInfo.InvariantCulture, out var ago))
            {
                return null;
            }
            marks.Add(new WitnessMark(names[i].Value, ago));
        }
        return marks;
    }

    private static string Pattern(string words) => Regex.Escape(words);
}
