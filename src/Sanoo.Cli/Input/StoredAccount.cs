using System.Collections.Immutable;
using Sanoo.Log;
using Sanoo.Storage;
using Sanoo.Storage.Log;

namespace Sanoo.Cli.Input;

/// <summary>The account of a store's log for <c>sanoo tally --db</c>: how many entries, and each one not counted with its reason.</summary>
public static class StoredAccount
{
    /// <summary>The account of what the log holds up to the log's position (kept by the log as it replays: no second read).</summary>
    public static LoadReport Of(IProtocolStore store, ElectionLog log)
    {
        var notCounted = ImmutableArray.CreateBuilder<NotCounted>();
        foreach (var entry in log.Uncounted)
        {
            var reasons = entry.Outcome switch
            {
                StoredOutcome.Conflict => ImmutableArray.Create(Reasons.Conflict),
                StoredOutcome.Stale => [Reasons.Stale],
                _ => [],
            };
            notCounted.Add(new NotCounted(
                "log",
                (int)entry.Sequence,
                ProtocolOf(log, entry),
                OutcomeText.Of(entry.Outcome),
                entry.Outcome == StoredOutcome.Rejected ? ViolationsJson.Read(entry.Violations) : [],
                reasons));
        }
        var flagged = log.FlaggedEntries
            .Where(e => e.Sequence <= log.Position)
            .Select(e => new FlaggedLine("log", e.Sequence, ProtocolOf(log, e), ViolationsJson.Read(e.Violations)))
            .ToImmutableArray();
        return new LoadReport(store.Description, log.Position, log.Position - notCounted.Count, 0, flagged, notCounted.ToImmutable());
    }

    /// <summary>What the account names of a stored entry's protocol: its station, contest, source and version (no figures).</summary>
    private static Core.Protocols.Protocol ProtocolOf(ElectionLog log, LogEntry entry) =>
        new(log.Election.Id, entry.Station, entry.Contest, entry.Source, entry.Version, [], [], null);
}
