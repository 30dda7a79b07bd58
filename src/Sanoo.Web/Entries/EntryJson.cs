using Sanoo.Core.Entries;
using Sanoo.Storage.Access;
using Sanoo.Web.Ingest;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.Entries;

/// <summary>Double entry's answers, queue and lists as the wire carries them.</summary>
public static class EntryJson
{
    /// <summary>The wire form of what became of an entry (<see cref="Wire.EntryAnswer"/>), told to <paramref name="operatorName"/>.</summary>
    public static Wire.EntryAnswer Of(EntryAnswer answer, string operatorName) => new(
        WireEnums.Of<Wire.EntryStatus>(answer.Status),
        answer.Status switch
        {
            EntryStatus.AwaitingSecond => $"Entered by {operatorName}. A second operator must enter the same figures before the protocol is counted.",
            EntryStatus.Matched => "Both entries agree: the protocol is in the log.",
            EntryStatus.Mismatch =>
                "This version's entries disagree: check the lines listed on the paper protocol. It waits for another operator or a supervisor, "
                + "who enters the paper's figures; your own entries can no longer settle it.",
            EntryStatus.Repeat => $"{operatorName} had already entered exactly these figures; a second operator must enter them.",
            EntryStatus.AlreadyMatched => answer.Differences.Count == 0
                ? "This version was already entered twice and is in the log."
                : "This version was already entered twice, with other figures; to change it, enter a correction as the next version with a reason.",
            _ => throw new ArgumentOutOfRangeException(nameof(answer)),
        },
        answer.Entry.Sequence == 0 ? null : answer.Entry.Sequence,
        answer.Entry.ContentHash,
        [.. answer.Differences.Select(d => new Wire.EntryDifference(d.Item, d.Yours))],
        answer.Receipt is null ? null : ReceiptJson.Of(answer.Receipt));

    /// <summary>
    /// The wire form of the supervisor's queue as <paramref name="reader"/> sees it: an admin sees every value and content hash;
    /// anyone else which lines differ and the hashes of their own entries only, so that the queue cannot unblind double entry.
    /// </summary>
    public static Wire.WaitingForSupervisor Queue(Operator reader, IEnumerable<QueueItem> queue) => new(
        reader.Name,
        [.. queue.Select(q => new Wire.QueuedVersion(
            q.Station,
            q.Contest,
            q.Source,
            q.Version,
            [.. q.Entries.Select(e => new Wire.QueuedEntry(e.Sequence, e.Operator, e.EnteredAt, HashFor(reader, e)))],
            [.. q.Differences.Select(d => new Wire.QueuedDifference(d.Item, reader.Role == OperatorRole.Admin ? d.Values : null))]))]);

    /// <summary>The wire form of a station's entries as <paramref name="reader"/> sees them (content hashes as in the queue).</summary>
    public static Wire.StationEntries Station(string station, Operator reader, IEnumerable<Storage.Entries.HandEntry> entries) => new(
        station,
        [.. entries.Select(e => new Wire.HandEntry(
            e.Sequence, e.Contest.Value, e.Source.Value, e.Version, e.Operator, e.EnteredAt,
            WireEnums.Of<Wire.EntryStatus>(e.Status), HashFor(reader, e)))]);

    /// <summary>
    /// An entry's content hash for an admin or its own typist; null for anyone else, who could hash guessed figures and compare.
    /// </summary>
    private static string? HashFor(Operator reader, Storage.Entries.HandEntry entry) =>
        reader.Role == OperatorRole.Admin || entry.Operator == reader.Name ? entry.ContentHash : null;
}
