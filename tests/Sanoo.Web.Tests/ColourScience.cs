using System.Globalization;

namespace Sanoo.Web.Tests;

/// <summary>
/// How far apart two sRGB colours look (CIEDE2000, Sharma, Wu and Dalal 2005, D65 white) and how far a colour stands out from
/// its background (WCAG 2 contrast ratio), to hold the site's colours to a measured standard.
/// </summary>
public static class ColourScience
{
    /// <summary>The WCAG contrast ratio of two colours (1 to 21).</summary>
    public static double Contrast(string first, string second)
    {
        var (a, b) = (Luminance(first), Luminance(second));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    /// <summary>The CIEDE2000 difference of two colours written <c>#rrggbb</c>.</summary>
    public static double Difference(string first, string second) => Difference(Lab(first), Lab(second));

    /// <summary>The CIEDE2000 difference of two CIELAB colours.</summary>
    public static double Difference((double L, double A, double B) first, (double L, double A, double B) second)
    {
        var (l1, a1, b1) = first;
        var (l2, a2, b2) = second;
        var meanC = (double.Hypot(a1, b1) + double.Hypot(a2, b2)) / 2;
        var g = 0.5 * (1 - Math.Sqrt(Math.Pow(meanC, 7) / (Math.Pow(meanC, 7) + Math.Pow(25, 7))));
        var (a1p, a2p) = ((1 + g) * a1, (1 + g) * a2);
        var (c1, c2) = (double.Hypot(a1p, b1), double.Hypot(a2p, b2));
        var h1 = c1 == 0 ? 0 : Degrees(Math.Atan2(b1, a1p));
        var h2 = c2 == 0 ? 0 : Degrees(Math.Atan2(b2, a2p));
        var dh = c1 * c2 == 0 ? 0 : h2 - h1 > 180 ? h2 - h1 - 360 : h2 - h1 < -180 ? h2 - h1 + 360 : h2 - h1;
        var dH = 2 * Math.Sqrt(c1 * c2) * Math.Sin(Radians(dh / 2));
        var meanL = (l1 + l2) / 2;
        var meanCp = (c1 + c2) / 2;
        var meanH = c1 * c2 == 0 ? h1 + h2
            : Math.Abs(h1 - h2) <= 180 ? (h1 + h2) / 2
            : h1 + h2 < 360 ? (h1 + h2 + 360) / 2
            : (h1 + h2 - 360) / 2;
        var t = 1 - (0.17 * Math.Cos(Radians(meanH - 30))) + (0.24 * Math.Cos(Radians(2 * meanH)))
            + (0.32 * Math.Cos(Radians((3 * meanH) + 6))) - (0.20 * Math.Cos(Radians((4 * meanH) - 63)));
        var rotation = 30 * Math.Exp(-Math.Pow((meanH - 275) / 25, 2));
        var rc = 2 * Math.Sqrt(Math.Pow(meanCp, 7) / (Math.Pow(meanCp, 7) + Math.Pow(25, 7)));
        var sl = 1 + (0.015 * Math.Pow(meanL - 50, 2) / Math.Sqrt(20 + Math.Pow(meanL - 50, 2)));
        var sc = 1 + (0.045 * meanCp);
        var sh = 1 + (0.015 * meanCp * t);
        var rt = -Math.Sin(Radians(2 * rotation)) * rc;
        var (dl, dc, dhh) = ((l2 - l1) / sl, (c2 - c1) / sc, dH / sh);
        return Math.Sqrt((dl * dl) + (dc * dc) + (dhh * dhh) + (rt * dc * dhh));
    }

    /// <summary>The smallest difference between any two of <paramref name="colours"/>, and which two.</summary>
    public static (double Difference, string First, string Second) Closest(IReadOnlyList<string> colours) =>
        colours.SelectMany((a, i) => colours.Skip(i + 1).Select(b => (Difference(a, b), a, b))).MinBy(p => p.Item1);

    private static double Luminance(string colour)
    {
        var (r, g, b) = Linear(colour);
        return (0.2126 * r) + (0.7152 * g) + (0.0722 * b);
    }

    private static (double L, double A, double B) Lab(string colour)
    {
        var (r, g, b) = Linear(colour);
        var x = ((0.4124564 * r) + (0.3575761 * g) + (0.1804375 * b)) / 0.95047;
        var y = (0.2126729 * r) + (0.7151522 * g) + (0.0721750 * b);
        var z = ((0.0193339 * r) + (0.1191920 * g) + (0.9503041 * b)) / 1.08883;
        static double F(double v) => v > 216.0 / 24389 ? Math.Cbrt(v) : ((24389.0 / 27 * v) + 16) / 116;
        var (fx, fy, fz) = (F(x), F(y), F(z));
        return ((116 * fy) - 16, 500 * (fx - fy), 200 * (fy - fz));
    }

    private static (double R, double G, double B) Linear(string colour)
    {
        static double Channel(string hex)
        {
            var c = int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return (Channel(colour[1..3]), Channel(colour[3..5]), Channel(colour[5..7]));
    }

    private static double Degrees(double radians)
    {
        var degrees = radians * 180 / Math.PI;
        return degrees < 0 ? degrees + 360 : degrees;
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
