namespace Sanoo.Contracts;

/// <summary>The answer to an image upload (<c>PUT /api/v1/images/{sha256}</c>): what was stored, to name in the protocol.</summary>
/// <param name="Sha256">SHA-256 of the stored bytes, 64 lower-case hex digits: the protocol's <c>image.sha256</c>.</param>
/// <param name="Type">The media type the bytes were found to be: the protocol's <c>image.type</c>.</param>
/// <param name="Bytes">The file's size in bytes.</param>
public sealed record ImageAnswer(string Sha256, string Type, long Bytes);
