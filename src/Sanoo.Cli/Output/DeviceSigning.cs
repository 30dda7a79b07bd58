using System.Text.Encodings.Web;
using System.Text.Json;
using NSec.Cryptography;
using Sanoo.Contracts;

namespace Sanoo.Cli.Output;

/// <summary>
/// How a station device signs a protocol, the one way for every command that plays a device (submit, demo, simulate,
/// generate): an Ed25519 signature over the protocol's canonical bytes (RFC 8785, docs/api.md "The signed form"),
/// sent as the <see cref="Submission"/> a device POSTs to <c>/api/v1/protocols</c>. A signed JSON Lines file holds
/// one such submission a line.
/// </summary>
public static class DeviceSigning
{
    /// <summary>
    /// The wire records, writing base64's '+' as itself rather than \u002B: a file's lines are read by people and never
    /// embedded in HTML, where the default escaping matters.
    /// </summary>
    private static readonly WireJson Lines = new(new JsonSerializerOptions(WireJson.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>The signature, base64, of <paramref name="canonical"/> (a protocol's canonical bytes) by <paramref name="key"/>.</summary>
    public static string Signature(Key key, ReadOnlySpan<byte> canonical) =>
        Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(key, canonical));

    /// <summary>The submission of the protocol whose canonical bytes are <paramref name="canonical"/>, signed by <paramref name="key"/>.</summary>
    public static Submission Sign(Key key, ReadOnlySpan<byte> canonical) => new(JsonElement.Parse(canonical), Signature(key, canonical));

    /// <summary>The signed submission as one compact JSON line (without the line break), as a signed protocol file holds it.</summary>
    public static byte[] Line(Key key, ReadOnlySpan<byte> canonical) =>
        JsonSerializer.SerializeToUtf8Bytes(Sign(key, canonical), Lines.Submission);

    /// <summary>A device's public key as one compact JSON line (without the line break), as a keys file holds it.</summary>
    public static byte[] KeyLine(DeviceKey key) => JsonSerializer.SerializeToUtf8Bytes(key, Lines.DeviceKey);
}
