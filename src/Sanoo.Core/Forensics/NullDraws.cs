namespace Sanoo.Core.Forensics;

/// <summary>
/// One integer test's null replicates, station by station (<see cref="IntegerPercentTest"/>): for each station, by its ordinal in
/// the election, the replicates in which it draws a whole percentage, one bit a replicate. A station's bits are a function of the
/// seed, the test's stream, the station's ordinal and its count and base alone (its own random stream, one uniform a replicate
/// against <see cref="WholePercentNull.Probability"/>), so an area's simulated count in a replicate is the sum over its stations,
/// the same whichever area, order or thread they are drawn for, and a new snapshot draws only the stations whose figures changed
/// (<see cref="Of"/> with the earlier book). Immutable once made.
/// </summary>
public sealed class NullDraws
{
    private readonly long[] _counts;
    private readonly long[] _bases;
    private readonly ulong[] _bits;

    private NullDraws(int stations, ForensicsParameters parameters, int stream)
    {
        Parameters = parameters;
        Stream = stream;
        Words = WordsFor(parameters.Replicates);
        _counts = new long[stations];
        _bases = new long[stations];
        _bits = new ulong[stations * Words];
    }

    /// <summary>The parameters the bits were drawn with.</summary>
    public ForensicsParameters Parameters { get; }

    /// <summary>The test's stream: 0 for turnout, 1 + c for choice c's share.</summary>
    public int Stream { get; }

    /// <summary>How many 64-bit words a station's replicates take.</summary>
    internal int Words { get; }

    /// <summary>How many stations were drawn anew (not taken from the earlier book).</summary>
    public int Drawn { get; private set; }

    internal static int WordsFor(int replicates) => (replicates + 63) / 64;

    /// <summary>
    /// The book of the stations <c>i</c> (ordinal <paramref name="stations"/>[i], count <paramref name="counts"/>[i] of base
    /// <paramref name="bases"/>[i]) among <paramref name="stationCount"/>; a station whose count and base are those of
    /// <paramref name="earlier"/> (drawn with the same parameters and stream) keeps its bits, the others are drawn in chunks by
    /// <paramref name="runner"/>.
    /// </summary>
    public static NullDraws Of(
        int stationCount,
        long[] counts,
        long[] bases,
        int[] stations,
        ForensicsParameters parameters,
        int stream,
        ReplicateRunner runner,
        NullDraws? earlier = null)
    {
        var book = new NullDraws(stationCount, parameters, stream);
        var reuse = earlier is not null && earlier.Stream == stream && earlier.Parameters == parameters && earlier._counts.Length == stationCount;
        var fresh = new List<int>();
        for (var i = 0; i < stations.Length; i++)
        {
            var o = stations[i];
            if (bases[i] < parameters.MinimumBase || counts[i] < 0 || counts[i] > bases[i])
            {
                continue;
            }
            book._counts[o] = counts[i];
            book._bases[o] = bases[i];
            if (reuse && earlier!._bases[o] == bases[i] && earlier._counts[o] == counts[i])
            {
                earlier.BitsOf(o).CopyTo(book._bits.AsSpan(o * book.Words, book.Words));
            }
            else
            {
                fresh.Add(o);
            }
        }
        book.Drawn = fresh.Count;
        const int chunk = 4096;
        runner((fresh.Count + chunk - 1) / chunk, c =>
        {
            for (var j = c * chunk; j < Math.Min(fresh.Count, (c + 1) * chunk); j++)
            {
                var o = fresh[j];
                Draw(parameters, stream, o, book._counts[o], book._bases[o], book._bits.AsSpan(o * book.Words, book.Words));
            }
        });
        return book;
    }

    /// <summary>The bits of station <paramref name="station"/> when the book drew it with this count and base; empty otherwise.</summary>
    internal ReadOnlySpan<ulong> BitsOf(int station, long count, long @base) =>
        station >= 0 && station < _bases.Length && _bases[station] == @base && _counts[station] == count && @base > 0
            ? BitsOf(station)
            : [];

    private ReadOnlySpan<ulong> BitsOf(int station) => _bits.AsSpan(station * Words, Words);

    /// <summary>
    /// Station <paramref name="station"/>'s replicates: bit r set when replicate r's uniform, the r-th of the station's own stream, is
    /// below its probability of a whole percentage.
    /// </summary>
    internal static void Draw(ForensicsParameters parameters, int stream, int station, long count, long @base, Span<ulong> bits)
    {
        bits.Clear();
        var p = WholePercentNull.Probability(count, @base, parameters.SmoothingPercent / 100);
        if (p <= 0)
        {
            return;
        }
        var random = new ForensicsRandom(parameters.Seed, ((ulong)(uint)stream << 32) | (uint)station);
        for (var r = 0; r < parameters.Replicates; r++)
        {
            if (random.NextDouble() < p)
            {
                bits[r >> 6] |= 1UL << (r & 63);
            }
        }
    }
}
