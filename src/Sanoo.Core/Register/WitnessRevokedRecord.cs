using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Sanoo.Core.Register;

/// <summary>
/// A witness's enrolment ended: its key leaked, or the mission withdrew or was found not independent. A tree head signed after
/// this record (one whose register size covers it) cannot be vouched for by that witness: the server refuses and stops listing
/// such cosignatures, and a verifier names one as forged. Its cosignatures of earlier heads stay valid evidence, marked. A name
/// revoked is never enrolled again: a mission that comes back is enrolled under a new name, with a new key.
/// </summary>
/// <param name="Sequence">Its place in the register.</param>
/// <param name="LogSize">Protocol log entries when it was recorded.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="By">Who revoked it, as the revoking command named them.</param>
/// <param name="Name">The witness's name, as its <see cref="WitnessRecord"/> enrolled it.</param>
/// <param name="PublicKey">The Ed25519 public key revoked (the one that record enrolled), 32 bytes.</param>
/// <param name="Reason">Why, in the commission's words (published).</param>
public sealed record WitnessRevokedRecord(
    long Sequence, long LogSize, DateTimeOffset At, string By, string Name, ImmutableArray<byte> PublicKey, string Reason)
    : RegisterRecord(Sequence, LogSize, At, By)
{
    /// <summary>The kind's word.</summary>
    public const string Word = "witness-revoked";

    /// <inheritdoc />
    public override string Kind => Word;

    private protected override void WriteFields(JsonObject json)
    {
        json["name"] = Name;
        json["publicKey"] = Convert.ToBase64String(PublicKey.AsSpan());
        json["reason"] = Reason;
    }
}
