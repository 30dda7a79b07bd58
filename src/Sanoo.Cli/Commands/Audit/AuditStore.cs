using Sanoo.Core.Audits;
using Sanoo.Core.Definitions;
using Sanoo.Core.Register;
using Sanoo.Core.Tally;
using Sanoo.Log;
using Sanoo.Storage;

namespace Sanoo.Cli.Commands.Audit;

/// <summary>
/// The audit as a store holds it: its register records, the reported count it compares (the protocol log as it stood when the
/// plan was recorded, replayed into a tally of its own) and the course they give.
/// </summary>
/// <param name="Log">The open log.</param>
/// <param name="Book">The audit's records, in register order.</param>
/// <param name="Comparison">The reported count's comparison, when there is a plan.</param>
internal sealed record AuditStore(ElectionLog Log, AuditBook Book, BatchComparison? Comparison)
{
    /// <summary>Reads the audit of the store behind <paramref name="log"/>.</summary>
    public static async Task<AuditStore> ReadAsync(ElectionLog log, CancellationToken cancellationToken)
    {
        var book = await log.AuditAsync(cancellationToken);
        if (book.Plan is not { } plan)
        {
            return new AuditStore(log, book, null);
        }
        var snapshot = await ReportedAsync(log, plan.LogSize, cancellationToken);
        return new AuditStore(log, book, AuditManifest.Comparison(snapshot, Contests(log.Election, plan), new SourceId(plan.Source)));
    }

    /// <summary>The plan's contests, as the election plans them.</summary>
    public static IReadOnlyList<ContestPlan> Contests(Election election, AuditPlanRecord plan) =>
        [.. plan.Contests.Select(c => election.Contest(new ContestId(c))
            ?? throw new StoreException($"The audit names contest {c}, which is not in the election."))];

    /// <summary>The tally of the first <paramref name="logSize"/> log entries, replayed in log order.</summary>
    public static async Task<Snapshot> ReportedAsync(ElectionLog log, long logSize, CancellationToken cancellationToken)
    {
        var engine = new TallyEngine(log.Election);
        await foreach (var entry in log.EntriesAsync(0, withCanonical: true, cancellationToken))
        {
            if (entry.Sequence > logSize)
            {
                break;
            }
            if (Core.Protocols.ProtocolReader.Read(log.Election, entry.Canonical.AsMemory()) is Core.Protocols.ProtocolReadResult.Ok ok)
            {
                engine.Apply(ok.Checked);
            }
        }
        return engine.Freeze();
    }
}
