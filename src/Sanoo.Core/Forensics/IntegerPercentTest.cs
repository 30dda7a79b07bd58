namespace Sanoo.Core.Forensics;

/// <summary>
/// Runs a batch of independent replicates, numbered 0 to count − 1, in any order and on any threads: the core stays single-threaded
/// and the host (the server, the command) passes a parallel loop. Each replicate draws its own random stream, so the result does not
/// depend on the runner.
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
    /// group (<paramref name="groups"/>[i] from 0 to <paramref name="groupCount"/> − 1, or −1 for none). <paramref name="stream"/>
    /// tells one test's random numbers from another's.
    /// </summary>
    public static (IntegerTestResult All, IntegerTestResult[] Groups) Run(
        long[] counts, long[] bases, int[] groups, int groupCount, ForensicsParameters parameters, int stream, ReplicateRunner runner)
    {
        var tested = new List<int>(counts.Length);
        var observed = new int[groupCount + 1];
        var stations = new int[groupCount + 1];
        for (var i = 0; i < counts.Length; i++)
        {
            if (bases[i] < parameters.MinimumBase || counts[i] < 0 || counts[i] > bases[i])
            {
                continue;
            }
            tested.Add(i);
            var whole = IsWholePercent(counts[i], bases[i]) ? 1 : 0;
            observed[groupCount] += whole;
            stations[groupCount]++;
            if (groups[i] >= 0 && groups[i] < groupCount)
            {
                observed[groups[i]] += whole;
                stations[groups[i]]++;
            }
        }
        var replicates = parameters.Replicates;
        var simulated = new int[replicates * (groupCount + 1)];
        var model = new NullStations(tested, counts, bases, groups, groupCount, parameters.SmoothingPercent / 100);
        runner(replicates, r =>
        {
            var random = new ForensicsRandom(parameters.Seed, ((ulong)stream << 32) | (uint)r);
            model.Draw(ref random, simulated.AsSpan(r * (groupCount + 1), groupCount + 1));
        });
        var results = new IntegerTestResult[groupCount + 1];
        for (var g = 0; g <= groupCount; g++)
        {
            double sum = 0, squares = 0;
            var atLeast = 0;
            for (var r = 0; r < replicates; r++)
            {
                var value = simulated[(r * (groupCount + 1)) + g];
                sum += value;
                squares += (double)value * value;
                atLeast += value >= observed[g] ? 1 : 0;
            }
            var mean = replicates == 0 ? 0 : sum / replicates;
            var sd = replicates < 2 ? 0 : Math.Sqrt(Math.Max(0, (squares - (replicates * mean * mean)) / (replicates - 1)));
            results[g] = new IntegerTestResult(
                stations[g],
                observed[g],
                mean,
                (1.0 + atLeast) / (1.0 + replicates),
                sd > 0 ? (observed[g] - mean) / sd : 0,
                replicates);
        }
        return (results[groupCount], results[..groupCount]);
    }

    /// <summary>
    /// The tested stations laid out for the replicates' inner loop: base, reported rate, the binomial's spread at that rate and the
    /// group, in arrays side by side.
    /// </summary>
    private sealed class NullStations
    {
        private readonly long[] _bases;
        private readonly double[] _rates;
        private readonly double[] _spreads;
        private readonly int[] _groups;
        private readonly int _groupCount;
        private readonly double _width;

        public NullStations(List<int> tested, long[] counts, long[] bases, int[] groups, int groupCount, double width)
        {
            _bases = new long[tested.Count];
            _rates = new double[tested.Count];
            _spreads = new double[tested.Count];
            _groups = new int[tested.Count];
            for (var j = 0; j < tested.Count; j++)
            {
                var i = tested[j];
                _bases[j] = bases[i];
                _rates[j] = (double)counts[i] / bases[i];
                _spreads[j] = Math.Sqrt(bases[i] * _rates[j] * (1 - _rates[j]));
                _groups[j] = groups[i] >= 0 && groups[i] < groupCount ? groups[i] : groupCount;
            }
            _groupCount = groupCount;
            _width = width;
        }

        /// <summary>
        /// One replicate: each station's count drawn anew from Binomial(n, r), r uniform within ± width / 2 of its rate. Where the
        /// binomial's spread n·r·(1−r) is 25 or more it is drawn as the normal approximation with the spread at the reported rate
        /// (half a percentage point of r moves it by well under 1 %); otherwise exactly.
        /// </summary>
        public void Draw(ref ForensicsRandom random, Span<int> row)
        {
            for (var j = 0; j < _bases.Length; j++)
            {
                var n = _bases[j];
                var rate = _rates[j] + ((random.NextDouble() - 0.5) * _width);
                long k;
                if (_spreads[j] >= 5 && rate is > 0 and < 1)
                {
                    var drawn = Math.Round((n * rate) + (_spreads[j] * random.NextGaussian()));
                    k = drawn < 0 ? 0 : drawn > n ? n : (long)drawn;
                }
                else
                {
                    k = random.Binomial(n, rate);
                }
                // Above 100 voters, the nearest whole percentage by floating point, checked exactly (|100k − m·n| ≤ 50 can hold only for
                // the nearest m, and where floating point might pick the other one both are n/2 > 50 away): as IsWholePercent, faster.
                var m = (long)((100.0 * k / n) + 0.5);
                if (n > 100 ? m is >= 1 and <= 99 && Math.Abs((100 * k) - (m * n)) <= 50 : IsWholePercent(k, n))
                {
                    row[_groupCount]++;
                    if (_groups[j] < _groupCount)
                    {
                        row[_groups[j]]++;
                    }
                }
            }
        }
    }
}
