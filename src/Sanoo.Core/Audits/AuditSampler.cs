using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sanoo.Core.Audits;

/// <summary>
/// The audit's public, reproducible sampler: batches drawn with probability proportional to their error bounds, with
/// replacement, from a seed rolled in public (docs/audits.md gives the algorithm and a test vector so that anyone can redraw the
/// sample). Draw number j (from 1) takes the SHA-256 of the ASCII text <c>SEED,j</c>, reads its first 16 bytes as a big-endian
/// integer h, and picks r = ⌊h·W / 2^128⌋ where W is the sum of the weights; the batch drawn is the first whose running sum of
/// weights (in the batches' order) exceeds r. As in Rivest's sampler, each draw depends only on the seed and its number, so a
/// later round continues the same sequence.
/// </summary>
public static class AuditSampler
{
    /// <summary>The first 16 bytes of SHA-256(<c>SEED,j</c>) as a big-endian integer.</summary>
    public static UInt128 Ticket(string seed, long draw)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(seed + "," + draw.ToString(CultureInfo.InvariantCulture)));
        return BinaryPrimitives.ReadUInt128BigEndian(hash);
    }

    /// <summary>
    /// Draws number <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1: the index of the batch
    /// each one picks, in draw order. <paramref name="weights"/> are whole numbers, not all zero.
    /// </summary>
    public static ImmutableArray<int> Draw(string seed, long first, int count, IReadOnlyList<long> weights)
    {
        var running = new long[weights.Count];
        long total = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            total += weights[i];
            running[i] = total;
        }
        if (total <= 0)
        {
            throw new ArgumentException("the sampler needs a positive weight", nameof(weights));
        }
        var draws = ImmutableArray.CreateBuilder<int>(count);
        for (var j = first; j < first + count; j++)
        {
            var r = Scale(Ticket(seed, j), (ulong)total);
            var found = Array.BinarySearch(running, r + 1);
            draws.Add(found >= 0 ? FirstOf(running, found) : ~found);
        }
        return draws.MoveToImmutable();
    }

    /// <summary>⌊h·w / 2^128⌋, exactly, without a 192-bit product.</summary>
    private static long Scale(UInt128 h, ulong w)
    {
        var high = (UInt128)(ulong)(h >> 64) * w;
        var low = (UInt128)(ulong)(h & ulong.MaxValue) * w;
        return (long)((high + (low >> 64)) >> 64);
    }

    /// <summary>The first index holding the same running sum (batches of weight 0 repeat the sum before them).</summary>
    private static int FirstOf(long[] running, int found)
    {
        while (found > 0 && running[found - 1] == running[found])
        {
            found--;
        }
        return found;
    }
}
