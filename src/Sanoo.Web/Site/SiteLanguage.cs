using System.Globalization;
using Sanoo.Web.Catalogs;

namespace Sanoo.Web.Site;

/// <summary>
/// One language of the results site: its code (as in the definition), how numbers and dates are
/// written in it, and the site's words. The definition's languages are the site's languages.
/// </summary>
/// <param name="Code">The language code, e.g. <c>ky</c>; the first path segment of every page.</param>
/// <param name="Culture">How numbers are formatted: group separators, decimal mark.</param>
/// <param name="Words">The site's words.</param>
public sealed record SiteLanguage(string Code, CultureInfo Culture, Words Words)
{
    /// <summary>
    /// The language the site's words are really in: <see cref="Code"/> when it has a word catalog, else English, which stands in
    /// for it. Pages say it in <c>lang</c>, so that a reader (and a screen reader) is told the truth.
    /// </summary>
    public string WordsCode => WordCatalogs.WordsLanguage(Code);

    /// <summary>The language for a definition language code.</summary>
    public static SiteLanguage Of(string code) => new(code, CultureFor(code), Words.For(code));

    /// <summary>
    /// The language a browser asks for in <paramref name="acceptLanguage"/> (by quality, then
    /// order), among <paramref name="available"/>; the first available when none matches.
    /// </summary>
    public static string Pick(string? acceptLanguage, IReadOnlyList<string> available)
    {
        var wanted = (acceptLanguage ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select((part, order) =>
            {
                var pieces = part.Split(';', StringSplitOptions.TrimEntries);
                var quality = pieces.Skip(1).Where(p => p.StartsWith("q=", StringComparison.OrdinalIgnoreCase))
                    .Select(p => double.TryParse(p[2..], NumberStyles.Float, CultureInfo.InvariantCulture, out var q) ? q : 0)
                    .DefaultIfEmpty(1).First();
                return (Tag: pieces[0].Split('-')[0].ToLowerInvariant(), Quality: quality, Order: order);
            })
            .Where(w => w.Quality > 0)
            .OrderByDescending(w => w.Quality).ThenBy(w => w.Order);
        return wanted.Select(w => w.Tag).FirstOrDefault(available.Contains) ?? available[0];
    }

    private static CultureInfo CultureFor(string code)
    {
        try
        {
            return CultureInfo.GetCultureInfo(code);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    /// <summary>A whole number, grouped as the language writes it.</summary>
    public string Number(long value) => value.ToString("N0", Culture);

    /// <summary>A percentage with <paramref name="decimals"/> decimals, e.g. 90.1 %.</summary>
    public string Percent(decimal value, int decimals = 2) => (value / 100m).ToString("P" + decimals.ToString(CultureInfo.InvariantCulture), Culture);
}
