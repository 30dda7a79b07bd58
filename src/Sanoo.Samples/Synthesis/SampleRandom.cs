namespace Sanoo.Samples.Synthesis;

/// <summary>
/// A small seeded generator (SplitMix64) for sample data. Its own code rather than
/// <see cref="Random"/>, whose seeded sequence .NET does not promise to keep, and with only
/// basic IEEE arithmetic (no exp or log, whose last bit may differ between platforms), so a
/// sample is the same on every machine and every .NET version.
/// </summary>
public sealed class SampleRandom(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits()
    {
        var z = unchecked(_state += 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>A uniform number in [0, 1).</summary>
    public double NextDouble() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform whole number in [0, n).</summary>
    public int Next(int n) => (int)(NextBits() % (ulong)n);

    /// <summary>A uniform number in [low, high).</summary>
    public double Between(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>A positive factor around 1 with a bell-shaped spread of about ±<paramref name="spread"/> (sum of four uniforms).</summary>
    public double Factor(double spread)
    {
        var bell = (NextDouble() + NextDouble() + NextDouble() + NextDouble() - 2.0) / 2.0; // in [-1, 1], peaked at 0
        var factor = 1.0 + (bell * spread * 2.0);
        return factor < 0.05 ? 0.05 : factor;
    }

    /// <summary>A generator for a named part of the sample, so parts do not shift each other when one changes.</summary>
    public SampleRandom Fork(string name)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in name)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }
        return new SampleRandom(_state ^ hash);
    }
}
