using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Compares the keys <c>/api/v1/keys</c> lists as current (<see cref="Contracts.DeviceKeys.Devices"/>) with the register's, as the
/// answer streams in: each listed key is held to the register's current key for its station the moment it is read, then
/// forgotten (a million keys are never held as a list, nor as strings); the answer's other members are skipped unread. A
/// station listed twice, listed with another key or without one the register holds, and a station with a key in the register
/// that the answer leaves out, each differ. An answer that is not such JSON, or a device without its station or key, is a
/// <see cref="JsonException"/> naming it.
/// </summary>
internal sealed class KeyListComparison
{
    /// <summary>How many differences are kept to be named.</summary>
    public const int Named = 20;

    private readonly DeviceKeyBook _register;
    private readonly bool[] _listed;
    private readonly HashSet<string> _listedOthers = new(StringComparer.Ordinal);
    private readonly List<(string Station, string? Listed)> _differing = [];
    private byte[] _keyText = new byte[64];
    private int _keyLength = -1;
    private string? _station;
    private bool _inDevices;
    private string? _member;

    /// <summary>A comparison with <paramref name="register"/>'s current keys.</summary>
    public KeyListComparison(DeviceKeyBook register)
    {
        _register = register;
        _listed = new bool[register.StationCount];
    }

    /// <summary>How many stations differ.</summary>
    public int Differences { get; private set; }

    /// <summary>How many devices the answer listed.</summary>
    public int Listed { get; private set; }

    /// <summary>The first <see cref="Named"/> stations that differ, with the key listed (null: none).</summary>
    public IReadOnlyList<(string Station, string? Listed)> Differing => _differing;

    /// <summary>The register's key for <paramref name="station"/> in base64; null when it has none.</summary>
    public string? RegisterKey(string station) => _register.Key(station) is { IsEmpty: false } key ? Convert.ToBase64String(key) : null;

    /// <summary>Reads the answer from <paramref name="stream"/> to its end, comparing as it goes, then looks for keys it left out.</summary>
    public async Task ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            var (state, filled, final) = (new JsonReaderState(), 0, false);
            while (true)
            {
                if (filled == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2); // one token longer than the buffer
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                (filled, final) = (filled + read, read == 0);
                var consumed = Advance(buffer.AsSpan(0, filled), final, ref state);
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
                if (final)
                {
                    break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        foreach (var station in _register.Stations())
        {
            if (_register.Ordinal(station) is { } ordinal ? !_listed[ordinal] : !_listedOthers.Contains(station))
            {
                Differ(station, null);
            }
        }
    }

    /// <summary>Reads the whole tokens in <paramref name="bytes"/>; gives how many bytes they took.</summary>
    private int Advance(ReadOnlySpan<byte> bytes, bool final, ref JsonReaderState state)
    {
        var reader = new Utf8JsonReader(bytes, final, state);
        while (reader.Read())
        {
            Token(ref reader);
        }
        state = reader.CurrentState;
        return (int)reader.BytesConsumed;
    }

    private void Token(ref Utf8JsonReader reader)
    {
        var (token, depth) = (reader.TokenType, reader.CurrentDepth);
        if (depth == 1 && token == JsonTokenType.PropertyName)
        {
            _inDevices = reader.ValueTextEquals("devices"u8);
            return;
        }
        if (!_inDevices || depth < 2)
        {
            return;
        }
        if (depth == 2)
        {
            if (token == JsonTokenType.StartObject)
            {
                (_station, _keyLength, _member) = (null, -1, null);
                Listed++;
            }
            else if (token == JsonTokenType.EndObject)
            {
                Compare();
            }
            else
            {
                throw new JsonException($"/api/v1/keys lists {token} among its devices (after its device {Listed})");
            }
            return;
        }
        if (depth > 3)
        {
            return;
        }
        if (token == JsonTokenType.PropertyName)
        {
            _member = reader.ValueTextEquals("station"u8) ? "station" : reader.ValueTextEquals("publicKey"u8) ? "publicKey" : null;
            return;
        }
        if (_member is null)
        {
            return;
        }
        if (token != JsonTokenType.String)
        {
            throw new JsonException($"/api/v1/keys lists device {Listed} ({_station ?? "station not yet named"}) with {token} "
                + $"where its {_member} belongs");
        }
        if (_member == "station")
        {
            _station = reader.GetString();
        }
        else
        {
            if (_keyText.Length < reader.ValueSpan.Length)
            {
                _keyText = new byte[reader.ValueSpan.Length]; // unescaped, a value is never longer than as written
            }
            _keyLength = reader.ValueIsEscaped ? reader.CopyString(_keyText) : Copy(reader.ValueSpan);
        }
        _member = null;
    }

    private int Copy(ReadOnlySpan<byte> text)
    {
        text.CopyTo(_keyText);
        return text.Length;
    }

    /// <summary>The device just read, held to the register: its key spelled in base64 as the register's key is.</summary>
    private void Compare()
    {
        if (_station is null || _keyLength < 0)
        {
            throw new JsonException($"/api/v1/keys lists device {Listed} ({_station ?? "no station"}) without its "
                + (_station is null ? "station" : "publicKey"));
        }
        var listed = _keyText.AsSpan(0, _keyLength);
        var once = _register.Ordinal(_station) is { } ordinal ? !_listed[ordinal] && (_listed[ordinal] = true) : _listedOthers.Add(_station);
        var key = _register.Key(_station);
        Span<byte> spelled = stackalloc byte[Base64.GetMaxEncodedToUtf8Length(DeviceKeyBook.KeySize)];
        if (!once || key.IsEmpty || Base64.EncodeToUtf8(key, spelled, out _, out var written) != OperationStatus.Done
            || !spelled[..written].SequenceEqual(listed))
        {
            Differ(_station, System.Text.Encoding.UTF8.GetString(listed));
        }
    }

    private void Differ(string station, string? listed)
    {
        Differences++;
        if (_differing.Count < Named)
        {
            _differing.Add((station, listed));
        }
    }
}
