using System.Collections.Immutable;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;

namespace Sanoo.Core.Entries;

/// <summary>An entry as the double-entry rule sees it: who typed it, what (the content hash), and what it became.</summary>
/// <param name="Operator">The operator's name.</param>
/// <param name="ContentHash">SHA-256 of the protocol's canonical bytes, lower-case hex.</param>
/// <param name="Status">What it became when it was recorded.</param>
public sealed record EntryRecord(string Operator, string ContentHash, EntryStatus Status);

/// <summary>
/// The double-entry rule for hand counts: a protocol version is counted only when two different
/// operators have typed identical figures, each blind to the other's. Each operator stands by their
/// latest entry (a second try replaces their own first), but only an operator's first entry of a
/// version can complete the pair: once they have seen a mismatch (which lines differ), nothing they
/// type can count, neither the same figures again nor the other side's. A mismatch is settled by a
/// third entry, another operator's or a supervisor's, typed from the paper: matching the latest
/// entry of either side completes the pair.
/// </summary>
public static class DoubleEntry
{
    /// <summary>
    /// What a new entry by <paramref name="operatorName"/> with <paramref name="contentHash"/>
    /// becomes, given the earlier entries of the same station, contest, source and version in order.
    /// </summary>
    public static EntryStatus Decide(IReadOnlyList<EntryRecord> earlier, string operatorName, string contentHash)
    {
        if (earlier.Any(e => e.Status == EntryStatus.Matched))
        {
            return EntryStatus.AlreadyMatched;
        }
        // Each operator stands by their latest entry: an operator's re-entry replaces their own earlier one.
        var latest = earlier.GroupBy(e => e.Operator).ToDictionary(g => g.Key, g => g.Last().ContentHash);
        var firstTry = !latest.ContainsKey(operatorName);
        if (firstTry && latest.ContainsValue(contentHash))
        {
            return EntryStatus.Matched;
        }
        if (latest.TryGetValue(operatorName, out var own) && own == contentHash)
        {
            return EntryStatus.Repeat;
        }
        return latest.Keys.Any(o => o != operatorName) ? EntryStatus.Mismatch : EntryStatus.AwaitingSecond;
    }

    /// <summary>The lines and choices on which two entries of the same protocol differ, by id, with both values.</summary>
    public static ImmutableArray<(string Item, int First, int Second)> Differences(ContestPlan plan, Protocol first, Protocol second) =>
    [
        .. plan.Form.Lines.Select((l, i) => (l.Id.Value, first.Lines[i], second.Lines[i]))
            .Concat(plan.Choices.Select((c, i) => (c.Id.Value, first.Votes[i], second.Votes[i])))
            .Where(d => d.Item2 != d.Item3),
    ];
}
