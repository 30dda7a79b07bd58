using Sanoo.Core.Forensics;

namespace Sanoo.Core.Tests.Forensics;

/// <summary>The integer-percentage test's definition of a whole percentage, and its null on figures with and without round ones.</summary>
public class IntegerPercentTestTests
{
    [Theory]
    [InlineData(850, 1000, true)] // exactly 85 %
    [InlineData(1492, 1755, true)] // 85.01 %: no count of 1,755 is nearer 85 %
    [InlineData(1493, 1755, false)] // 85.07 %
    [InlineData(1051, 1237, true)] // 84.96 %, the count nearest 85 % of 1,237
    [InlineData(851, 1000, false)]
    [InlineData(1000, 1000, false)] // 100 % is an anomaly of its own kind, not a whole percentage here
    [InlineData(0, 1000, false)]
    [InlineData(3, 1000, false)] // nearest 0 %
    public void A_whole_percentage_is_the_count_nearest_to_it(long k, long n, bool whole) =>
        Assert.Equal(whole, IntegerPercentTest.IsWholePercent(k, n));

    [Fact]
    public void Smooth_rates_give_no_excess_and_written_in_targets_a_large_one()
    {
        var random = new Random(5);
        var bases = Enumerable.Range(0, 5_000).Select(_ => (long)random.Next(300, 2_700)).ToArray();
        var counts = bases.Select(n => (long)(n * (0.3 + (0.4 * random.NextDouble())))).ToArray();
        var groups = new int[bases.Length];
        var ordinals = Ordinals(bases.Length);
        var clean = IntegerPercentTest.Run(counts, bases, ordinals, groups, 1, ForensicsParameters.Default, 0, IntegerPercentTest.Sequential).All;
        Assert.InRange(clean.ZScore, -3, 3);
        Assert.Equal(clean.Observed, counts.Zip(bases).Count(p => IntegerPercentTest.IsWholePercent(p.First, p.Second)));

        // A tenth of the stations report the count nearest 70 %.
        for (var i = 0; i < bases.Length; i += 10)
        {
            counts[i] = (long)Math.Round(bases[i] * 0.7, MidpointRounding.AwayFromZero);
        }
        var forged = IntegerPercentTest.Run(counts, bases, ordinals, groups, 1, ForensicsParameters.Default, 0, IntegerPercentTest.Sequential);
        Assert.True(forged.All.Excess > 400, $"excess {forged.All.Excess}");
        Assert.Equal(1.0 / (ForensicsParameters.Default.Replicates + 1), forged.All.PValue);
        Assert.Equal(forged.All.Observed, forged.Groups[0].Observed);
    }

    [Fact]
    public void Stations_below_the_minimum_base_are_not_tested()
    {
        long[] bases = [100, 150, 199, 200, 1000];
        long[] counts = [50, 75, 100, 100, 500];
        var result = IntegerPercentTest.Run(
            counts, bases, Ordinals(5), new int[5], 0, ForensicsParameters.Default, 0, IntegerPercentTest.Sequential).All;
        Assert.Equal(2, result.Stations);
        Assert.Equal(2, result.Observed);
    }

    [Theory]
    [InlineData(1200, 1755)] // the normal approximation
    [InlineData(400, 800)]
    [InlineData(310, 1000)] // a window crossing whole percentages at 31 % and 30.5 %
    [InlineData(12, 1500)] // the exact binomial, rate near 0
    [InlineData(1490, 1500)] // and near 1
    [InlineData(3, 250)]
    public void The_probability_of_a_whole_percentage_is_that_of_the_null_drawn(long k, long n)
    {
        // The null drawn as stated (docs/forensics.md): the rate uniform within ± half a point, then Binomial(n, rate), by the normal
        // approximation with the spread at the reported rate where n·r·(1 − r) ≥ 25, exactly otherwise.
        var random = new Random((int)(k * 7919 + n));
        var rate = (double)k / n;
        var spread = Math.Sqrt(n * rate * (1 - rate));
        const int draws = 400_000;
        var whole = 0;
        for (var d = 0; d < draws; d++)
        {
            var r = rate + ((random.NextDouble() - 0.5) * 0.01);
            long drawn;
            if (r <= 0 || r >= 1)
            {
                drawn = r <= 0 ? 0 : n;
            }
            else if (spread >= 5)
            {
                var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                drawn = Math.Clamp((long)Math.Round((n * r) + (spread * z)), 0, n);
            }
            else
            {
                // By inversion, of the rarer outcome: its mean is below 50 here.
                var q = Math.Min(r, 1 - r);
                var u = random.NextDouble();
                var probability = Math.Pow(1 - q, n);
                drawn = 0;
                while (u > probability && drawn < n)
                {
                    u -= probability;
                    probability *= q / (1 - q) * (n - drawn) / (drawn + 1);
                    drawn++;
                }
                drawn = r > 0.5 ? n - drawn : drawn;
            }
            whole += IntegerPercentTest.IsWholePercent(drawn, n) ? 1 : 0;
        }
        var p = WholePercentNull.Probability(k, n, 0.01);
        var error = Math.Sqrt(p * (1 - p) / draws);
        Assert.InRange((double)whole / draws, p - (4.5 * error), p + (4.5 * error));
        Assert.InRange(p, 0.2 * 100 / n, 5.0 * 100 / n);
    }

