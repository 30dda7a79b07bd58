namespace Sanoo.Core.Forensics;

/// <summary>
/// The probability, under the integer test's null (<see cref="IntegerPercentTest"/>), that a station of base n whose reported count
/// is k reports a whole percentage: its count drawn anew from Binomial(n, r), r uniform within ± width / 2 of k / n, where
/// n·(k/n)·(1 − k/n) ≥ 25 as the normal approximation with the spread at the reported rate, rounded to a count (a rate outside
/// 0 to 1 gives 0 or n, never a whole percentage). Computed, not drawn, so that a replicate needs one uniform a station:
/// <list type="bullet">
/// <item>normal: X = n·R + s·Z with R uniform on [lo, hi] and Z standard normal has P(X &lt; x) = s / (n·width) · (Ψ((x − n·lo) / s) −
/// Ψ((x − n·hi) / s)), Ψ(t) = t·Φ(t) + φ(t) the integral of the normal distribution function, and the count is j when
/// j − ½ ≤ X &lt; j + ½;</item>
/// <item>binomial: the integral of Binomial(n, r)'s P(j) over r from 0 to x is P(Binomial(n + 1, x) ≥ j + 1) / (n + 1).</item>
/// </list>
/// The whole counts more than 8 standard deviations from the window (normal) or 12 from its upper end (binomial) add below 10⁻¹⁴
/// and are left out. Ψ is read from a table of Φ and Ψ at steps of 1/256 by cubic Hermite interpolation (error below 10⁻¹²),
/// the table made once from Marsaglia's series; the rest is arithmetic.
/// </summary>
internal static class WholePercentNull
{
    private const int StepsPerUnit = 256;
    private const double TableEnd = 9;
    private static readonly double[] Psi = new double[(int)(2 * TableEnd * StepsPerUnit) + 2];
    private static readonly double[] Phi = new double[Psi.Length];

    static WholePercentNull()
    {
        for (var i = 0; i < Psi.Length; i++)
        {
            var t = -TableEnd + ((double)i / StepsPerUnit);
            var (cdf, density) = Normal(t);
            Phi[i] = cdf;
            Psi[i] = (t * cdf) + density;
        }
    }

    /// <summary>The probability that station of base <paramref name="n"/> and count <paramref name="k"/> draws a whole percentage.</summary>
    public static double Probability(long k, long n, double width)
    {
        if (n <= 0 || k < 0 || k > n || width <= 0)
        {
            return 0;
        }
        // Whole percentages are symmetric (k of n at m % is n − k at 100 − m %): the rate is taken at most one half.
        if (2 * k > n)
        {
            k = n - k;
        }
        var rate = (double)k / n;
        var spread = Math.Sqrt(n * rate * (1 - rate));
        var lo = Math.Max(0, rate - (width / 2));
        var hi = Math.Min(1, rate + (width / 2));
        if (spread >= 5)
        {
            var sum = 0.0;
            foreach (var j in WholeCounts(n, (n * lo) - (8 * spread) - 1, (n * hi) + (8 * spread) + 1))
            {
                sum += Below(j + 0.5, n, lo, hi, spread) - Below(j - 0.5, n, lo, hi, spread);
            }
            return Math.Clamp(sum * spread / (n * width), 0, 1);
        }
        var mean = (n + 1) * hi;
        var whole = WholeCounts(n, 0, mean + (12 * Math.Sqrt(mean)) + 12);
        if (whole.Count == 0)
        {
            return 0;
        }
        var low = AtMost(n + 1, lo, whole);
        var high = AtMost(n + 1, hi, whole);
        var total = 0.0;
        for (var i = 0; i < whole.Count; i++)
        {
            total += low[i] - high[i];
        }
        return Math.Clamp(total / ((n + 1) * width), 0, 1);
    }

