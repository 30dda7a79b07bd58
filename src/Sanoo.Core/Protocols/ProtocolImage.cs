using System.Collections.Immutable;

namespace Sanoo.Core.Protocols;

/// <summary>
/// The image of the signed paper protocol that a protocol names: the SHA-256 of the image's bytes as stored (after the
/// submitter removed its metadata) and its media type. Part of the protocol's canonical signed bytes, so the device's
/// signature and the log entry cover exactly which scan stands behind the figures. Invariant: <see cref="Sha256"/> is
/// 32 bytes and <see cref="MediaType"/> is one of <see cref="MediaTypes"/>.
/// </summary>
/// <param name="Sha256">SHA-256 of the image file's bytes.</param>
/// <param name="MediaType"><c>image/jpeg</c>, <c>image/png</c> or <c>application/pdf</c>.</param>
public sealed record ProtocolImage(ImmutableArray<byte> Sha256, string MediaType)
{
    /// <summary>The media types a protocol image may have.</summary>
    public static readonly ImmutableArray<string> MediaTypes = ["image/jpeg", "image/png", "application/pdf"];

    /// <summary>The hash as 64 lower-case hex digits, as the canonical form, the API and file names write it.</summary>
    public string Hex => Convert.ToHexStringLower(Sha256.AsSpan());

    /// <summary>Whether the two name the same image.</summary>
    public bool Equals(ProtocolImage? other) =>
        other is not null && Sha256.AsSpan().SequenceEqual(other.Sha256.AsSpan()) && MediaType == other.MediaType;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Hex, MediaType);

    /// <summary>The reference read from <paramref name="hex"/> and <paramref name="mediaType"/>, or null when either is not one.</summary>
    public static ProtocolImage? TryParse(string hex, string mediaType)
    {
        if (hex.Length != 64 || !MediaTypes.Contains(mediaType) || hex.Any(c => c is not (>= '0' and <= '9' or >= 'a' and <= 'f')))
        {
            return null;
        }
        return new ProtocolImage([.. Convert.FromHexString(hex)], mediaType);
    }

    /// <summary>
    /// The image named by a protocol's canonical bytes (a stored log entry), or null when it names none or the bytes are not
    /// a protocol. Reads only the top-level <c>image</c> member, so it needs no definition.
    /// </summary>
    public static ProtocolImage? InCanonical(ReadOnlySpan<byte> canonical)
    {
        if (canonical.IndexOf("\"image\":"u8) < 0)
        {
            return null;
        }
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(canonical);
            using var document = System.Text.Json.JsonDocument.ParseValue(ref reader);
            if (!document.RootElement.TryGetProperty("image", out var image)
                || !image.TryGetProperty("sha256", out var sha) || !image.TryGetProperty("type", out var type))
            {
                return null;
            }
            return TryParse(sha.GetString() ?? "", type.GetString() ?? "");
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
