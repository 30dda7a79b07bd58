using NSec.Cryptography;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Core.Transparency;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// One log entry with everything checked that needs no state of the replay, so that it is done on any core as pages arrive: its
/// bytes decoded and hashed against its content hash, its Merkle leaf, its protocol read under the definition, the image it
/// names, and its device signature tried with the key the register makes the station's last (a signature the replay then finds
/// made with that same key needs no second check). What is held to log order (keys at that entry, senders, outcomes) is left to
/// <see cref="LogReplay"/>.
/// </summary>
/// <param name="Entry">The entry as served (what its leaf commits to).</param>
/// <param name="Canonical">Its protocol's canonical bytes, decoded.</param>
/// <param name="Signature">Its device signature, decoded (empty when it carries none).</param>
/// <param name="Leaf">Its Merkle leaf hash (RFC 9162).</param>
/// <param name="HashMatches">Whether the bytes hash to the content hash served.</param>
/// <param name="Read">Its protocol as read under the definition, or null when it does not read or names another slot.</param>
/// <param name="Image">The image of the paper protocol its bytes name, if any.</param>
/// <param name="Signed">The register record of the key the signature was tried with, and whether it verified; null when it was not
/// tried.</param>
internal sealed record PreparedEntry(
    ServedEntry Entry,
    byte[] Canonical,
    byte[] Signature,
    byte[] Leaf,
    bool HashMatches,
    CheckedProtocol? Read,
    ProtocolImage? Image,
    (long Record, bool Verifies)? Signed)
{
    /// <summary>Checks <paramref name="e"/>, served with <paramref name="canonical"/> and <paramref name="signature"/>, as far as it can be
    /// without the replay; <paramref name="lastKeys"/>: each station's last enrolled device key in the register fetched.</summary>
    public static PreparedEntry Of(Election election, ServedEntry e, byte[] canonical, byte[] signature, DeviceKeyBook lastKeys)
    {
        Span<byte> hash = stackalloc byte[MerkleHash.Size];
        Sha256Digest.Write(canonical, hash);
        Span<char> hex = stackalloc char[2 * MerkleHash.Size];
        Convert.TryToHexStringLower(hash, hex, out _);
        var hashMatches = e.ContentHash.AsSpan().SequenceEqual(hex);
        ReadOnlySpan<byte> contentHash = hashMatches ? hash : Convert.FromHexString(e.ContentHash); // bytes the leaf names, even when they differ
        var leaf = LeafOf(e, contentHash, signature);
        var read = ProtocolReader.Read(election, canonical) is ProtocolReadResult.Ok { Checked: var r }
            && r.Protocol.Station.Value == e.Station && r.Protocol.Contest.Value == e.Contest
            && r.Protocol.Source.Value == e.Source && r.Protocol.Version == e.Version
            ? r
            : null;
        (long, bool)? signed = null;
        if (signature.Length > 0 && lastKeys.Key(e.Station, out var record) is { IsEmpty: false } key)
        {
            signed = (record, Verifies(key, canonical, signature));
        }
        var image = read is not null ? read.Protocol.Image : ProtocolImage.InCanonical(canonical);
        return new PreparedEntry(e, canonical, signature, leaf, hashMatches, read, image, signed);
    }

    /// <summary>The entry's Merkle leaf hash, written without allocating where its ids allow (<see cref="LogLeaf.Hash"/>).</summary>
    private static byte[] LeafOf(ServedEntry e, ReadOnlySpan<byte> contentHash, byte[] signature)
    {
        var (outcome, receivedAt) = (EntryPage.WordOf(e.Outcome), DateTimeOffset.FromUnixTimeMilliseconds(e.ReceivedAt));
        return IdSyntax.IsValid(e.Station) && IdSyntax.IsValid(e.Contest) && IdSyntax.IsValid(e.Source)
            ? LogLeaf.Hash(e.Sequence, e.Station, e.Contest, e.Source, e.Version, outcome, e.Sender, contentHash, signature, receivedAt)
            : MerkleHash.Leaf(LogLeaf.Encode(
                e.Sequence, e.Station, e.Contest, e.Source, e.Version, outcome, e.Sender, contentHash, signature, receivedAt));
    }

    /// <summary>Whether <paramref name="signature"/> over <paramref name="canonical"/> verifies with the raw Ed25519 key.</summary>
    public static bool Verifies(ReadOnlySpan<byte> key, byte[] canonical, byte[] signature) =>
        PublicKey.TryImport(SignatureAlgorithm.Ed25519, key, KeyBlobFormat.RawPublicKey, out var publicKey)
        && SignatureAlgorithm.Ed25519.Verify(publicKey!, canonical, signature);
}
