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
        var clean = IntegerPercentTest.Run(counts, bases, groups, 1, ForensicsParameters.Default, 0, IntegerPercentTest.Sequential).All;
        Assert.InRange(clean.ZScore, -3, 3);
        Assert.Equal(clean.Observed, counts.Zip(bases).Count(p => IntegerPercentTest.IsWholePercent(p.First, p.Second)));

        // A tenth of the stations report the count nearest 70 %.
        for (var i = 0; i < bases.Length; i += 10)
        {
            counts[i] = (long)Math.Round(bases[i] * 0.7, MidpointRounding.AwayFromZero);
        }
        var forged = IntegerPercentTest.Run(counts, bases, groups, 1, ForensicsParameters.Default, 0, IntegerPercentTest.Sequential);
        Assert.True(forged.All.Excess > 400, $"excess {forged.All.Excess}");
        Assert.Equal(1.0 / (ForensicsParameters.Default.Replicates + 1), forged.All.PValue);
        Assert.Equal(forged.All.Observed, forged.Groups[0].Observed);
    }

    [Fact]
    public void Stations_below_the_minimum_base_are_not_tested()
    {
        long[] bases = [100, 150, 199, 200, 1000];
        long[] counts = [50, 75, 100, 100, 500];
        var result = IntegerPercentTest.Run(counts, bases, new int[5], 0, ForensicsParameters.Default, 0, IntegerPercentTest.Sequential).All;
        Assert.Equal(2, result.Stations);
        Assert.Equal(2, result.Observed);
    }
}
