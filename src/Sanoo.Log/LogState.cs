using System.Collections.Immutable;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Core.Rules;
using Sanoo.Core.Tally;
using Sanoo.Core.Transparency;
using Sanoo.Log.Checkpoints;
using Sanoo.Storage;
using Sanoo.Storage.Log;

namespace Sanoo.Log;

/// <summary>
/// The tally and what the log has shown so far: every content hash (to answer retries), the
/// entries not counted, how many were counted with warnings, and the Merkle tree. Replaced whole
/// on a rebuild. Invariant: the engine's position, the tree's size and the last entry recorded
/// are the same log position. Not thread-safe: used under the log's engine lock.
/// </summary>
/// <param name="election">The election.</param>
/// <param name="keptTree">
/// The tree of the leaf hashes a trusted checkpoint keeps, built beforehand (<see cref="ElectionLog"/> builds it while the
/// definition is read): the entries adopted then find their leaves in it. Null: the tree starts empty.
/// </param>
internal sealed class LogState(Election election, MerkleTree? keptTree = null)
{
    public TallyEngine Engine { get; } = new(election);

    public Dictionary<HashKey, Indexed> Index { get; } = [];

    public List<LogEntry> Uncounted { get; } = [];

    /// <summary>The counted entries that break a warning-level relation, in log order (their canonical bytes dropped).</summary>
    public List<LogEntry> Flagged { get; } = [];

    /// <summary>Every version counted, in log order, with its received time: the night's progress is read from it.</summary>
    public CountedTimeline Counted { get; } = new();

    /// <summary>The transparency log's Merkle tree: leaf i is entry i + 1.</summary>
    public MerkleTree Tree { get; } = keptTree ?? new();

    /// <summary>The register (keys, operators, hand entries, acts) as read so far.</summary>
    public RegisterState Register { get; } = new(election);

    /// <summary>The digest of every entry's counted columns so far (<see cref="CountedColumns"/>), for checkpoints.</summary>
    public CountedColumns Digest { get; } = new();

    /// <summary>
    /// Decides a new submission: a retry of stored content gets the original's receipt; a protocol
    /// signed with a key the register no longer holds for its station is refused
    /// (<see cref="KeyNotCurrentException"/>), and one sent by an operator whose enrolment the register revoked
    /// (<see cref="Storage.Access.OperatorRevokedException"/>); anything else is applied, becomes the next entry
    /// (added to <paramref name="entries"/>) and gets its receipt.
    /// </summary>
    public Receipt Decide(Submission submission, DateTimeOffset now, List<LogEntry> entries)
    {

        var protocol = submission.Protocol.Protocol;
        var hash = submission.Protocol.ContentHash;
        var key = HashKey.Of(hash.AsSpan());
        var hex = Convert.ToHexStringLower(hash.AsSpan());
        if (Index.TryGetValue(key, out var original))
        {
            var stored = new ReceiptEntry(
                original.Sequence, protocol.Version, hex, original.ReceivedAt, Convert.ToHexStringLower(Tree.LeafHash(original.Sequence - 1)));
            return new Receipt.Duplicate(stored, original.Outcome, ViolationsJson.Read(original.Violations));
        }
        if (submission.DeviceKey is { } signedBy && !Register.IsCurrentKey(protocol.Station.Value, signedBy))
        {
            throw new KeyNotCurrentException(protocol.Station.Value);
        }
        foreach (var name in submission.Sender.Operators)
        {
            if (Register.OperatorRevokedBy(name) is { } revokedBy)
            {
                throw new Storage.Access.OperatorRevokedException(name, revokedBy);
            }
        }
        var applied = Engine.Apply(submission.Protocol);
        Count(applied, now);
        var (outcome, violations) = Recorded(applied)
            ?? throw new InvalidOperationException($"the engine answered {applied.GetType().Name} for a protocol the log has not seen");
        var entry = new LogEntry(
            Engine.Position, protocol.Station, protocol.Contest, protocol.Source, protocol.Version, outcome,
            hash, submission.Protocol.Canonical, [.. protocol.Lines, .. protocol.Votes],
            protocol.Correction?.Reason, protocol.Correction?.Author, submission.Sender.Text, now, ViolationsJson.Write(violations),
            submission.Signature is null ? [] : ImmutableArray.Create(submission.Signature));
        entries.Add(entry);
        var receipt = new ReceiptEntry(entry.Sequence, protocol.Version, hex, now, Convert.ToHexStringLower(Record(key, entry)));
        return applied switch
        {
            ApplyOutcome.Accepted a => new Receipt.Accepted(receipt, a.Warnings),
            ApplyOutcome.Conflict => new Receipt.Conflict(receipt),
            ApplyOutcome.Stale => new Receipt.Stale(receipt),
            ApplyOutcome.Rejected r => new Receipt.Rejected(receipt, r.Violations),
            _ => throw new InvalidOperationException($"no receipt for {applied.GetType().Name}"),
        };
    }

