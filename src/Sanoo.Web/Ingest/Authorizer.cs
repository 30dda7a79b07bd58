using NSec.Cryptography;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Log;
using Sanoo.Storage.Access;
using Sanoo.Web.Access;

namespace Sanoo.Web.Ingest;

/// <summary>
/// Who may write what. Counts of a signed source (by default one not official: the machine count) come from
/// station devices: each must be signed, over its canonical bytes, by the Ed25519 key enrolled
/// for its own station. Official counts (the hand count) and their corrections come from
/// operators with a bearer token: a district operator only for the stations of their district,
/// an admin for all. A count entered twice (double entry) reaches the log through the entry desk,
/// not directly from a district operator.
/// </summary>
public sealed class Authorizer(Election election, WriterRegistry registry, Jurisdiction jurisdiction)
{
    /// <summary>
    /// The submission to send the log (with the sender to record, and the device key a signature was checked with), or the refusal.
    /// </summary>
    public Admission<Submission> Check(SentSubmission submission, Caller caller)
    {
        var protocol = submission.Protocol;
        if (election.Sources[election.SourceIndex(protocol.Source)].Signed)
        {
            if (submission.Signature is null)
            {
                return Refuse(new Refusal.Unauthenticated(
                    submission.Path,
                    $"unsigned: a {protocol.Source} count must be signed by the device key enrolled for station {protocol.Station}"));
            }
            if (registry.DeviceKey(protocol.Station.Value) is not { } key)
            {
                return Refuse(new Refusal.Forbidden(submission.Path, registry.Revoked(protocol.Station.Value)
                    ? $"station {protocol.Station}'s device key was revoked; the commission enrols its new key (sanoo keys enrol)"
                    : $"no device key is enrolled for station {protocol.Station}"));
            }
            return SignatureAlgorithm.Ed25519.Verify(key.Key, submission.Checked.Canonical.AsSpan(), submission.Signature)
                ? new Admission<Submission>.Admitted(
                    new Submission(submission.Checked, new Sender.Device(protocol.Station), submission.Signature, key.Raw))
                : Refuse(new Refusal.Forbidden(
                    submission.Path,
                    $"the signature does not verify with the key enrolled for station {protocol.Station}: "
                    + "a wrong key, another station's key, or altered figures"));
        }
        var source = election.Sources[election.SourceIndex(protocol.Source)];
        if (source.PartyCopy is { } party)
        {
            return PartyAgent(protocol, party, caller, submission.Path) is { } refusal
                ? Refuse(refusal)
                : new Admission<Submission>.Admitted(new Submission(submission.Checked, new Sender.Operator(caller.Operator!.Name)));
        }
        var doubleEntry = source.DoubleEntry;
        switch (Operator(protocol, caller, submission.Path))
        {
            case Admission<Operator>.Refused refused:
                return Refuse(refused.Refusal);
            case Admission<Operator>.Admitted { Who.Role: OperatorRole.District } when doubleEntry:
            case Admission<Operator>.Admitted when source.DoubleEntryRequired:
                return Refuse(new Refusal.Forbidden(
                    submission.Path, $"{protocol.Source} counts are entered twice, by two operators: send each entry to /api/v1/hand-entries"));
            case Admission<Operator>.Admitted admitted:
                return new Admission<Submission>.Admitted(new Submission(submission.Checked, new Sender.Operator(admitted.Who.Name)));
            default:
                throw new InvalidOperationException("unknown admission");
        }
    }

    /// <summary>The caller's operator, if they may enter counts for the protocol's station; else the refusal.</summary>
    public Admission<Operator> Operator(Protocol protocol, Caller caller, string path)
    {
        if (caller.Operator is not { } op)
        {
            return new Admission<Operator>.Refused(new Refusal.Unauthenticated(path, caller.Missing == Caller.NoToken
                ? $"a {protocol.Source} count is entered by an operator: {Caller.NoToken}"
                : caller.Missing ?? Caller.NoToken));
        }
        if (op.Reports)
        {
            return new Admission<Operator>.Refused(new Refusal.Forbidden(
                path, $"{op.Name} is an observer or party agent: they report on stations and enter no count of the commission"));
        }
        if (!jurisdiction.Covers(op, protocol.Station))
        {
            return new Admission<Operator>.Refused(new Refusal.Forbidden(
                path, $"operator {op.Name} may enter counts only for district {op.District}; station {protocol.Station} is not in it"));
        }
        return new Admission<Operator>.Admitted(op);
    }

    /// <summary>
    /// Why the caller may not send this protocol of <paramref name="party"/>'s copy, or null when they may: only that party's agents,
    /// accredited for the station, enter its copies.
    /// </summary>
    private Refusal? PartyAgent(Protocol protocol, ChoiceId party, Caller caller, string path)
    {
        if (caller.Operator is not { } op)
        {
            return new Refusal.Unauthenticated(path, caller.Missing == Caller.NoToken
                ? $"a {protocol.Source} count is entered by an agent of party {party}: {Caller.NoToken}"
                : caller.Missing ?? Caller.NoToken);
        }
        if (op.Role != OperatorRole.PartyAgent || op.Party != party.Value)
        {
            return new Refusal.Forbidden(path, $"a {protocol.Source} count is party {party}'s copy of the protocol: only that party's "
                + $"accredited agents enter it, and {op.Name} is not one");
        }
        return jurisdiction.Accredits(op, protocol.Station) ? null : new Refusal.Forbidden(
            path, $"party agent {op.Name} is accredited for {op.District?.Value ?? "the election"}; station {protocol.Station} is not in it");
    }

    private static Admission<Submission> Refuse(Refusal refusal) => new Admission<Submission>.Refused(refusal);
}
