using Sanoo.Core.Definitions;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// One raw Ed25519 device key (32 bytes) per station, with the number of the register record that set it: a flat array of
/// stations × 32 bytes indexed by station ordinal, not an object and a string per station (a million stations hold 40 MB here).
/// A key for an id that is no polling station of the election (itself a problem the replay reports) is kept aside by its id.
/// Not thread-safe to write; reads may run on any core once writing is done.
/// </summary>
internal sealed class DeviceKeyBook
{
    /// <summary>Bytes of a raw Ed25519 public key.</summary>
    public const int KeySize = 32;

    private readonly Election _election;
    private readonly byte[] _keys;
    private readonly long[] _records;
    private readonly Dictionary<string, (byte[] Key, long Record)> _others = new(StringComparer.Ordinal);

    /// <summary>A book of no keys for <paramref name="election"/>'s stations.</summary>
    public DeviceKeyBook(Election election)
    {
        _election = election;
        _keys = new byte[election.StationCount * KeySize];
        _records = new long[election.StationCount];
    }

    /// <summary>How many polling stations the election has.</summary>
    public int StationCount => _records.Length;

    /// <summary>How many stations (or other ids) hold a key.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// <paramref name="station"/>'s key, empty when it has none; <paramref name="record"/>: the register record that set it (0: none).
    /// </summary>
    public ReadOnlySpan<byte> Key(string station, out long record)
    {
        if (Ordinal(station) is { } ordinal)
        {
            record = _records[ordinal];
            return record == 0 ? [] : _keys.AsSpan(ordinal * KeySize, KeySize);
        }
        if (_others.TryGetValue(station, out var other))
        {
            record = other.Record;
            return other.Key;
        }
        record = 0;
        return [];
    }

    /// <summary><paramref name="station"/>'s key, empty when it has none.</summary>
    public ReadOnlySpan<byte> Key(string station) => Key(station, out _);

    /// <summary>Makes <paramref name="key"/> <paramref name="station"/>'s, set by register record <paramref name="record"/> (from 1).</summary>
    public void Set(string station, ReadOnlySpan<byte> key, long record)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(record, 1);
        if (key.Length != KeySize)
        {
            throw new ArgumentException($"a device key has {KeySize} bytes, not {key.Length}", nameof(key));
        }
        if (Ordinal(station) is { } ordinal)
        {
            Count += _records[ordinal] == 0 ? 1 : 0;
            key.CopyTo(_keys.AsSpan(ordinal * KeySize, KeySize));
            _records[ordinal] = record;
        }
        else
        {
            Count += _others.ContainsKey(station) ? 0 : 1;
            _others[station] = (key.ToArray(), record);
        }
    }

    /// <summary>Takes <paramref name="station"/>'s key away.</summary>
    public void Remove(string station)
    {
        if (Ordinal(station) is { } ordinal)
        {
            Count -= _records[ordinal] == 0 ? 0 : 1;
            _records[ordinal] = 0;
        }
        else if (_others.Remove(station))
        {
            Count--;
        }
    }

    /// <summary>The ids holding a key: stations in ordinal order, then any other ids.</summary>
    public IEnumerable<string> Stations()
    {
        for (var ordinal = 0; ordinal < _records.Length; ordinal++)
        {
            if (_records[ordinal] != 0)
            {
                yield return IdOf(ordinal);
            }
        }
        foreach (var other in _others.Keys)
        {
            yield return other;
        }
    }

    /// <summary>The station's ordinal in the election, or null when <paramref name="station"/> is no polling station of it.</summary>
    public int? Ordinal(string station) =>
        AreaId.TryParse(station, out var id) && _election.TryAreaIndex(id, out var index) && _election.TryStationOrdinal(index, out var ordinal)
            ? ordinal
            : null;

    /// <summary>The id of the station at <paramref name="ordinal"/>.</summary>
    public string IdOf(int ordinal) => _election.Station(ordinal).Id.Value;
}
