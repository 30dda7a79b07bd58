namespace Sanoo.Core.Forensics;

/// <summary>
/// Runs a batch of independent pieces of work, numbered 0 to count − 1, in any order and on any threads: the core stays
/// single-threaded and the host (the server, the command) passes a parallel loop. Each piece (a chunk of stations' null draws)
/// writes only its own part and draws from its stations' own random streams, so the result does not depend on the runner.
/// </summary>
public delegate void ReplicateRunner(int count, Action<int> replicate);

/// <summary>
/// The integer-percentage test of Kobak, Shpilkin and Pshenichnikov ("Integer percentages as electoral falsification fingerprints",
/// Annals of Applied Statistics 10(1), 2016): how many stations report a rate that is a whole percentage, against how many would
/// under a null that keeps each station's size and smooths its rate. A station with base n (registered voters for turnout, voters
/// who took part for a share) and count k reports a whole percentage m when k is the count nearest to m % of n, |100k − m·n| ≤ 50,
/// for m from 1 to 99 (0 and 100 % are anomalies of their own kind): the precision its size allows. About 100/n of all counts do
/// so by chance, so stations with n below <see cref="ForensicsParameters.MinimumBase"/> are left out. The null draws each station's
/// count anew from Binomial(n, r), r uniform within ± half of <see cref="ForensicsParameters.SmoothingPercent"/> of its reported rate;
/// the expected count is the replicates' mean and the p-value (1 + replicates at or above the observed count) / (1 + replicates).
/// Each station's replicates come from its own random stream (<see cref="NullDraws"/>): whether it draws a whole percentage in
/// replicate r is the r-th uniform of the stream (seed, test, station's ordinal) against the probability that its draw is one
/// (<see cref="WholePercentNull"/>), so a replicate's count over an area is the sum over its stations whichever area is asked.
/// </summary>
public static class IntegerPercentTest
{
    /// <summary>Runs replicates one after another.</summary>
    public static readonly ReplicateRunner Sequential = static (count, replicate) =>
    {
        for (var r = 0; r < count; r++)
        {
            replicate(r);
        }
    };

    /// <summary>Whether <paramref name="k"/> of <paramref name="n"/> is a whole percentage from 1 to 99 at the precision n allows.</summary>
    public static bool IsWholePercent(long k, long n)
    {
        if (n <= 0 || k <= 0 || k >= n)
        {
            return false;
        }
        var hundredK = 100 * k;
        var m = (hundredK + (n / 2)) / n;
        return m is >= 1 and <= 99 && Math.Abs(hundredK - (m * n)) <= 50;
    }

    /// <summary>
    /// The test over stations <c>i</c> with count <paramref name="counts"/>[i] of base <paramref name="bases"/>[i], overall and per
    /// group (<paramref name="groups"/>[i] from 0 to <paramref name="groupCount"/> − 1, or −1 for none). <paramref name="stations"/>[i]
    /// is the station's ordinal in the election, which with <paramref name="stream"/> (one test's random numbers from another's)
    /// names its random stream; <paramref name="kept"/>, a book of the same test drawn earlier, gives the bits of the stations it
    /// holds with the same figures (the same bits as drawn anew).
    /// </summary>
    public static (IntegerTestResult All, IntegerTestResult[] Groups) Run(
        long[] counts,
        long[] bases,
        int[] stations,
        int[] groups,
        int groupCount,
        ForensicsParameters parameters,
        int stream,
        ReplicateRunner runner,
        NullDraws? kept = null)
    {
        var tested = new List<int>(counts.Length);
        var observed = new int[groupCount + 1];
        var counted = new int[groupCount + 1];
        for (var i = 0; i < counts.Length; i++)
        {
            if (bases[i] < parameters.MinimumBase || counts[i] < 0 || counts[i] > bases[i])
            {
                continue;
            }
            tested.Add(i);
            var whole = IsWholePercent(counts[i], bases[i]) ? 1 : 0;
            observed[groupCount] += whole;
            counted[groupCount]++;
            if (groups[i] >= 0 && groups[i] < groupCount)
            {
                observed[groups[i]] += whole;
                counted[groups[i]]++;
            }
        }
        var replicates = parameters.Replicates;
        var words = NullDraws.WordsFor(replicates);
        var bits = new ulong[tested.Count * words];
        kept = kept is not null && kept.Stream == stream && kept.Parameters == parameters ? kept : null;
        const int chunk = 4096;
        runner((tested.Count + chunk - 1) / chunk, c =>
        {
            for (var j = c * chunk; j < Math.Min(tested.Count, (c + 1) * chunk); j++)
            {
                var i = tested[j];
                var mine = bits.AsSpan(j * words, words);
                var held = kept is null ? [] : kept.BitsOf(stations[i], counts[i], bases[i]);
                if (held.IsEmpty)
                {
                    NullDraws.Draw(parameters, stream, stations[i], counts[i], bases[i], mine);
                }
                else
                {
                    held.CopyTo(mine);
                }
            }
        });
        var width = groupCount + 1;
        var simulated = new int[replicates * width];
        for (var j = 0; j < tested.Count; j++)
        {
            var i = tested[j];
            var group = groups[i] >= 0 && groups[i] < groupCount ? groups[i] : -1;
            for (var w = 0; w < words; w++)
            {
                for (var word = bits[(j * words) + w]; word != 0; word &= word - 1)
                {
                    var r = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(word);
                    simulated[(r * width) + groupCount]++;
                    if (group >= 0)
                    {
                        simulated[(r * width) + group]++;
                    }
                }
            }
        }
        var results = new IntegerTestResult[groupCount + 1];
        for (var g = 0; g <= groupCount; g++)
        {
            double sum = 0, squares = 0;
            var atLeast = 0;
            for (var r = 0; r < replicates; r++)
            {
                var value = simulated[(r * width) + g];
                sum += value;
                squares += (double)value * value;
                atLeast += value >= observed[g] ? 1 : 0;
            }
            var mean = replicates == 0 ? 0 : sum / replicates;
            var sd = replicates < 2 ? 0 : Math.Sqrt(Math.Max(0, (squares - (replicates * mean * mean)) / (replicates - 1)));
            results[g] = new IntegerTestResult(
                counted[g],
                observed[g],
                mean,
                (1.0 + atLeast) / (1.0 + replicates),
                sd > 0 ? (observed[g] - mean) / sd : 0,
                replicates);
        }
        return (results[groupCount], results[..groupCount]);
    }
}