    [Fact]
    public void The_normal_integral_is_read_from_its_table_to_twelve_places()
    {
        for (var t = -9.5; t <= 9.5; t += 0.0137)
        {
            var (cdf, density) = WholePercentNull.Normal(Math.Clamp(t, -9, 9));
            var exact = t <= -9 ? 0 : t >= 9 ? t : (t * cdf) + density;
            Assert.Equal(exact, WholePercentNull.PsiOf(t), 1e-12);
        }
        Assert.Equal(0.975002104851780, WholePercentNull.Normal(1.96).Cdf, 1e-14);
    }

    [Fact]
    public void The_nulls_mean_count_is_the_sum_of_the_stations_probabilities()
    {
        var random = new Random(11);
        var bases = Enumerable.Range(0, 20_000).Select(_ => (long)random.Next(200, 3_000)).ToArray();
        var counts = bases.Select(n => (long)(n * random.NextDouble())).ToArray();
        var result = IntegerPercentTest.Run(
            counts, bases, Ordinals(bases.Length), new int[bases.Length], 0, ForensicsParameters.Default, 0, IntegerPercentTest.Sequential).All;
        var analytic = counts.Zip(bases).Sum(s => WholePercentNull.Probability(s.First, s.Second, 0.01));
        var variance = counts.Zip(bases).Select(s => WholePercentNull.Probability(s.First, s.Second, 0.01)).Sum(p => p * (1 - p));
        // The replicates' mean is within four standard errors of the expectation, which is about 100 / n a station.
        Assert.InRange(result.Expected, analytic - (4 * Math.Sqrt(variance / 200)), analytic + (4 * Math.Sqrt(variance / 200)));
        Assert.InRange(analytic, 0.8 * bases.Sum(n => 100.0 / n), 1.2 * bases.Sum(n => 100.0 / n));
    }

    [Fact]
    public void A_book_kept_from_earlier_figures_gives_what_drawing_anew_gives()
    {
        var random = new Random(3);
        var bases = Enumerable.Range(0, 3_000).Select(_ => (long)random.Next(150, 2_500)).ToArray();
        var counts = bases.Select(n => (long)(n * random.NextDouble())).ToArray();
        var ordinals = Ordinals(bases.Length).Reverse().ToArray();
        var groups = bases.Select((_, i) => i % 4).ToArray();
        var parameters = ForensicsParameters.Default;
        var earlier = NullDraws.Of(bases.Length, counts, bases, ordinals, parameters, 1, IntegerPercentTest.Sequential);
        Assert.Equal(bases.Count(n => n >= 200), earlier.Drawn);

        // A new snapshot: a tenth of the stations report new figures; the book drawn from the earlier one draws only those.
        var later = (long[])counts.Clone();
        for (var i = 0; i < later.Length; i += 10)
        {
            later[i] = Math.Min(bases[i], later[i] + 7);
        }
        var kept = NullDraws.Of(bases.Length, later, bases, ordinals, parameters, 1, IntegerPercentTest.Sequential, earlier);
        Assert.InRange(kept.Drawn, 1, bases.Length / 10);
        var fresh = IntegerPercentTest.Run(later, bases, ordinals, groups, 4, parameters, 1, IntegerPercentTest.Sequential);
        var fromBook = IntegerPercentTest.Run(later, bases, ordinals, groups, 4, parameters, 1, IntegerPercentTest.Sequential, kept);
        var parallel = IntegerPercentTest.Run(later, bases, ordinals, groups, 4, parameters, 1, (n, body) => Parallel.For(0, n, body), kept);
        Assert.Equal(fresh.All, fromBook.All);
        Assert.Equal(fresh.Groups, fromBook.Groups);
        Assert.Equal(fresh.All, parallel.All);
        // The earlier book, whose figures differ, is not taken for the stations that changed; another test's book not at all.
        Assert.Equal(fresh.All, IntegerPercentTest.Run(later, bases, ordinals, groups, 4, parameters, 1, IntegerPercentTest.Sequential, earlier).All);
        Assert.Equal(
            IntegerPercentTest.Run(later, bases, ordinals, groups, 4, parameters, 2, IntegerPercentTest.Sequential).All,
            IntegerPercentTest.Run(later, bases, ordinals, groups, 4, parameters, 2, IntegerPercentTest.Sequential, kept).All);
        // An area's count in a replicate is the sum of its parts': the groups' expected counts add up to the whole's.
        Assert.Equal(fresh.All.Expected, fresh.Groups.Sum(g => g.Expected), 9);
    }

    private static int[] Ordinals(int count) => [.. Enumerable.Range(0, count)];
}
