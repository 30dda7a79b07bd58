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
/// operators have typed identical figures. Each operator stands by their latest entry (a second
/// try replaces their own first);
/// a different operator's different figures are a mismatch for a supervisor, who settles it by
/// typing the paper's figures: matching either earlier entry completes the pair.
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
        if (latest.Any(e => e.Key != operatorName && e.Value == contentHash))
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
