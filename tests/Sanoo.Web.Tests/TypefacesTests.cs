using Sanoo.Web.Site;

namespace Sanoo.Web.Tests;

/// <summary>
/// The typeface for previews and sheets is chosen by the letters to be drawn, not by a fixed set of one election's letters: a
/// typeface with every Latin and Cyrillic letter is passed over for names in a script it lacks.
/// </summary>
public sealed class TypefacesTests
{
    private const string Fonts = "/usr/share/fonts/truetype/dejavu/";

    // DejaVu Serif has Latin, Cyrillic (Kyrgyz ө, ү, ң too) and Georgian, but no Hebrew; DejaVu Sans has all four.
    private static readonly Typefaces SerifThenSans = new([Fonts + "DejaVuSerif.ttf", Fonts + "DejaVuSans.ttf"]);

    [Theory]
    [InlineData("Ата Мекен · Өзгөрүү · Ыйман Нуру", "DejaVu Serif")]
    [InlineData("საქართველოს ცენტრალური საარჩევნო კომისია", "DejaVu Serif")]
    [InlineData("ועדת הבחירות המרכזית · Likud", "DejaVu Sans")]
    public void The_first_typeface_with_every_letter_of_the_text_is_chosen(string names, string family)
    {
        Assert.True(File.Exists(Fonts + "DejaVuSans.ttf"), "fonts-dejavu-core is not installed (scripts/setup.sh installs it)");
        var found = SerifThenSans.For(names);
        Assert.True(found.Missing is null, $"{found.Typeface.FamilyName} lacks '{found.Missing}' (U+{(found.Missing ?? " ")[0]:X4})");
        Assert.Equal(family, found.Typeface.FamilyName);
        Assert.True(Typefaces.Covers(found.Typeface, names));
    }

    [Fact]
    public void A_letter_no_typeface_has_is_named()
    {
        var found = new Typefaces([Fonts + "DejaVuSerif.ttf"]).For("Ata Meken \U000F0041");
        Assert.Equal("\U000F0041", found.Missing);
    }
}
