using SkiaSharp;

namespace Sanoo.Web.Site;

/// <summary>
/// The typeface share previews are drawn with, found once: one with the Cyrillic letters of Kyrgyz and Russian names. Tried in
/// order: the file named by <c>SANOO_SHEET_FONT</c>, DejaVu Sans (Debian's fonts-dejavu-core, which scripts/setup.sh installs, as
/// the protocol sheets need it too), Noto Sans, Liberation Sans, then what the system's font manager offers for the letters, and
/// last Skia's default (names may then show as boxes; the figures still show). Nothing is fetched from the network.
/// </summary>
public static class PreviewFont
{
    /// <summary>The font files tried after <c>SANOO_SHEET_FONT</c>, in order.</summary>
    public static IReadOnlyList<string> Files { get; } =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
    ];

    /// <summary>Letters a typeface must have: Latin, Russian and Kyrgyz (ө, ү, ң), figures and the signs previews print.</summary>
    public const string Letters = "AZaz09%·…АЯаяЁёӨөҮүҢң";

    private static readonly Lazy<SKTypeface> Found = new(Find);

    /// <summary>The typeface (shared, never disposed).</summary>
    public static SKTypeface Typeface => Found.Value;

    /// <summary>Whether <see cref="Typeface"/> has every letter of <paramref name="text"/>.</summary>
    public static bool Covers(SKTypeface typeface, string text)
    {
        using var font = new SKFont(typeface);
        return font.ContainsGlyphs(new string([.. text.Where(c => !char.IsWhiteSpace(c))]));
    }

    private static SKTypeface Find()
    {
        var chosen = Environment.GetEnvironmentVariable("SANOO_SHEET_FONT");
        foreach (var file in (chosen is { Length: > 0 } ? [chosen, .. Files] : Files).Where(File.Exists))
        {
            if (SKTypeface.FromFile(file) is { } typeface)
            {
                if (Covers(typeface, Letters))
                {
                    return typeface;
                }
                typeface.Dispose();
            }
        }
        return SKFontManager.Default.MatchCharacter('ө') is { } matched && Covers(matched, Letters) ? matched : SKTypeface.Default;
    }
}
