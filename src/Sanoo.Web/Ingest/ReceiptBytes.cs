using System.Buffers;
using System.Text.Json;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.Ingest;

/// <summary>
/// The answer to a submission as UTF-8 JSON written straight into a buffer: byte for byte what the source-generated serializer
/// writes for <see cref="Wire.ReceiptAnswer"/> or <see cref="Wire.ReceiptBatchAnswer"/> (member order, names, enum words, the
/// time's form and string escaping; <c>ReceiptBytesTests</c> hold the two equal), without the serializer's walk over converters
/// and its asynchronous path. Every protocol taken is answered with one, so it is on the path of every signed count.
/// </summary>
public static class ReceiptBytes
{
    private static readonly JsonEncodedText Receipt = JsonEncodedText.Encode("receipt");
    private static readonly JsonEncodedText Receipts = JsonEncodedText.Encode("receipts");
    private static readonly JsonEncodedText Outcome = JsonEncodedText.Encode("outcome");
    private static readonly JsonEncodedText StoredOutcome = JsonEncodedText.Encode("storedOutcome");
    private static readonly JsonEncodedText Sequence = JsonEncodedText.Encode("sequence");
    private static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
    private static readonly JsonEncodedText ContentHash = JsonEncodedText.Encode("contentHash");
    private static readonly JsonEncodedText LeafIndex = JsonEncodedText.Encode("leafIndex");
    private static readonly JsonEncodedText LeafHash = JsonEncodedText.Encode("leafHash");
    private static readonly JsonEncodedText ReceivedAt = JsonEncodedText.Encode("receivedAt");
    private static readonly JsonEncodedText Violations = JsonEncodedText.Encode("violations");
    private static readonly JsonEncodedText Problems = JsonEncodedText.Encode("problems");
    private static readonly JsonEncodedText Relation = JsonEncodedText.Encode("relation");
    private static readonly JsonEncodedText Rule = JsonEncodedText.Encode("rule");
    private static readonly JsonEncodedText Severity = JsonEncodedText.Encode("severity");
    private static readonly JsonEncodedText Left = JsonEncodedText.Encode("left");
    private static readonly JsonEncodedText Right = JsonEncodedText.Encode("right");
    private static readonly JsonEncodedText Path = JsonEncodedText.Encode("path");
    private static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");

    /// <summary>
    /// Writes <c>{"receipt": …}</c> for one receipt, or <c>{"receipts": […]}</c> when <paramref name="batch"/> (the request sent a
    /// batch), into <paramref name="json"/>, and flushes it to its output.
    /// </summary>
    public static void WriteAnswer(Utf8JsonWriter json, IReadOnlyList<Wire.Receipt> receipts, bool batch)
    {
        json.WriteStartObject();
        if (batch)
        {
            json.WriteStartArray(Receipts);
            foreach (var receipt in receipts)
            {
                Write(json, receipt);
            }
            json.WriteEndArray();
        }
        else
        {
            json.WritePropertyName(Receipt);
            Write(json, receipts.Single());
        }
        json.WriteEndObject();
        json.Flush();
    }

    /// <summary>The answer's bytes (see <see cref="WriteAnswer"/>), in a new array.</summary>
    public static byte[] Answer(IReadOnlyList<Wire.Receipt> receipts, bool batch)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using var json = new Utf8JsonWriter(buffer);
        WriteAnswer(json, receipts, batch);
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter json, Wire.Receipt receipt)
    {
        json.WriteStartObject();
        json.WriteString(Outcome, Words<Wire.ReceiptOutcome>.Of(receipt.Outcome));
        if (receipt.StoredOutcome is { } stored)
        {
            json.WriteString(StoredOutcome, Words<Wire.StoredOutcome>.Of(stored));
        }
        else
        {
            json.WriteNull(StoredOutcome);
        }
        json.WriteNumber(Sequence, receipt.Sequence);
        json.WriteNumber(Version, receipt.Version);
        json.WriteString(ContentHash, receipt.ContentHash);
        if (receipt.LeafIndex is { } leaf)
        {
            json.WriteNumber(LeafIndex, leaf);
        }
        else
        {
            json.WriteNull(LeafIndex);
        }
        json.WriteString(LeafHash, receipt.LeafHash);
        json.WriteString(ReceivedAt, receipt.ReceivedAt);
        json.WriteStartArray(Violations);
        foreach (var v in receipt.Violations)
        {
            json.WriteStartObject();
            json.WriteString(Relation, v.Relation);
            json.WriteString(Rule, v.Rule);
            json.WriteString(Severity, Words<Wire.Severity>.Of(v.Severity));
            json.WriteNumber(Left, v.Left);
            json.WriteNumber(Right, v.Right);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray(Problems);
        foreach (var p in receipt.Problems)
        {
            json.WriteStartObject();
            json.WriteString(Path, p.Path);
            json.WriteString(Message, p.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The wire word of each member of an enum of the wire (<see cref="Wire.WireWords"/>), encoded once.</summary>
    private static class Words<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly Dictionary<TEnum, JsonEncodedText> ByMember =
            Enum.GetValues<TEnum>().ToDictionary(m => m, m => JsonEncodedText.Encode(Wire.WireWords.Of(m)));

        public static JsonEncodedText Of(TEnum member) => ByMember[member];
    }
}
