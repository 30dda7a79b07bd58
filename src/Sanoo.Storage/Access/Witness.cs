namespace Sanoo.Storage.Access;

/// <summary>An independent witness enrolled by the commission: its cosignatures of tree heads are accepted and published.</summary>
/// <param name="Name">The witness's name as published (an observer mission, a party, a newsroom).</param>
/// <param name="PublicKey">Its 32-byte Ed25519 public key.</param>
/// <param name="EnrolledAt">When it was enrolled.</param>
/// <param name="EnrolledBy">Who enrolled it.</param>
public sealed record Witness(string Name, byte[] PublicKey, DateTimeOffset EnrolledAt, string EnrolledBy)
{
    /// <summary>
    /// The register record that revoked it (<see cref="Core.Register.WitnessRevokedRecord"/>), or null while it is not revoked: no
    /// cosignature of a head whose register covers that record is accepted or listed.
    /// </summary>
    public long? RevokedBy { get; init; }
}
