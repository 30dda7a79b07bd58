namespace Sanoo.Storage.Images;

/// <summary>
/// An image of a signed paper protocol as the store keeps it: content-addressed, so its key is the SHA-256 of
/// <see cref="Bytes"/> and it can never be changed in place, only found changed (by anyone re-hashing it).
/// </summary>
/// <param name="Sha256">SHA-256 of <see cref="Bytes"/> (32 bytes) as it was stored; a changed store may no longer agree.</param>
/// <param name="MediaType"><c>image/jpeg</c>, <c>image/png</c> or <c>application/pdf</c>.</param>
/// <param name="Bytes">The file's bytes.</param>
public sealed record StoredImage(byte[] Sha256, string MediaType, byte[] Bytes)
{
    /// <summary>The media type the bytes' first bytes (their magic number) announce, or null for none Sanoo keeps.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : bytes.StartsWith("%PDF-"u8) ? "application/pdf"
        : null;
}
