using Sanoo.Log;
using Sanoo.Storage.Acts;

namespace Sanoo.Web.Publishing;

/// <summary>
/// The commission's acts on the results, as read from the store: recount orders with their
/// outcomes, and certifications. Published with each snapshot, so every page names the same.
/// </summary>
/// <param name="Orders">Recount orders, oldest first.</param>
/// <param name="Outcomes">Recount outcomes, oldest first.</param>
/// <param name="Certifications">Certifications, oldest first.</param>
public sealed record CommissionRecord(
    IReadOnlyList<RecountOrder> Orders, IReadOnlyList<RecountOutcome> Outcomes, IReadOnlyList<Certification> Certifications)
{
    /// <summary>No act yet.</summary>
    public static CommissionRecord None { get; } = new([], [], []);

    /// <summary>Observers' reports with the commission's answers, oldest first.</summary>
    public IReadOnlyList<Storage.Reports.ObserverReport> Reports { get; init; } = [];

    /// <summary>The stations' turnout reports through election day, in register order.</summary>
    public IReadOnlyList<Core.Register.TurnoutRecord> Turnout { get; init; } = [];

    /// <summary>How many acts there are: a new act, report, answer or turnout report changes it.</summary>
    public int Count =>
        Orders.Count + Outcomes.Count + Certifications.Count + Reports.Count + Reports.Count(r => r.Answer is not null) + Turnout.Count;

    /// <summary>The latest certification, if any.</summary>
    public Certification? Certification => Certifications.Count == 0 ? null : Certifications[^1];

    /// <summary>The outcomes of one order, oldest first.</summary>
    public IEnumerable<RecountOutcome> OutcomesOf(RecountOrder order) => Outcomes.Where(o => o.Recount == order.Sequence);

    /// <summary>Reads the acts from <paramref name="log"/>.</summary>
    public static async Task<CommissionRecord> ReadAsync(ElectionLog log, CancellationToken cancellationToken)
    {
        var (orders, outcomes) = await log.RecountsAsync(cancellationToken);
        return new CommissionRecord(orders, outcomes, await log.CertificationsAsync(cancellationToken))
        {
            Reports = await log.ReportsAsync(cancellationToken),
            Turnout = log.Election.Definition.TurnoutTimes.IsEmpty ? [] : await log.TurnoutAsync(cancellationToken),
        };
    }
}
