using System.Globalization;

namespace Sanoo.Cli.Output;

/// <summary>How numbers read in the terminal: thousands separated, shares with two decimals, exact to the vote.</summary>
public static class Format
{
    /// <summary>A count, e.g. 1,293,946.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A share in percent with two decimals (17.30%), computed in decimal; "–" when the base is 0.</summary>
    public static string Percent(long part, long whole) =>
        whole == 0 ? "–" : (Math.Round(100m * part / whole, 2, MidpointRounding.AwayFromZero)).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    /// <summary>A share in percent with one decimal (90.1%), for progress.</summary>
    public static string Progress(long part, long whole) =>
        whole == 0 ? "–" : (Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero)).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A share as an exact decimal fraction for JSON (rounded to 4 places of percent).</summary>
    public static decimal Share(long part, long whole) => whole == 0 ? 0 : Math.Round(100m * part / whole, 4, MidpointRounding.AwayFromZero);
}
