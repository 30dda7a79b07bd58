using Sanoo.Web.Site;
using SkiaSharp;

namespace Sanoo.Cli.Sheets;

/// <summary>
/// The typeface a sheet is drawn with: one that has every letter of the names it prints (Kyrgyz and Russian names are
/// Cyrillic). Tried in order: the file named by <c>SANOO_SHEET_FONT</c>, the files share previews try too
/// (<see cref="PreviewFont.Files"/>: DejaVu Sans from Debian's fonts-dejavu-core, which scripts/setup.sh installs, Noto Sans,
/// Liberation Sans), then whatever the system's font manager offers for the letters.
/// When none has them the sheet is still drawn, the figures and the QR code being what matters, and <see cref="Warning"/> says so.
/// </summary>
/// <param name="Typeface">The typeface.</param>
/// <param name="Warning">Why names may not show, or null when every letter is there.</param>
public sealed record SheetFont(SKTypeface Typeface, string? Warning)
{
    /// <summary>The first typeface that has every letter of <paramref name="text"/>.</summary>
    public static SheetFont For(string text)
    {
        var letters = new string([.. text.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).Distinct()]);
        IReadOnlyList<string> files = Environment.GetEnvironmentVariable("SANOO_SHEET_FONT") is { Length: > 0 } chosen
            ? [chosen, .. PreviewFont.Files]
            : PreviewFont.Files;
        foreach (var file in files.Where(File.Exists))
        {
            if (SKTypeface.FromFile(file) is { } typeface)
            {
                if (Covers(typeface, letters))
                {
                    return new SheetFont(typeface, null);
                }
                typeface.Dispose();
            }
        }
        var missing = letters.FirstOrDefault(c => !Covers(SKTypeface.Default, c.ToString()));
        if (missing == default)
        {
            return new SheetFont(SKTypeface.Default, null);
        }
        if (SKFontManager.Default.MatchCharacter(missing) is { } matched && Covers(matched, letters))
        {
            return new SheetFont(matched, null);
        }
        return new SheetFont(
            SKTypeface.Default,
            $"no font on this machine has every letter of the names (e.g. '{missing}'); names may print as boxes. Install "
                + "fonts-dejavu-core (apt-get install fonts-dejavu-core) or name a font file in SANOO_SHEET_FONT. Figures and the QR "
                + "code are not affected.");
    }

    private static bool Covers(SKTypeface typeface, string letters)
    {
        using var font = new SKFont(typeface);
        return font.ContainsGlyphs(letters);
    }
}
