using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Sanoo.Core.Transparency;

/// <summary>
/// The bytes a log entry contributes to the Merkle tree: compact JSON with the fields in this
/// fixed order, so anyone can rebuild every leaf from the published entries and get the same
/// tree head. The content hash binds the protocol's figures; the signature binds the device; the
/// sender binds who sent it (a device, an operator, the two operators of a double entry, a file),
/// so a verifier can hold each entry to the register's operators and hand entries.
/// </summary>
public static class LogLeaf
{
    /// <summary>The canonical leaf bytes of one entry.</summary>
    /// <param name="sequence">Log position (1-based); the leaf index is sequence − 1.</param>
    /// <param name="station">The station.</param>
    /// <param name="contest">The contest.</param>
    /// <param name="source">The count source.</param>
    /// <param name="version">The protocol version.</param>
    /// <param name="outcome">accepted, conflict, stale or rejected.</param>
    /// <param name="sender">Who sent it, as the log records it (<c>device:STATION</c>, <c>operator:NAME</c>, <c>entries:A+B</c> …).</param>
    /// <param name="contentHash">SHA-256 of the protocol's canonical bytes.</param>
    /// <param name="signature">The device's Ed25519 signature, empty for operator entries.</param>
    /// <param name="receivedAt">When the store received it (milliseconds are kept).</param>
    public static byte[] Encode(
        long sequence, string station, string contest, string source, int version, string outcome, string sender,
        ReadOnlySpan<byte> contentHash, ReadOnlySpan<byte> signature, DateTimeOffset receivedAt)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        // Relaxed escaping: base64's '+' stays '+', so the leaf bytes are the plain ones anyone would write.
        using (var json = new Utf8JsonWriter(
            buffer,
            new JsonWriterOptions { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("sequence", sequence);
            json.WriteString("station", station);
            json.WriteString("contest", contest);
            json.WriteString("source", source);
            json.WriteNumber("version", version);
            json.WriteString("outcome", outcome);
            json.WriteString("sender", sender);
            json.WriteString("contentHash", Convert.ToHexStringLower(contentHash));
            json.WriteString("signature", signature.IsEmpty ? "" : Convert.ToBase64String(signature));
            json.WriteString("receivedAt", receivedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// The RFC 9162 leaf hash of an entry, SHA-256(0x00 ‖ <see cref="Encode"/>), written straight
    /// into a stack buffer: the same bytes as <see cref="Encode"/> (ids, outcome, hex, base64 and
    /// dates are ASCII and need no escaping), without allocating, for rebuilding large logs. A sender
    /// that is not plain printable ASCII (a Cyrillic operator's name) takes the slower way through <see cref="Encode"/>.
    /// </summary>
    public static byte[] Hash(
        long sequence, string station, string contest, string source, int version, string outcome, string sender,
        ReadOnlySpan<byte> contentHash, ReadOnlySpan<byte> signature, DateTimeOffset receivedAt)
    {
        if (sender.Length > 256 || !sender.All(c => c is >= ' ' and <= '~' and not '"' and not '\\'))
        {
            var bytes = Encode(sequence, station, contest, source, version, outcome, sender, contentHash, signature, receivedAt);
            return MerkleHash.Leaf(bytes);
        }
        Span<byte> buffer = stackalloc byte[1024];
        var w = new Writer(buffer);
        w.Byte(0x00);
        w.Ascii("{\"sequence\":");
        w.Number(sequence);
        w.Ascii(",\"station\":\"");
        w.Id(station);
        w.Ascii("\",\"contest\":\"");
        w.Id(contest);
        w.Ascii("\",\"source\":\"");
        w.Id(source);
        w.Ascii("\",\"version\":");
        w.Number(version);
        w.Ascii(",\"outcome\":\"");
        w.Id(outcome);
        w.Ascii("\",\"sender\":\"");
        w.Ascii(sender);
        w.Ascii("\",\"contentHash\":\"");
        w.Hex(contentHash);
        w.Ascii("\",\"signature\":\"");
        w.Base64(signature);
        w.Ascii("\",\"receivedAt\":\"");
        w.Date(receivedAt);
        w.Ascii("\"}");
        return Sha256Digest.Of(buffer[..w.Length]);
    }

    private ref struct Writer(Span<byte> buffer)
    {
        private readonly Span<byte> _buffer = buffer;

        public int Length { get; private set; }

        public void Byte(byte b) => _buffer[Length++] = b;

        /// <summary>JSON punctuation and names, written as they are.</summary>
        public void Ascii(string text)
        {
            foreach (var c in text)
            {
                _buffer[Length++] = (byte)c;
            }
        }

        /// <summary>An id or outcome word: well-formed by <see cref="Definitions.IdSyntax"/>, so it needs no JSON escaping.</summary>
        public void Id(string text)
        {
            if (!Definitions.IdSyntax.IsValid(text))
            {
                throw new ArgumentException($"'{text}' is not a well-formed id ({Definitions.IdSyntax.Rule})", nameof(text));
            }
            Ascii(text);
        }

        public void Number(long value)
        {
            value.TryFormat(_buffer[Length..], out var written, default, CultureInfo.InvariantCulture);
            Length += written;
        }

        public void Hex(ReadOnlySpan<byte> bytes)
        {
            const string Digits = "0123456789abcdef";
            foreach (var b in bytes)
            {
                _buffer[Length++] = (byte)Digits[b >> 4];
                _buffer[Length++] = (byte)Digits[b & 0xf];
            }
        }

        public void Base64(ReadOnlySpan<byte> bytes)
        {
            System.Buffers.Text.Base64.EncodeToUtf8(bytes, _buffer[Length..], out _, out var written);
            Length += written;
        }

        public void Date(DateTimeOffset at)
        {
            at.UtcDateTime.TryFormat(_buffer[Length..], out var written, "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
            Length += written;
        }
    }
}
