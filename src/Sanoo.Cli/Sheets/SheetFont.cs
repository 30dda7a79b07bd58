using Sanoo.Web.Site;
using SkiaSharp;

namespace Sanoo.Cli.Sheets;

/// <summary>
/// The typeface a sheet is drawn with: one that has every letter of the names it prints, found by <see cref="Typefaces"/> as
/// share previews find theirs. When none has them the sheet is still drawn, the figures and the QR code being what matters, and
/// <see cref="Warning"/> says so.
/// </summary>
/// <param name="Typeface">The typeface.</param>
/// <param name="Warning">Why names may not show, or null when every letter is there.</param>
public sealed record SheetFont(SKTypeface Typeface, string? Warning)
{
    /// <summary>The first typeface that has every letter of <paramref name="text"/>.</summary>
    public static SheetFont For(string text)
    {
        var found = Typefaces.Machine.For(text);
        return new SheetFont(
            found.Typeface,
            found.Missing is not { } missing
                ? null
                : $"no font on this machine has every letter of the names (e.g. '{missing}'); names may print as boxes. Install "
                    + "fonts-dejavu-core (apt-get install fonts-dejavu-core) or name a font file in SANOO_SHEET_FONT. Figures and the "
                    + "QR code are not affected.");
    }
}
