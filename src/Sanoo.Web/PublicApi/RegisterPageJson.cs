using System.Buffers;
using System.Text.Json;
using Sanoo.Core.Transparency;
using Sanoo.Storage.Register;

namespace Sanoo.Web.PublicApi;

/// <summary>
/// A page of the register (<see cref="Contracts.RegisterPage"/>) written straight from its stored rows: each record's RFC 8785
/// bytes are already its JSON, so they are written as its <c>record</c> member as they are, not parsed into a document and
/// written again (about half of what a page cost the server: at a million records, seconds of CPU on every verifier's first run).
/// The JSON is the same value <see cref="TransparencyJson.Of(RegisterRow)"/> gives.
/// </summary>
public static class RegisterPageJson
{
    /// <summary>The page of <paramref name="rows"/> after place <paramref name="after"/>, as UTF-8 JSON.</summary>
    public static byte[] Of(long after, IReadOnlyList<RegisterRow> rows)
    {
        var buffer = new ArrayBufferWriter<byte>(256 + (rows.Count * 1024));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("after"u8, after);
            json.WriteStartArray("records"u8);
            Span<char> hex = stackalloc char[2 * MerkleHash.Size];
            foreach (var row in rows)
            {
                var bytes = row.Record.AsSpan();
                json.WriteStartObject();
                json.WriteNumber("sequence"u8, row.Sequence);
                json.WriteString("kind"u8, row.Kind);
                json.WriteBase64String("bytes"u8, bytes);
                Convert.TryToHexStringLower(MerkleHash.Leaf(bytes), hex, out _);
                json.WriteString("leafHash"u8, hex);
                json.WritePropertyName("record"u8);
                json.WriteRawValue(bytes); // validated: a stored record that is not JSON fails here, as parsing it did
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