    /// <summary>Ψ(t) = t·Φ(t) + φ(t), from the table.</summary>
    public static double PsiOf(double t)
    {
        if (t <= -TableEnd)
        {
            return 0;
        }
        if (t >= TableEnd)
        {
            return t;
        }
        var x = (t + TableEnd) * StepsPerUnit;
        var i = (int)x;
        var u = x - i;
        const double h = 1.0 / StepsPerUnit;
        var u2 = u * u;
        var u3 = u2 * u;
        return (((2 * u3) - (3 * u2) + 1) * Psi[i]) + ((u3 - (2 * u2) + u) * h * Phi[i])
            + (((3 * u2) - (2 * u3)) * Psi[i + 1]) + ((u3 - u2) * h * Phi[i + 1]);
    }

    /// <summary>Φ(t) and φ(t) by Marsaglia's series Φ(t) = ½ + φ(t)·(t + t³/3 + t⁵/(3·5) + …), for |t| ≤ 9; exact to about 10⁻¹⁶.</summary>
    public static (double Cdf, double Density) Normal(double t)
    {
        var density = Math.Exp(-t * t / 2) / Math.Sqrt(2 * Math.PI);
        double sum = t, term = t;
        for (var i = 3; i < 400 && Math.Abs(term) > 1e-30 * Math.Abs(sum); i += 2)
        {
            term *= t * t / i;
            sum += term;
        }
        return (Math.Clamp(0.5 + (density * sum), 0, 1), density);
    }

    /// <summary>P(n·R + s·Z &lt; x) times n·width / s.</summary>
    private static double Below(double x, long n, double lo, double hi, double spread) =>
        PsiOf((x - (n * lo)) / spread) - PsiOf((x - (n * hi)) / spread);

    /// <summary>The counts from 1 to n − 1 that are a whole percentage of <paramref name="n"/>, between <paramref name="from"/> and
    /// <paramref name="to"/>, in order.</summary>
    private static List<long> WholeCounts(long n, double from, double to)
    {
        var counts = new List<long>();
        var first = Math.Max(1, (long)Math.Floor(from));
        var last = Math.Min(n - 1, (long)Math.Ceiling(to));
        if (first > last)
        {
            return counts;
        }
        // m % of n is within half a count of j when |100·j − m·n| ≤ 50: the m from just below first's to just above last's.
        var mFrom = Math.Max(1, (100 * first / n) - 1);
        var mTo = Math.Min(99, (100 * last / n) + 1);
        var previous = first - 1;
        for (var m = mFrom; m <= mTo; m++)
        {
            var low = Math.Max(previous + 1, Math.Max(first, FloorDiv((m * n) - 50 + 99, 100)));
            var high = Math.Min(last, FloorDiv((m * n) + 50, 100));
            for (var j = low; j <= high; j++)
            {
                if (IntegerPercentTest.IsWholePercent(j, n))
                {
                    counts.Add(j);
                    previous = j;
                }
            }
        }
        return counts;
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    /// <summary>
    /// P(Binomial(<paramref name="trials"/>, <paramref name="p"/>) ≤ j) for each j of <paramref name="at"/> (in order): the terms
    /// summed from 0 by their ratio, rescaled as they grow, over their total.
    /// </summary>
    private static double[] AtMost(long trials, double p, List<long> at)
    {
        var result = new double[at.Count];
        if (p <= 0)
        {
            Array.Fill(result, 1.0);
            return result;
        }
        if (p >= 1)
        {
            return result;
        }
        var ratio = p / (1 - p);
        var mean = trials * p;
        double term = 1, sum = 0;
        var next = 0;
        for (long i = 0; i <= trials; i++)
        {
            sum += term;
            if (next < at.Count && at[next] == i)
            {
                result[next++] = sum;
            }
            if (i > mean && next == at.Count && term < sum * 1e-18)
            {
                break;
            }
            term *= ratio * (trials - i) / (i + 1);
            if (sum > 1e250 || term > 1e250)
            {
                sum *= 1e-250;
                term *= 1e-250;
                for (var r = 0; r < next; r++)
                {
                    result[r] *= 1e-250;
                }
            }
        }
        for (var r = 0; r < result.Length; r++)
        {
            result[r] = r < next ? result[r] / sum : 1;
        }
        return result;
    }
}
