using Sanoo.Core.Audits;
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

    /// <summary>The risk-limiting audit's records (docs/audits.md); empty without an audit.</summary>
    public AuditBook Audit { get; init; } = AuditBook.Of([]);

    /// <summary>The reported count the audit compares, once there is a plan.</summary>
    public BatchComparison? AuditComparison { get; init; }

    /// <summary>How many acts there are: a new act, report, answer, turnout report or audit record changes it.</summary>
    public int Count =>
        Orders.Count + Outcomes.Count + Certifications.Count + Reports.Count + Reports.Count(r => r.Answer is not null) + Turnout.Count
        + (Audit.Plan is null ? 0 : 1) + Audit.Rounds.Count + Audit.Recounts.Count + Audit.Results.Count;

    /// <summary>The latest certification, if any.</summary>
    public Certification? Certification => Certifications.Count == 0 ? null : Certifications[^1];

    /// <summary>The outcomes of one order, oldest first.</summary>
    public IEnumerable<RecountOutcome> OutcomesOf(RecountOrder order) => Outcomes.Where(o => o.Recount == order.Sequence);

    /// <summary>
    /// How many register records the acts were read from: they are exactly the acts among the register's records at places 1 to
    /// this, the register a tree head of this register size covers (0 for <see cref="None"/>, the acts of an empty register).
    /// </summary>
    public long RegisterSize { get; init; }

    /// <summary>
    /// Reads the acts among the register's first <paramref name="registerSize"/> records from <paramref name="log"/>, and no act
    /// recorded after them (even one already in the store): what a tree head of that register size covers, so that a verifier
    /// replaying that register finds the same acts on the pages. <paramref name="earlier"/> when it was read at the same size (the
    /// acts of one register never change); otherwise the audit's reported count is replayed once per plan, and taken from
    /// <paramref name="earlier"/> when it holds the same plan's.
    /// </summary>
    public static async Task<CommissionRecord> ReadAsync(
        ElectionLog log, long registerSize, CancellationToken cancellationToken, CommissionRecord? earlier = null)
    {
        if (earlier is not null && earlier.RegisterSize == registerSize)
        {
            return earlier;
        }
        var (orders, outcomes) = await log.RecountsAsync(registerSize, cancellationToken);
        var audit = await log.AuditAsync(registerSize, cancellationToken);
        var comparison = audit.Plan is not { } plan ? null
            : earlier is { AuditComparison: { } kept, Audit.Plan: { } before } && before.Sequence == plan.Sequence ? kept
            : await log.AuditComparisonAsync(plan, cancellationToken);
        return new CommissionRecord(orders, outcomes, await log.CertificationsAsync(registerSize, cancellationToken))
        {
            Reports = await log.ReportsAsync(registerSize, cancellationToken),
            Turnout = log.Election.Definition.TurnoutTimes.IsEmpty ? [] : await log.TurnoutAsync(registerSize, cancellationToken),
            Audit = audit,
            AuditComparison = comparison,
            RegisterSize = registerSize,
        };
    }
}
