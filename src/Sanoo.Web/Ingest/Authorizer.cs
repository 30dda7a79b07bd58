using NSec.Cryptography;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Storage.Access;
using Sanoo.Web.Access;

namespace Sanoo.Web.Ingest;

/// <summary>Why a submission may not be written: 401 (who are you?) or 403 (you may not).</summary>
/// <param name="Status">401 or 403.</param>
/// <param name="Path">The submission's path in the body.</param>
/// <param name="Reason">What is wrong, in words.</param>
public sealed record Refusal(int Status, string Path, string Reason);

/// <summary>
/// Who may write what. Counts of a source that is not official (the machine count) come from
/// station devices: each must be signed, over its canonical bytes, by the Ed25519 key enrolled
/// for its own station. Official counts (the hand count) and their corrections come from
/// operators with a bearer token: a district operator only for the stations of their district,
/// an admin for all. A count entered twice (double entry) reaches the log through the entry desk,
/// not directly from a district operator.
/// </summary>
public sealed class Authorizer(Election election, WriterRegistry registry, Jurisdiction jurisdiction)
{
    /// <summary>The sender to record, or the refusal.</summary>
    public (string? Sender, Refusal? Refusal) Check(SentSubmission submission, Caller caller)
    {
        var protocol = submission.Protocol;
        var official = election.Sources[election.SourceIndex(protocol.Source)].Official;
        if (!official)
        {
            if (submission.Signature is null)
            {
                return (null, new Refusal(401, submission.Path, $"unsigned: a {protocol.Source} count must be signed by the device key enrolled for station {protocol.Station}"));
            }
            if (registry.DeviceKey(protocol.Station.Value) is not { } key)
            {
                return (null, new Refusal(403, submission.Path, $"no device key is enrolled for station {protocol.Station}"));
            }
            return SignatureAlgorithm.Ed25519.Verify(key, ProtocolWriter.Canonical(election, protocol), submission.Signature)
                ? ($"device:{protocol.Station}", null)
                : (null, new Refusal(403, submission.Path, $"the signature does not verify with the key enrolled for station {protocol.Station}: a wrong key, another station's key, or altered figures"));
        }
        var (op, refusal) = Operator(protocol, caller, submission.Path);
        if (op is null)
        {
            return (null, refusal);
        }
        if (op.Role == OperatorRole.District && election.Sources[election.SourceIndex(protocol.Source)].DoubleEntry)
        {
            return (null, new Refusal(403, submission.Path, $"{protocol.Source} counts are entered twice, by two operators: send each entry to /api/v1/hand-entries"));
        }
        return ($"operator:{op.Name}", null);
    }

    /// <summary>The caller's operator, if they may enter counts for the protocol's station; else the refusal.</summary>
    public (Operator? Operator, Refusal? Refusal) Operator(Protocol protocol, Caller caller, string path)
    {
        if (caller.Operator is not { } op)
        {
            return (null, new Refusal(401, path, caller.Missing == Caller.NoToken
                ? $"a {protocol.Source} count is entered by an operator: {Caller.NoToken}"
                : caller.Missing ?? Caller.NoToken));
        }
        if (!jurisdiction.Covers(op, protocol.Station))
        {
            return (null, new Refusal(403, path, $"operator {op.Name} may enter counts only for district {op.District}; station {protocol.Station} is not in it"));
        }
        return (op, null);
    }
}