    /// <summary>Applies a stored entry and checks it replays to its recorded outcome at its recorded position.</summary>
    public void Replay(LogEntry entry, byte[]? leafHash = null)
    {
        var election = Engine.Election;
        if (entry.Sequence != Engine.Position + 1)
        {
            throw new StoreException($"the log jumps from position {Engine.Position} to {entry.Sequence}: the store is damaged");
        }
        var plan = election.Contest(entry.Contest)
            ?? throw new StoreException($"log entry {entry.Sequence} names contest '{entry.Contest}', which the stored definition does not have");
        var lines = plan.Form.Lines.Length;
        if (entry.Figures.Length != lines + plan.Choices.Length)
        {
            throw new StoreException(
                $"log entry {entry.Sequence} has {entry.Figures.Length} figures where contest '{entry.Contest}' needs "
                + $"{lines + plan.Choices.Length}: the store is damaged");
        }
        var protocol = new Protocol(
            election.Id, entry.Station, entry.Contest, entry.Source, entry.Version,
            entry.Figures[..lines], entry.Figures[lines..],
            entry.CorrectionReason is null ? null : new Correction(entry.CorrectionReason, entry.CorrectionAuthor ?? ""));
        if (ProtocolReader.Check(election, protocol) is not ProtocolReadResult.Ok ok)
        {
            throw new StoreException(
                $"log entry {entry.Sequence} does not fit the stored definition: the store is damaged or was written by another definition");
        }
        var applied = Engine.Apply(ok.Checked);
        Count(applied, entry.ReceivedAt);
        var (replayed, broken) = Recorded(applied) ?? throw new StoreException(
            $"log entry {entry.Sequence} replays as {applied.GetType().Name.ToLowerInvariant()}: "
            + "the store is damaged or was written by another definition");
        if (ViolationsJson.Write(broken) != entry.Violations)
        {
            // The relations broken are published (rejected and flagged protocols) but are no part of the leaf: they are re-derived.
            throw new StoreException(
                $"log entry {entry.Sequence} is stored with other broken relations than its protocol breaks under the definition: "
                + "the store was changed");
        }
        if (replayed != entry.Outcome || Engine.Position != entry.Sequence)
        {
            throw new StoreException(
                $"log entry {entry.Sequence} was recorded as {OutcomeText.Of(entry.Outcome)} but replays as {OutcomeText.Of(replayed)}: "
                + "the store and this Sanoo disagree");
        }
        Record(HashKey.Of(entry.ContentHash.AsSpan()), entry, leafHash);
    }

    /// <summary>
    /// Takes an entry a trusted checkpoint covers as the log records it, without deciding it again: its leaf, its place in the
    /// index and the lists, and (counted) its protocol as its station's counted version. <see cref="FinishAdoption"/> then checks
    /// the whole against the checkpoint. An entry that does not fit the definition refuses the checkpoint. A tree built from the
    /// checkpoint's kept leaves holds the entry's leaf already: it is appended only to a tree that does not.
    /// </summary>
    public void Adopt(LogEntry entry, ReadOnlySpan<byte> leafHash)
    {
        var election = Engine.Election;
        if (entry.Sequence != Engine.Position + 1)
        {
            throw new StoreException($"the log jumps from position {Engine.Position} to {entry.Sequence}: the store is damaged");
        }
        if (entry.Outcome == StoredOutcome.Accepted)
        {
            var plan = election.Contest(entry.Contest);
            var lines = plan?.Form.Lines.Length ?? 0;
            // The definition's own ids, not the row's copies: the million versions kept counted hold no strings of their own.
            var station = election.TryAreaIndex(entry.Station, out var area) ? election.Areas[area].Id : entry.Station;
            var source = election.TrySourceIndex(entry.Source, out var s) ? election.Sources[s].Id : entry.Source;
            var protocol = new Protocol(
                election.Id, station, plan?.Contest.Id ?? entry.Contest, source, entry.Version,
                entry.Figures[..Math.Min(lines, entry.Figures.Length)], entry.Figures[Math.Min(lines, entry.Figures.Length)..],
                entry.CorrectionReason is null ? null : new Correction(entry.CorrectionReason, entry.CorrectionAuthor ?? ""));
            if (!Engine.TryAdopt(protocol, entry.ReceivedAt.ToUnixTimeMilliseconds(), out var counted))
            {
                throw new CheckpointRefusedException($"log entry {entry.Sequence} does not fit the definition");
            }
            Counted.Add(counted);
        }
        else
        {
            Engine.AdoptUncounted();
        }
        if (Tree.Size < entry.Sequence)
        {
            Tree.Append(leafHash);
        }
        Note(HashKey.Of(entry.ContentHash.AsSpan()), entry);
    }

