namespace Sanoo.Core.Tally;

/// <summary>
/// The bytes of a tally engine's state (<see cref="TallyEngine.ExportState"/>): unsigned LEB128 numbers, signed ones zig-zagged,
/// so a million station positions take about three bytes each. Reading never throws on bad bytes: it says they ran out or
/// overflowed (<see cref="Failed"/>), and the caller refuses the state.
/// </summary>
internal ref struct TallyStateCodec
{
    /// <summary>The first bytes of every state, with the format's version.</summary>
    public static ReadOnlySpan<byte> Magic => "sanoo-tally/1\n"u8;

    private readonly ReadOnlySpan<byte> _bytes;
    private int _at;

    public TallyStateCodec(ReadOnlySpan<byte> bytes)
    {
        _bytes = bytes;
        Failed = !bytes.StartsWith(Magic);
        _at = Magic.Length;
    }

    /// <summary>Whether the bytes were not a state: a wrong start, or they ran out or overflowed.</summary>
    public bool Failed { get; private set; }

    /// <summary>Whether every byte was read.</summary>
    public readonly bool AtEnd => _at == _bytes.Length;

    public ulong Unsigned()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64 && !Failed; shift += 7)
        {
            if (_at >= _bytes.Length)
            {
                break;
            }
            var b = _bytes[_at++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
        Failed = true;
        return 0;
    }

    public long Signed()
    {
        var zigzag = Unsigned();
        return unchecked((long)(zigzag >> 1) ^ -(long)(zigzag & 1));
    }

    public int Count(int most)
    {
        var value = Unsigned();
        if (value > (ulong)most)
        {
            Failed = true;
            return 0;
        }
        return (int)value;
    }

    public ReadOnlySpan<byte> Take(int count)
    {
        if (_bytes.Length - _at < count)
        {
            Failed = true;
            return [];
        }
        _at += count;
        return _bytes.Slice(_at - count, count);
    }

    public static void Write(List<byte> output, ulong value)
    {
        while (value >= 0x80)
        {
            output.Add(unchecked((byte)(value | 0x80)));
            value >>= 7;
        }
        output.Add((byte)value);
    }

    public static void WriteSigned(List<byte> output, long value) => Write(output, unchecked((ulong)((value << 1) ^ (value >> 63))));
}
