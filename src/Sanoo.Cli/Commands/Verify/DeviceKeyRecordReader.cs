using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sanoo.Core.Register;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Reads the commonest register record, a device key enrolment (<see cref="DeviceKeyRecord"/>), token by token and without the
/// serializer: a million of them make a national register. A record is taken only when its bytes are exactly the RFC 8785 form of
/// the record read (written out again here and compared byte for byte), with every string plain printable ASCII, its time in the
/// register's format and its key 32 bytes of base64 in their one spelling. Anything else, however slight, is left to
/// <see cref="RegisterRecord.Decode"/>, which decides it and names what is wrong: this reader accepts nothing that one refuses.
/// </summary>
internal sealed class DeviceKeyRecordReader
{
    private const long LargestExactNumber = 9_007_199_254_740_991; // 2^53 − 1: beyond it JCS writes a double, not these digits

    private byte[] _lastBy = [];
    private string _by = "";

    /// <summary>
    /// The device key record <paramref name="bytes"/> hold when they are one in canonical form; null for any other record, or any
    /// departure from that form (to be read by <see cref="RegisterRecord.Decode"/>).
    /// </summary>
    public DeviceKeyRecord? TryRead(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return Read(bytes);
        }
        catch (JsonException)
        {
            return null; // not even JSON: Decode says so
        }
    }

    private DeviceKeyRecord? Read(ReadOnlySpan<byte> bytes)
    {
        var reader = new Utf8JsonReader(bytes);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject
            || !Text(ref reader, "at"u8, out var at) || !Text(ref reader, "by"u8, out var by)
            || !Text(ref reader, "kind"u8, out var kind) || !kind.SequenceEqual("device-key"u8)
            || !Number(ref reader, "logSize"u8, out var logSize) || !Text(ref reader, "publicKey"u8, out var key)
            || !Number(ref reader, "sequence"u8, out var sequence) || !Text(ref reader, "station"u8, out var station))
        {
            return null;
        }
        Span<byte> raw = stackalloc byte[DeviceKeyBook.KeySize];
        Span<byte> spelled = stackalloc byte[Base64.GetMaxEncodedToUtf8Length(DeviceKeyBook.KeySize)];
        if (Base64.DecodeFromUtf8(key, raw, out _, out var decoded) != OperationStatus.Done || decoded != DeviceKeyBook.KeySize
            || Base64.EncodeToUtf8(raw, spelled, out _, out var length) != OperationStatus.Done || !spelled[..length].SequenceEqual(key))
        {
            return null;
        }
        Span<char> atChars = stackalloc char[at.Length];
        Encoding.ASCII.GetChars(at, atChars);
        if (!DateTimeOffset.TryParseExact(atChars, "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            || !IsCanonical(bytes, at, by, logSize, key, sequence, station))
        {
            return null;
        }
        return new DeviceKeyRecord(sequence, logSize, time, By(by), Encoding.ASCII.GetString(station), [.. raw]);
    }

    /// <summary>Whether <paramref name="bytes"/> are exactly the canonical record of these members, written in JCS order.</summary>
    private static bool IsCanonical(
        ReadOnlySpan<byte> bytes, ReadOnlySpan<byte> at, ReadOnlySpan<byte> by, long logSize, ReadOnlySpan<byte> key, long sequence,
        ReadOnlySpan<byte> station)
    {
        var rest = bytes;
        return Take(ref rest, "{\"at\":\""u8) && Take(ref rest, at) && Take(ref rest, "\",\"by\":\""u8) && Take(ref rest, by)
            && Take(ref rest, "\",\"kind\":\"device-key\",\"logSize\":"u8) && TakeNumber(ref rest, logSize)
            && Take(ref rest, ",\"publicKey\":\""u8) && Take(ref rest, key) && Take(ref rest, "\",\"sequence\":"u8)
            && TakeNumber(ref rest, sequence) && Take(ref rest, ",\"station\":\""u8) && Take(ref rest, station)
            && Take(ref rest, "\"}"u8) && rest.IsEmpty;
    }

    private static bool Take(ref ReadOnlySpan<byte> rest, scoped ReadOnlySpan<byte> expected)
    {
        if (!rest.StartsWith(expected))
        {
            return false;
        }
        rest = rest[expected.Length..];
        return true;
    }

    private static bool TakeNumber(ref ReadOnlySpan<byte> rest, long number)
    {
        Span<byte> digits = stackalloc byte[20];
        return Utf8Formatter.TryFormat(number, digits, out var written) && Take(ref rest, digits[..written]);
    }

    /// <summary>The recorder's name, made a string once while records in a row name the same one (an enrolment names one command).</summary>
    private string By(ReadOnlySpan<byte> by)
    {
        if (!by.SequenceEqual(_lastBy))
        {
            (_lastBy, _by) = (by.ToArray(), Encoding.ASCII.GetString(by));
        }
        return _by;
    }

    /// <summary>The next member, when it is <paramref name="name"/> with a string of printable ASCII that needs no escape.</summary>
    private static bool Text(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        value = default;
        if (!Member(ref reader, name) || reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return false;
        }
        value = reader.ValueSpan;
        foreach (var b in value)
        {
            if (b is < 0x20 or > 0x7e)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The next member, when it is <paramref name="name"/> with a whole number JCS writes as its digits.</summary>
    private static bool Number(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, out long value)
    {
        value = 0;
        return Member(ref reader, name) && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out value)
            && value is >= 0 and <= LargestExactNumber;
    }

    private static bool Member(ref Utf8JsonReader reader, ReadOnlySpan<byte> name) =>
        reader.Read() && reader.TokenType == JsonTokenType.PropertyName && !reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual(name)
        && reader.Read();
}
