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
            var protocol = new Core.Protocols.Protocol(log.Election.Id, entry.Station, entry.Contest, entry.Source, entry.Version, [], [], null);
            var reasons = entry.Outcome switch
            {
                StoredOutcome.Conflict => ImmutableArray.Create(Reasons.Conflict),
                StoredOutcome.Stale => [Reasons.Stale],
                _ => [],
            };
            notCounted.Add(new NotCounted(
                "log",
                (int)entry.Sequence,
                protocol,
                OutcomeText.Of(entry.Outcome),
                entry.Outcome == StoredOutcome.Rejected ? ViolationsJson.Read(entry.Violations) : [],
                reasons));
        }
        return new LoadReport(store.Description, log.Position, log.Position - notCounted.Count, 0, log.Flagged, notCounted.ToImmutable());
    }
}
