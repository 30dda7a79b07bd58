using Sanoo.Core.Definitions;
using Sanoo.Core.Entries;
using Sanoo.Core.Protocols;
using Sanoo.Log;
using Sanoo.Storage.Access;
using Sanoo.Storage.Entries;

namespace Sanoo.Web.Entries;

/// <summary>
/// A line or choice on which an entry differs from another entry of the same protocol, with this entry's value only:
/// double entry is blind, the typist is told what to check on the paper, never what the other typed.
/// </summary>
/// <param name="Item">The line or choice id.</param>
/// <param name="Yours">The value in this entry.</param>
public sealed record EntryDifference(string Item, int Yours);

/// <summary>What became of an entry: its status, the entry as recorded, the log's receipt once the pair is complete, and any differences.</summary>
public sealed record EntryAnswer(EntryStatus Status, HandEntry Entry, Receipt? Receipt, IReadOnlyList<EntryDifference> Differences);

/// <summary>One protocol version whose entries disagree, waiting for a supervisor.</summary>
/// <param name="Station">The station.</param>
/// <param name="Contest">The contest.</param>
/// <param name="Source">The count.</param>
/// <param name="Version">The protocol version.</param>
/// <param name="Entries">Each operator's latest entry, oldest first.</param>
/// <param name="Differences">The lines and choices on which they differ, with each operator's value (for the supervisor's eyes only).</param>
public sealed record QueueItem(
    string Station,
    string Contest,
    string Source,
    int Version,
    IReadOnlyList<HandEntry> Entries,
    IReadOnlyList<(string Item, IReadOnlyList<int> Values)> Differences);

/// <summary>
/// Double entry of hand counts: every operator's entry is recorded; when a second operator has
/// typed identical figures the protocol goes to the log as one submission naming both; a
/// mismatch waits in the supervisor's queue with the lines that differ. The typist is told which
/// lines differ and their own values, never another entry's (<see cref="DoubleEntry"/>).
/// </summary>
public sealed class EntryDesk(ElectionLog log, TimeProvider time)
{
    /// <summary>Records <paramref name="entered"/> as entered by <paramref name="op"/> and says what became of it.</summary>
    public async Task<EntryAnswer> EnterAsync(CheckedProtocol entered, Operator op, CancellationToken cancellationToken)
    {
        var protocol = entered.Protocol;
        var draft = new HandEntry(
            0, protocol.Station, protocol.Contest, protocol.Source, protocol.Version, op.Name,
            entered.Canonical, Convert.ToHexStringLower(entered.ContentHash.AsSpan()), time.GetUtcNow(), EntryStatus.AwaitingSecond);
        List<HandEntry> earlier = [];
        var entry = await log.EnterAsync(draft, found =>
        {
            earlier = [.. found];
            return DoubleEntry.Decide([.. found.Select(e => new EntryRecord(e.Operator, e.ContentHash, e.Status))], op.Name, draft.ContentHash);
        }, cancellationToken);
        var others = Latest(earlier).Where(e => e.Operator != op.Name).ToList();
        switch (entry.Status)
        {
            case EntryStatus.Matched:
                var partner = others.First(e => e.ContentHash == entry.ContentHash);
                var receipt = await log.SubmitAsync(new Submission(entered, new Sender.DoubleEntry(partner.Operator, op.Name)), cancellationToken);
                return new EntryAnswer(entry.Status, entry, receipt, []);
            case EntryStatus.AlreadyMatched:
                // Make sure the pair's protocol is in the log (a crash after matching is healed by the next entry), and say how this one differs.
                var matched = earlier.First(e => e.Status == EntryStatus.Matched);
                var counted = Read(matched);
                var again = await log.SubmitAsync(new Submission(counted, new Sender.MatchedEntry(matched.Operator)), cancellationToken);
                return new EntryAnswer(entry.Status, entry, again, Differences(protocol, [counted.Protocol]));
            default:
                return new EntryAnswer(entry.Status, entry, null, Differences(protocol, [.. others.Select(o => Read(o).Protocol)]));
        }
    }

    /// <summary>The protocol versions whose entries disagree, of the stations <paramref name="covers"/> allows.</summary>
    public async Task<IReadOnlyList<QueueItem>> QueueAsync(Func<AreaId, bool> covers, CancellationToken cancellationToken)
    {
        var entries = await log.HandEntriesAsync(null, cancellationToken);
        var queue = new List<QueueItem>();
        foreach (var version in entries.GroupBy(e => (e.Station, e.Contest, e.Source, e.Version)))
        {
            // Waiting from the first mismatch until a pair is complete, even when the two sides have since typed the same figures:
            // neither can settle it (DoubleEntry).
            var waiting = version.Any(e => e.Status == EntryStatus.Mismatch) && !version.Any(e => e.Status == EntryStatus.Matched);
            if (!waiting || !covers(version.Key.Station))
            {
                continue;
            }
            var latest = Latest([.. version]);
            var protocols = latest.Select(e => Read(e).Protocol).ToList();
            var plan = log.Election.Contest(version.Key.Contest)!;
            var items = plan.Form.Lines.Select((l, i) => (l.Id.Value, (IReadOnlyList<int>)[.. protocols.Select(p => p.Lines[i])]))
                .Concat(plan.Choices.Select((c, i) => (c.Id.Value, (IReadOnlyList<int>)[.. protocols.Select(p => p.Votes[i])])))
                .Where(d => d.Item2.Distinct().Count() > 1)
                .ToList();
            queue.Add(new QueueItem(version.Key.Station.Value, version.Key.Contest.Value, version.Key.Source.Value, version.Key.Version, latest,
                items));
        }
        return queue;
    }

    private static List<HandEntry> Latest(List<HandEntry> entries) =>
        [.. entries.GroupBy(e => e.Operator).Select(g => g.Last()).OrderBy(e => e.Sequence)];

    private CheckedProtocol Read(HandEntry entry) =>
        ProtocolReader.Read(log.Election, entry.Canonical.AsMemory()) is ProtocolReadResult.Ok ok
            ? ok.Checked
            : throw new InvalidOperationException($"hand entry {entry.Sequence} holds bytes that are not a protocol of this election");

    /// <summary>The lines and choices, in the form's order, on which <paramref name="mine"/> differs from any of <paramref name="others"/>.</summary>
    private List<EntryDifference> Differences(Protocol mine, IReadOnlyList<Protocol> others)
    {
        var plan = log.Election.Contest(mine.Contest)!;
        var differing = others.SelectMany(o => DoubleEntry.Differences(plan, mine, o)).Select(d => d.Item).ToHashSet();
        return [.. plan.Form.Lines.Select((l, i) => new EntryDifference(l.Id.Value, mine.Lines[i]))
            .Concat(plan.Choices.Select((c, i) => new EntryDifference(c.Id.Value, mine.Votes[i])))
            .Where(d => differing.Contains(d.Item))];
    }
}