    /// <summary>
    /// After adopting the entries up to <paramref name="checkpoint"/>: the leaves it keeps must hash to its sealed root (and
    /// frontier), the rows' columns to its digest, and the versions adopted must be those its tally names, whose sums the engine then takes.
    /// Throws <see cref="CheckpointRefusedException"/> naming what differs.
    /// </summary>
    public void FinishAdoption(TrustedCheckpoint checkpoint)
    {
        var n = checkpoint.Position;
        if (!Tree.Root(n).AsSpan().SequenceEqual(checkpoint.Statement.Root))
        {
            throw new CheckpointRefusedException(
                $"the leaf hashes the checkpoint keeps for the log's first {n:N0} entries do not hash to the root its signed statement "
                + "names: they were changed");
        }
        if (!Tree.Frontier(n).Zip(checkpoint.Frontier).All(pair => pair.First.AsSpan().SequenceEqual(pair.Second)))
        {
            throw new CheckpointRefusedException($"the checkpoint's frontier is not that of the log's first {n:N0} entries");
        }
        if (!Digest.Current().AsSpan().SequenceEqual(checkpoint.Digest))
        {
            // The rows are held to the leaves kept (not hashed again) by this digest of all their columns.
            throw new CheckpointRefusedException(
                $"the rows stored for the first {n:N0} entries (their figures, corrections or broken relations, or what their leaves "
                + "bind: station, version, outcome, sender, content hash, signature, time) are not those the checkpoint sealed");
        }
        if (Engine.RestoreState(checkpoint.Tally) is { } problem)
        {
            throw new CheckpointRefusedException(problem);
        }
    }

    /// <summary>Keeps a counted version on the timeline, at the engine's position, with the time its leaf records.</summary>
    private void Count(ApplyOutcome applied, DateTimeOffset receivedAt)
    {
        if (applied is ApplyOutcome.Accepted accepted)
        {
            Counted.Add(accepted.At(Engine.Position, receivedAt.ToUnixTimeMilliseconds()));
        }
    }

    /// <summary>
    /// What the log records for what the engine did, with the relations broken (warnings of a
    /// counted protocol, every violation of a rejected one); null for a duplicate, which the log
    /// never records (it answers a retry with the original's receipt).
    /// </summary>
    private static (StoredOutcome Outcome, ImmutableArray<Violation> Violations)? Recorded(ApplyOutcome outcome) => outcome switch
    {
        ApplyOutcome.Accepted a => (StoredOutcome.Accepted, a.Warnings),
        ApplyOutcome.Conflict => (StoredOutcome.Conflict, []),
        ApplyOutcome.Stale => (StoredOutcome.Stale, []),
        ApplyOutcome.Rejected r => (StoredOutcome.Rejected, r.Violations),
        ApplyOutcome.Duplicate => null,
        _ => throw new InvalidOperationException($"unknown outcome {outcome.GetType().Name}"),
    };

    /// <summary>Records an entry and returns its leaf hash (computed here unless given).</summary>
    private byte[] Record(HashKey key, LogEntry entry, byte[]? leafHash = null)
    {
        var leaf = leafHash ?? entry.LeafHash();
        Tree.Append(leaf);
        Note(key, entry);
        return leaf;
    }

    /// <summary>Notes an entry whose leaf the tree holds: in the digest, the index and the lists.</summary>
    private void Note(HashKey key, LogEntry entry)
    {
        Digest.Append(entry);
        Index[key] = new Indexed(entry.Sequence, entry.Outcome, entry.ReceivedAt, entry.Violations);
        if (entry.Outcome != StoredOutcome.Accepted)
        {
            lock (Uncounted)
            {
                Uncounted.Add(entry with { Canonical = [] }); // read concurrently by the public API
            }
        }
        else if (entry.Violations is not null)
        {
            lock (Flagged)
            {
                Flagged.Add(entry with { Canonical = [] }); // read concurrently by the public API
            }
        }
    }

    /// <summary>What a retry's receipt needs of the original entry.</summary>
    public readonly record struct Indexed(long Sequence, StoredOutcome Outcome, DateTimeOffset ReceivedAt, string? Violations);
}
