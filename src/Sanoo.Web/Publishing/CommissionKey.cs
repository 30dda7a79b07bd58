using NSec.Cryptography;
using Sanoo.Core.Transparency;

namespace Sanoo.Web.Publishing;

/// <summary>
/// The commission's Ed25519 key, which signs every tree head the server publishes. Observers
/// pin its public key; a head signed by anything else, or inconsistent with one they saved, is
/// evidence of tampering.
/// </summary>
public sealed class CommissionKey(Key key) : IDisposable
{
    /// <summary>The public key, raw 32 bytes.</summary>
    public byte[] PublicKey { get; } = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);

    /// <summary>A key made for this run only (its public key changes at every start).</summary>
    public static CommissionKey Ephemeral() => new(Key.Create(SignatureAlgorithm.Ed25519));

    /// <summary>The key from raw private-key bytes.</summary>
    public static CommissionKey Import(byte[] privateKey) => new(Key.Import(SignatureAlgorithm.Ed25519, privateKey, KeyBlobFormat.RawPrivateKey));

    /// <summary>Signs a tree head.</summary>
    public SignedTreeHead Sign(TreeHead head) => new(head, SignatureAlgorithm.Ed25519.Sign(key, head.SignedBytes()));

    /// <summary>Whether <paramref name="signed"/> was signed by the holder of <paramref name="publicKey"/>.</summary>
    public static bool Verify(SignedTreeHead signed, byte[] publicKey) =>
        SignatureAlgorithm.Ed25519.Verify(
            NSec.Cryptography.PublicKey.Import(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey),
            signed.Head.SignedBytes(),
            signed.Signature);

    /// <summary>Signs a statement of another kind than a tree head (a checkpoint's), whose first line names its kind.</summary>
    public byte[] SignStatement(ReadOnlySpan<byte> statement) => SignatureAlgorithm.Ed25519.Sign(key, statement);

    /// <summary>
    /// Whether <paramref name="signature"/> over <paramref name="statement"/> was made by the holder of <paramref name="publicKey"/>.
    /// </summary>
    public static bool VerifyStatement(ReadOnlySpan<byte> statement, ReadOnlySpan<byte> signature, byte[] publicKey) =>
        publicKey.Length == 32
        && SignatureAlgorithm.Ed25519.Verify(
            NSec.Cryptography.PublicKey.Import(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey), statement, signature);

    /// <inheritdoc />
    public void Dispose() => key.Dispose();
}
