using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Sanoo.Core.Definitions;

namespace Sanoo.Log;

/// <summary>
/// Each station's current device key as 32 raw bytes, kept by station ordinal in one array (32 MB at a million stations, made
/// at the first enrolment, so an election of hand counts only has none) rather than as a million objects; a key enrolled for a
/// station the definition does not have is kept by name beside it. Read by request threads while the log's writer changes it,
/// so every access takes its lock (short and uncontended).
/// </summary>
internal sealed class DeviceKeys(Election election)
{
    /// <summary>Bytes of an Ed25519 public key.</summary>
    public const int KeyLength = 32;

    private byte[] _keys = [];
    private bool[] _held = [];
    private readonly Dictionary<string, byte[]> _unmapped = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _revoked = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Stations with a key now.</summary>
    public int Count { get; private set; }

    /// <summary>Whether <paramref name="key"/> is the station's key now.</summary>
    public bool IsCurrent(string station, ReadOnlySpan<byte> key)
    {
        Span<byte> current = stackalloc byte[KeyLength];
        return TryGet(station, current) && current.SequenceEqual(key);
    }

    /// <summary>Whether the station's last key was revoked, and none enrolled since.</summary>
    public bool IsRevoked(string station)
    {
        lock (_lock)
        {
            return _revoked.Contains(station);
        }
    }

    /// <summary>Copies the station's key now into <paramref name="key"/> (32 bytes); false when it has none.</summary>
    public bool TryGet(string station, Span<byte> key)
    {
        var ordinal = Ordinal(station);
        lock (_lock)
        {
            if (ordinal >= 0)
            {
                if (_held.Length == 0 || !_held[ordinal])
                {
                    return false;
                }
                _keys.AsSpan(ordinal * KeyLength, KeyLength).CopyTo(key);
                return true;
            }
            if (_unmapped.TryGetValue(station, out var held))
            {
                held.CopyTo(key);
                return true;
            }
            return false;
        }
    }

    /// <summary>Makes <paramref name="key"/> the station's key (an enrolment replaces the one before).</summary>
    public void Set(string station, ReadOnlySpan<byte> key)
    {
        if (key.Length != KeyLength)
        {
            throw new ArgumentException($"a device key is {KeyLength} bytes, not {key.Length}", nameof(key));
        }
        var ordinal = Ordinal(station);
        lock (_lock)
        {
            _revoked.Remove(station);
            if (ordinal >= 0)
            {
                EnsureArrays();
                key.CopyTo(_keys.AsSpan(ordinal * KeyLength, KeyLength));
                Count += _held[ordinal] ? 0 : 1;
                _held[ordinal] = true;
            }
            else
            {
                Count += _unmapped.ContainsKey(station) ? 0 : 1;
                _unmapped[station] = key.ToArray();
            }
        }
    }

    /// <summary>Removes the station's key (a revocation).</summary>
    public void Remove(string station)
    {
        var ordinal = Ordinal(station);
        lock (_lock)
        {
            _revoked.Add(station);
            if (ordinal >= 0 ? _held.Length > 0 && _held[ordinal] : _unmapped.Remove(station))
            {
                Count--;
            }
            if (ordinal >= 0 && _held.Length > 0)
            {
                _held[ordinal] = false;
                _keys.AsSpan(ordinal * KeyLength, KeyLength).Clear();
            }
        }
    }

