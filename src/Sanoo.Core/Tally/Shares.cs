namespace Sanoo.Core.Tally;

/// <summary>
/// The share of a whole as the results show it: in percent, rounded down to 2 decimals, so that the shares of a whole never add up
/// to more than it; 0 when the whole is not positive (before anyone is counted). One rule for the results pages, their open data
/// and the night's progress.
/// </summary>
public static class Shares
{
    private const long Scale = 10_000; // hundredths of a percent

    /// <summary>The share of <paramref name="part"/> in <paramref name="whole"/>, in percent (12.34).</summary>
    public static decimal Percent(long part, long whole) => Hundredths(part, whole) / 100m;

    /// <summary><see cref="Percent"/> in whole hundredths of a percent (1234 for 12.34 %): the open data's rows write it from its
    /// digits, without a decimal division each.</summary>
    public static long Hundredths(long part, long whole)
    {
        if (whole <= 0)
        {
            return 0;
        }
        if (Math.Abs(part) > long.MaxValue / Scale)
        {
            return (long)Math.Floor(part * (decimal)Scale / whole); // beyond 64 bits once scaled: no real figure, but never wrapped
        }
        var (quotient, remainder) = Math.DivRem(part * Scale, whole);
        return remainder < 0 ? quotient - 1 : quotient; // rounded down, as Math.Floor, should a figure ever be negative
    }
}
