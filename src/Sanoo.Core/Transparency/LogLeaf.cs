using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Sanoo.Core.Transparency;

/// <summary>
/// The bytes a log entry contributes to the Merkle tree: compact JSON with the fields in this
/// fixed order, so anyone can rebuild every leaf from the published entries and get the same
/// tree head. The content hash binds the protocol's figures; the signature binds the device.
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
    /// <param name="contentHash">SHA-256 of the protocol's canonical bytes.</param>
    /// <param name="signature">The device's Ed25519 signature, empty for operator entries.</param>
    /// <param name="receivedAt">When the store received it (milliseconds are kept).</param>
    public static byte[] Encode(long sequence, string station, string contest, string source, int version, string outcome, ReadOnlySpan<byte> contentHash, ReadOnlySpan<byte> signature, DateTimeOffset receivedAt)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("sequence", sequence);
            json.WriteString("station", station);
            json.WriteString("contest", contest);
            json.WriteString("source", source);
            json.WriteNumber("version", version);
            json.WriteString("outcome", outcome);
            json.WriteString("contentHash", Convert.ToHexStringLower(contentHash));
            json.WriteString("signature", signature.IsEmpty ? "" : Convert.ToBase64String(signature));
            json.WriteString("receivedAt", receivedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
