namespace Sanoo.Core.Forensics;

/// <summary>
/// The Monte Carlo's random numbers: xoshiro256** (Blackman and Vigna, 2018) seeded through SplitMix64 from a seed and a stream
/// number, so that each replicate of each test draws its own stream and the result is the same on every machine, whatever the
/// order or the number of threads the replicates run on. Not for anything secret. Mutable; one per replicate.
/// </summary>
internal struct ForensicsRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spare;
    private bool _hasSpare;

    public ForensicsRandom(ulong seed, ulong stream)
    {
        var x = unchecked(seed ^ (stream * 0xD1B54A32D192ED03UL));
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
        _spare = 0;
        _hasSpare = false;
    }

    /// <summary>A double uniform in [0, 1), 53 bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A standard normal deviate (Marsaglia's polar method; the second of each pair is kept for the next call).</summary>
    public double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }
        double u, v, s;
        do
        {
            u = (2 * NextDouble()) - 1;
            v = (2 * NextDouble()) - 1;
            s = (u * u) + (v * v);
        }
        while (s >= 1 || s == 0);
        var factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spare = v * factor;
        _hasSpare = true;
        return u * factor;
    }

    /// <summary>
    /// A draw from Binomial(<paramref name="n"/>, <paramref name="p"/>): exact by inversion while n·p·(1−p) &lt; 25, otherwise the
    /// normal approximation rounded to the nearest count (its error in total variation is of order 1/√(n·p·(1−p)), below 0.2 there,
    /// and what the integer test reads, a count's place against the whole percentages, is spread far wider).
    /// </summary>
    public long Binomial(long n, double p)
    {
        if (p <= 0 || n <= 0)
        {
            return 0;
        }
        if (p >= 1)
        {
            return n;
        }
        var variance = n * p * (1 - p);
        if (variance >= 25)
        {
            var k = Math.Round((n * p) + (Math.Sqrt(variance) * NextGaussian()));
            return k < 0 ? 0 : k > n ? n : (long)k;
        }
        return p <= 0.5 ? Inversion(n, p) : n - Inversion(n, 1 - p);
    }

    private long Inversion(long n, double p)
    {
        // Walks the cumulative distribution from 0; the mean is below 50 here, so the walk is short.
        var q = 1 - p;
        var ratio = p / q;
        var probability = Math.Exp(n * Math.Log(q));
        var u = NextDouble();
        long k = 0;
        while (u > probability && k < n)
        {
            u -= probability;
            probability *= ratio * (n - k) / (k + 1);
            k++;
        }
        return k;
    }

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
