using Sanoo.Web.Publishing;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.PublicApi;

/// <summary>
/// The transparency log's tree heads, keys and proofs as the wire carries them (its entries and the register's records are written
/// straight from the store's rows by <see cref="LogPageWriter"/>).
/// </summary>
public static class TransparencyJson
{
    /// <summary>
    /// The wire form of a signed tree head. The signature is over <see cref="Core.Transparency.TreeHead.SignedBytes"/>,
    /// never over this JSON, so its formatting cannot break a signature.
    /// </summary>
    public static Wire.TreeHead Of(SignedTreeHead signed, byte[] publicKey) => new(
        signed.Head.Election,
        Convert.ToHexStringLower(signed.Head.DefinitionSha256),
        signed.Head.Size,
        Convert.ToHexStringLower(signed.Head.Root),
        signed.Head.RegisterSize,
        Convert.ToHexStringLower(signed.Head.RegisterRoot),
        signed.Head.Timestamp.ToUnixTimeMilliseconds(),
        Convert.ToBase64String(signed.Signature),
        Convert.ToBase64String(publicKey));

    /// <summary>
    /// The signed head a wire tree head carries, back from its text fields (throws <see cref="FormatException"/>
    /// when a hash or the signature is not hex or base64); check it with <see cref="CommissionKey.Verify"/>.
    /// </summary>
    public static SignedTreeHead Head(Wire.TreeHead wire) => new(
        new Core.Transparency.TreeHead(
            wire.Election,
            Convert.FromHexString(wire.DefinitionSha256),
            wire.TreeSize,
            Convert.FromHexString(wire.RootHash),
            wire.RegisterSize,
            Convert.FromHexString(wire.RegisterRoot),
            DateTimeOffset.FromUnixTimeMilliseconds(wire.Timestamp)),
        Convert.FromBase64String(wire.Signature));

    /// <summary>
    /// The wire form of the stations' device keys: each station's current key, and every enrolment
    /// with its time, so that a protocol signed with a key later replaced still verifies.
    /// </summary>
    public static Wire.DeviceKeys Of(
        IReadOnlyList<Storage.Access.DeviceKey> enrolments, IReadOnlyList<Core.Register.DeviceKeyRevokedRecord> revocations)
    {
        var revoked = revocations.Select(r => (r.StationId, Convert.ToBase64String(r.PublicKey.AsSpan()))).ToHashSet();
        return new(
            [.. enrolments.GroupBy(k => k.Station).Select(g => g.Last()).OrderBy(k => k.Station.Value, StringComparer.Ordinal)
                .Select(k => new Wire.DeviceKey(k.Station.Value, Convert.ToBase64String(k.PublicKey)))
                .Where(k => !revoked.Contains((k.Station, k.PublicKey)))],
            [.. enrolments.Select(k => new Wire.KeyEnrolment(
                k.Station.Value, Convert.ToBase64String(k.PublicKey), k.EnrolledAt.ToUnixTimeMilliseconds()))],
            [.. revocations.Select(r => new Wire.KeyRevocation(
                r.StationId, Convert.ToBase64String(r.PublicKey.AsSpan()), r.At.ToUnixTimeMilliseconds(), r.Reason))]);
    }

    /// <summary>The wire form of an inclusion proof.</summary>
    public static Wire.InclusionProof Inclusion(long sequence, long treeSize, IEnumerable<byte[]> proof) =>
        new(sequence, sequence - 1, treeSize, [.. proof.Select(Convert.ToHexStringLower)]);

    /// <summary>The wire form of a consistency proof.</summary>
    public static Wire.ConsistencyProof Consistency(long first, long second, IEnumerable<byte[]> proof) =>
        new(first, second, [.. proof.Select(Convert.ToHexStringLower)]);
}
