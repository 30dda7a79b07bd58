using System.Collections.Immutable;
using Sanoo.Storage;
using Sanoo.Storage.Log;

namespace Sanoo.Cli.Input;

/// <summary>The account of a store's log for <c>sanoo tally --db</c>: how many entries, and each one not counted with its reason.</summary>
public static class StoredAccount
{
    /// <summary>Reads the log's entries once.</summary>
    public static async Task<LoadReport> ReadAsync(IProtocolStore store, ElectionLog log, CancellationToken cancellationToken)
    {
        var notCounted = ImmutableArray.CreateBuilder<NotCounted>();
        long accepted = 0, flagged = 0;
        await foreach (var entry in store.ReadAsync(0, false, cancellationToken))
        {
            if (entry.Outcome == StoredOutcome.Accepted)
            {
                accepted++;
                flagged += entry.Violations is null ? 0 : 1;
                continue;
            }
            var protocol = new Core.Protocols.Protocol(log.Election.Id, entry.Station, entry.Contest, entry.Source, entry.Version, [], [], null);
            var reasons = entry.Outcome switch
            {
                StoredOutcome.Conflict => ImmutableArray.Create("the same version was already counted with other figures; the first one stands"),
                StoredOutcome.Stale => ["a newer version was already counted"],
                _ => [],
            };
            notCounted.Add(new NotCounted("log", (int)entry.Sequence, protocol, OutcomeText.Of(entry.Outcome), ViolationsJson.Read(entry.Violations).Where(_ => entry.Outcome == StoredOutcome.Rejected).ToImmutableArray(), reasons));
        }
        return new LoadReport(store.Description, log.Position, accepted, 0, flagged, notCounted.ToImmutable());
    }
}
