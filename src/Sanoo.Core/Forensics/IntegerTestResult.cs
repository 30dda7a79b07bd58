namespace Sanoo.Core.Forensics;

/// <summary>One integer-percentage test's outcome (<see cref="IntegerPercentTest"/>).</summary>
/// <param name="Stations">Stations tested: those with a count in and a base of at least the minimum.</param>
/// <param name="Observed">Stations whose reported rate is a whole percentage.</param>
/// <param name="Expected">The mean of that number over the null's replicates.</param>
/// <param name="PValue">(1 + replicates with at least <paramref name="Observed"/>) / (1 + replicates): one-sided, for an excess.</param>
/// <param name="ZScore">(observed − expected) / the replicates' standard deviation; 0 when they do not vary. A measure of size
/// beyond the smallest p-value the replicates can give.</param>
/// <param name="Replicates">How many replicates the null was drawn.</param>
public sealed record IntegerTestResult(int Stations, int Observed, double Expected, double PValue, double ZScore, int Replicates)
{
    /// <summary>Observed − expected: stations with a whole percentage beyond chance (negative when fewer).</summary>
    public double Excess => Observed - Expected;

    /// <summary>
    /// The upper end of the one-sided 95 % Clopper–Pearson interval of the p-value the replicates estimate: how large the true
    /// p-value could still be, given that only so many replicates were drawn. The alarm waits for it to be below the level, so that
    /// the Monte Carlo's own chance does not raise it (docs/forensics.md).
    /// </summary>
    public double PValueUpper
    {
        get
        {
            var above = (int)Math.Round((PValue * (Replicates + 1)) - 1);
            if (Replicates == 0 || above >= Replicates)
            {
                return 1;
            }
            double low = (double)above / Replicates, high = 1;
            for (var step = 0; step < 60; step++)
            {
                var middle = (low + high) / 2;
                (low, high) = AtMost(above, Replicates, middle) > 0.05 ? (middle, high) : (low, middle);
            }
            return high;
        }
    }

    /// <summary>P(Binomial(<paramref name="n"/>, <paramref name="p"/>) ≤ <paramref name="x"/>), summed from 0.</summary>
    private static double AtMost(int x, int n, double p)
    {
        var term = Math.Pow(1 - p, n);
        var sum = term;
        for (var k = 0; k < x; k++)
        {
            term *= (n - k) / (k + 1.0) * p / (1 - p);
            sum += term;
        }
        return sum;
    }
}
