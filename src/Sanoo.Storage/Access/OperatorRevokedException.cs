namespace Sanoo.Storage.Access;

/// <summary>
/// Something was to be recorded in the name of an operator whose enrolment the register had revoked
/// (<see cref="Core.Register.OperatorRevokedRecord"/>): nothing of it was recorded. A server refuses the token itself once it has
/// read the revocation; this is the store's and the log's own refusal for the moment before.
/// </summary>
/// <param name="name">The operator's name.</param>
/// <param name="revokedBy">The register record that revoked them.</param>
public sealed class OperatorRevokedException(string name, long revokedBy)
    : Exception($"operator {name}'s token was revoked by register record {revokedBy}: nothing is recorded in their name any more")
{
    /// <summary>The operator's name.</summary>
    public string Name { get; } = name;

    /// <summary>The register record that revoked them.</summary>
    public long RevokedBy { get; } = revokedBy;
}
