using Sanoo.Core.Audits;
using Sanoo.Log;

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
        return new AuditStore(log, book, await log.AuditComparisonAsync(plan, cancellationToken));
    }
}
