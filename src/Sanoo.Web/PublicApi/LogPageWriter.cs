using System.Buffers;
using System.Buffers.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sanoo.Storage.Log;
using Sanoo.Storage.Register;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.PublicApi;

/// <summary>
/// Writes the log's entries and the register's records as <c>/api/v1/entries</c> and <c>/api/v1/register</c> carry them: the same
/// bytes as serializing <see cref="Wire.LogEntry"/> and <see cref="Wire.RegisterRecord"/> with the server's options (a test holds
/// them equal), straight from the store's rows, without the wire record, its strings and a parsed document per row. A verifier reads
/// a million-entry log a thousand entries a page, so these pages are most of the server's work while it is checked. The copy of each
/// record as JSON is its RFC 8785 bytes written as they are when they hold nothing the serializer would write otherwise (an escape,
/// a space, a byte outside printable ASCII or one the encoder escapes), and otherwise parsed and written as the serializer does.
/// One per server.
/// </summary>
public sealed class LogPageWriter
{
    private static readonly byte[][] OutcomeWords =
        [.. Enum.GetValues<Wire.StoredOutcome>().Select(o => System.Text.Encoding.UTF8.GetBytes(Wire.WireWords.Of(o)))];

    /// <summary>The bytes a compact document keeps as they are when written with <see cref="Options"/>.</summary>
    private readonly SearchValues<byte> _plain;

    /// <summary>Writes as a serializer with <paramref name="serializer"/> writes (its encoder and indentation).</summary>
    public LogPageWriter(JsonSerializerOptions serializer)
    {
        Options = new JsonWriterOptions { Encoder = serializer.Encoder, Indented = serializer.WriteIndented };
        var encoder = serializer.Encoder ?? JavaScriptEncoder.Default;
        // Printable ASCII but the space (dropped between tokens), the backslash (an escape may be written another way) and what the
        // encoder escapes; the quote stays (in RFC 8785 bytes it only delimits: within a string it follows a backslash).
        _plain = SearchValues.Create(
            [.. Enumerable.Range(0x21, 0x7E - 0x21 + 1).Where(b => b != '\\' && (b == '"' || !encoder.WillEncode(b))).Select(b => (byte)b)]);
    }

    /// <summary>The options of every writer of a page.</summary>
    public JsonWriterOptions Options { get; }

    /// <summary>Writes one log entry (<see cref="Wire.LogEntry"/>).</summary>
    public void Entry(Utf8JsonWriter json, LogEntry e)
    {
        json.WriteStartObject();
        json.WriteNumber("sequence"u8, e.Sequence);
        json.WriteString("station"u8, e.Station.Value);
        json.WriteString("contest"u8, e.Contest.Value);
        json.WriteString("source"u8, e.Source.Value);
        json.WriteNumber("version"u8, e.Version);
        json.WriteString("outcome"u8, OutcomeWords[(int)WireEnums.Of<Wire.StoredOutcome>(e.Outcome)]);
        json.WriteString("sender"u8, e.Sender);
        WriteHex(json, "contentHash"u8, e.ContentHash.AsSpan());
        WriteBase64(json, "signature"u8, e.Signature.IsDefault ? [] : e.Signature.AsSpan());
        json.WriteNumber("receivedAt"u8, e.ReceivedAt.ToUnixTimeMilliseconds());
        WriteHex(json, "leafHash"u8, e.LeafHash());
        WriteBase64(json, "canonical"u8, e.Canonical.AsSpan());
        WriteDocument(json, "protocol"u8, e.Canonical.AsSpan());
        json.WriteEndObject();
    }

    /// <summary>Writes one register record (<see cref="Wire.RegisterRecord"/>).</summary>
    public void Record(Utf8JsonWriter json, RegisterRow r)
    {
        json.WriteStartObject();
        json.WriteNumber("sequence"u8, r.Sequence);
        json.WriteString("kind"u8, r.Kind);
        WriteBase64(json, "bytes"u8, r.Record.AsSpan());
        WriteHex(json, "leafHash"u8, Core.Transparency.MerkleHash.Leaf(r.Record.AsSpan()));
        WriteDocument(json, "record"u8, r.Record.AsSpan());
        json.WriteEndObject();
    }

    private static void WriteHex(Utf8JsonWriter json, ReadOnlySpan<byte> name, ReadOnlySpan<byte> bytes)
    {
        Span<char> hex = stackalloc char[2 * bytes.Length];
        Convert.TryToHexStringLower(bytes, hex, out _);
        json.WriteString(name, hex);
    }

    /// <summary>Base64 text written as the serializer writes a string of it (escaped as the encoder says).</summary>
    private static void WriteBase64(Utf8JsonWriter json, ReadOnlySpan<byte> name, ReadOnlySpan<byte> bytes)
    {
        var rented = ArrayPool<byte>.Shared.Rent(Base64.GetMaxEncodedToUtf8Length(bytes.Length));
        Base64.EncodeToUtf8(bytes, rented, out _, out var written);
        json.WriteString(name, rented.AsSpan(0, written));
        ArrayPool<byte>.Shared.Return(rented);
    }

    /// <summary>RFC 8785 bytes as the serializer writes their parsed document: as they are when nothing in them is written otherwise.</summary>
    private void WriteDocument(Utf8JsonWriter json, ReadOnlySpan<byte> name, ReadOnlySpan<byte> canonical)
    {
        json.WritePropertyName(name);
        if (canonical.IndexOfAnyExcept(_plain) < 0)
        {
            json.WriteRawValue(canonical);
        }
        else
        {
            using var document = JsonDocument.Parse(canonical.ToArray());
            document.RootElement.WriteTo(json);
        }
    }
}