    /// <summary>
    /// Writes every key: their count (4 bytes), then each as its station's ordinal (4 bytes; −1 for a station the definition does
    /// not have, then its name's length in 2 bytes and the name in UTF-8) and its 32 bytes; stations of the definition by ordinal
    /// first, then the others by name; then the stations whose key was revoked (their count in 4 bytes, then each name as above), by
    /// name. The same keys give the same bytes on every server. Integers little-endian.
    /// </summary>
    public void Export(IBufferWriter<byte> output)
    {
        lock (_lock)
        {
            BinaryPrimitives.WriteInt32LittleEndian(output.GetSpan(4), Count);
            output.Advance(4);
            for (var ordinal = 0; ordinal < _held.Length; ordinal++)
            {
                if (_held[ordinal])
                {
                    var span = output.GetSpan(4 + KeyLength);
                    BinaryPrimitives.WriteInt32LittleEndian(span, ordinal);
                    _keys.AsSpan(ordinal * KeyLength, KeyLength).CopyTo(span[4..]);
                    output.Advance(4 + KeyLength);
                }
            }
            foreach (var (station, key) in _unmapped.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                var name = Encoding.UTF8.GetBytes(station);
                var span = output.GetSpan(6 + name.Length + KeyLength);
                BinaryPrimitives.WriteInt32LittleEndian(span, -1);
                BinaryPrimitives.WriteUInt16LittleEndian(span[4..], checked((ushort)name.Length));
                name.CopyTo(span[6..]);
                key.CopyTo(span[(6 + name.Length)..]);
                output.Advance(6 + name.Length + KeyLength);
            }
            BinaryPrimitives.WriteInt32LittleEndian(output.GetSpan(4), _revoked.Count);
            output.Advance(4);
            foreach (var station in _revoked)
            {
                var name = Encoding.UTF8.GetBytes(station);
                var span = output.GetSpan(2 + name.Length);
                BinaryPrimitives.WriteUInt16LittleEndian(span, checked((ushort)name.Length));
                name.CopyTo(span[2..]);
                output.Advance(2 + name.Length);
            }
        }
    }

    /// <summary>
    /// Takes the keys <see cref="Export"/> wrote, in place of any held; returns the bytes read, or −1 when they are not such keys
    /// (cut short, an ordinal out of range or out of order, a station twice).
    /// </summary>
    public int Import(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || BinaryPrimitives.ReadInt32LittleEndian(bytes) is var count && count < 0)
        {
            return -1;
        }
        lock (_lock)
        {
            Array.Clear(_held);
            Array.Clear(_keys);
            if (count > 0)
            {
                EnsureArrays();
            }
            _unmapped.Clear();
            Count = 0;
            var at = 4;
            var last = -1;
            for (var i = 0; i < count; i++)
            {
                if (bytes.Length - at < 4 + KeyLength)
                {
                    return -1;
                }
                var ordinal = BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]);
                at += 4;
                if (ordinal >= 0)
                {
                    if (ordinal <= last || ordinal >= election.StationCount || _unmapped.Count > 0)
                    {
                        return -1;
                    }
                    bytes.Slice(at, KeyLength).CopyTo(_keys.AsSpan(ordinal * KeyLength, KeyLength));
                    _held[ordinal] = true;
                    last = ordinal;
                }
                else
                {
                    var length = bytes.Length - at >= 2 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes[at..]) : int.MaxValue;
                    if (ordinal != -1 || bytes.Length - at - 2 < length + KeyLength)
                    {
                        return -1;
                    }
                    var station = Encoding.UTF8.GetString(bytes.Slice(at + 2, length));
                    at += 2 + length;
                    if (Ordinal(station) >= 0 || !_unmapped.TryAdd(station, bytes.Slice(at, KeyLength).ToArray()))
                    {
                        return -1;
                    }
                }
                at += KeyLength;
                Count++;
            }
            _revoked.Clear();
            var revoked = bytes.Length - at >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]) : -1;
            at += 4;
            for (var i = 0; i < revoked; i++)
            {
                var length = bytes.Length - at >= 2 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes[at..]) : int.MaxValue;
                if (bytes.Length - at - 2 < length || !_revoked.Add(Encoding.UTF8.GetString(bytes.Slice(at + 2, length))))
                {
                    return -1;
                }
                at += 2 + length;
            }
            return revoked < 0 ? -1 : at;
        }
    }

    /// <summary>The arrays by station ordinal, made at the first key (under the lock).</summary>
    private void EnsureArrays()
    {
        if (_held.Length == 0 && election.StationCount > 0)
        {
            _keys = new byte[election.StationCount * KeyLength];
            _held = new bool[election.StationCount];
        }
    }

    private int Ordinal(string station) =>
        AreaId.TryParse(station, out var id) && election.TryAreaIndex(id, out var index) && election.TryStationOrdinal(index, out var ordinal)
            ? ordinal
            : -1;
}
