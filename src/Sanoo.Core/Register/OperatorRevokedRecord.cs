using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Sanoo.Core.Register;

/// <summary>
/// An operator's (or an observer's, or a party agent's) enrolment ended: their token leaked, or they left the commission. From
/// this record on the server refuses the token, and nothing recorded in their name after it (<see cref="RegisterRecord.ActingOperator"/>
/// of a later record, or the sender of a later protocol log entry) is valid. A name revoked is never enrolled again: someone
/// reinstated is enrolled under a new name, so every act stays attributable to one enrolment.
/// </summary>
/// <param name="Sequence">Its place in the register.</param>
/// <param name="LogSize">Protocol log entries when it was recorded: it takes effect for the entries after.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="By">Who revoked it, as the revoking command named them.</param>
/// <param name="Name">The operator's name, as their <see cref="OperatorRecord"/> enrolled it.</param>
/// <param name="TokenSha256">The SHA-256 of the token revoked (the one that record enrolled).</param>
/// <param name="Reason">Why, in the commission's words (published).</param>
public sealed record OperatorRevokedRecord(
    long Sequence, long LogSize, DateTimeOffset At, string By, string Name, ImmutableArray<byte> TokenSha256, string Reason)
    : RegisterRecord(Sequence, LogSize, At, By)
{
    /// <summary>The kind's word.</summary>
    public const string Word = "operator-revoked";

    /// <inheritdoc />
    public override string Kind => Word;

    private protected override void WriteFields(JsonObject json)
    {
        json["name"] = Name;
        json["tokenSha256"] = Convert.ToHexStringLower(TokenSha256.AsSpan());
        json["reason"] = Reason;
    }
}
