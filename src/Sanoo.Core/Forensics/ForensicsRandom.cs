namespace Sanoo.Core.Forensics;

/// <summary>
/// The Monte Carlo's random numbers: xoshiro256** (Blackman and Vigna, 2018) seeded through SplitMix64 from a seed and a stream
/// number, so that each station of each test draws its own stream (<see cref="NullDraws"/>) and the result is the same on every
/// machine, whatever the order or the number of threads the stations are drawn on. Not for anything secret. Mutable; one per
/// station and test.
/// </summary>
internal struct ForensicsRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public ForensicsRandom(ulong seed, ulong stream)
    {
        var x = unchecked(seed ^ (stream * 0xD1B54A32D192ED03UL));
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>A double uniform in [0, 1), 53 bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    private ulong Next()
    {
        var result = unchecked(ulong.RotateLeft(_s1 * 5, 7) * 9);
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    private static ulong SplitMix(ref ulong x)
    {
        unchecked
        {
            var z = x += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
