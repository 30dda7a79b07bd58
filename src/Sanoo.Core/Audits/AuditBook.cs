using System.Collections.Immutable;
using System.Globalization;
using Sanoo.Core.Register;

namespace Sanoo.Core.Audits;

/// <summary>
/// The audit as the register holds it: its plan, the rounds drawn, the recount entries and the results, in register order; and
/// what they add up to. A station's recount of a contest counts once two different operators' latest entries agree on it.
/// </summary>
public sealed class AuditBook
{
    private readonly List<AuditRecountRecord> _recounts = [];
    private readonly List<AuditRoundRecord> _rounds = [];
    private readonly List<AuditResultRecord> _results = [];

    /// <summary>The register's kinds that make up the audit.</summary>
    public static readonly ImmutableArray<string> Kinds =
        [AuditPlanRecord.Word, AuditRoundRecord.Word, AuditRecountRecord.Word, AuditResultRecord.Word];

    /// <summary>The plan, once recorded.</summary>
    public AuditPlanRecord? Plan { get; private set; }

    /// <summary>The rounds drawn, in order.</summary>
    public IReadOnlyList<AuditRoundRecord> Rounds => _rounds;

    /// <summary>Every recount entry, in order.</summary>
    public IReadOnlyList<AuditRecountRecord> Recounts => _recounts;

    /// <summary>The results recorded, in order.</summary>
    public IReadOnlyList<AuditResultRecord> Results => _results;

    /// <summary>The audit of <paramref name="records"/> (any kinds; the audit's are taken, in the order given).</summary>
    public static AuditBook Of(IEnumerable<RegisterRecord> records)
    {
        var book = new AuditBook();
        foreach (var record in records)
        {
            book.Add(record);
        }
        return book;
    }

    /// <summary>Takes one more record (ignored unless it is one of the audit's).</summary>
    public void Add(RegisterRecord record)
    {
        switch (record)
        {
            case AuditPlanRecord plan:
                Plan ??= plan;
                break;
            case AuditRoundRecord round:
                _rounds.Add(round);
                break;
            case AuditRecountRecord recount:
                _recounts.Add(recount);
                break;
            case AuditResultRecord result:
                _results.Add(result);
                break;
            default:
                break;
        }
    }

    /// <summary>The risk limit of the plan as a number.</summary>
    public static double RiskLimitOf(AuditPlanRecord plan) =>
        double.Parse(plan.RiskLimit, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    /// <summary>
    /// The recount of <paramref name="station"/>'s <paramref name="contest"/> that two different operators' latest entries agree on,
    /// or null while there is none.
    /// </summary>
    public BatchCount? Agreed(string station, string contest)
    {
        var latest = _recounts.Where(r => r.StationId == station && r.Contest == contest)
            .GroupBy(r => r.By, StringComparer.Ordinal).Select(g => g.Last()).OrderBy(r => r.Sequence).ToList();
        for (var i = 1; i < latest.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (latest[i].Ballots == latest[j].Ballots && latest[i].Votes.AsSpan().SequenceEqual(latest[j].Votes.AsSpan()))
                {
                    return new BatchCount(new Definitions.ContestId(contest), latest[i].Ballots, latest[i].Votes);
                }
            }
        }
        return null;
    }

    /// <summary>
    /// The rounds the plan, the reported count (<paramref name="comparison"/>) and the agreed recounts so far give
    /// (<see cref="AuditCourse.Run"/>).
    /// </summary>
    public ImmutableArray<AuditRound> Course(BatchComparison comparison)
    {
        var plan = Plan ?? throw new InvalidOperationException("the audit has no plan");
        return AuditCourse.Run(comparison, plan.Seed, RiskLimitOf(plan), b =>
        {
            var batch = comparison.Batches[b];
            var counts = batch.Counts.Select(c => Agreed(batch.Station.Value, c.Contest.Value)).ToList();
            return counts.Any(c => c is null) ? null : [.. counts.OfType<BatchCount>()];
        });
    }

    /// <summary>The word of a decision in a record.</summary>
    public static string Word(AuditDecision decision) => decision switch
    {
        AuditDecision.Confirmed => "confirmed",
        AuditDecision.NextRound => "next-round",
        AuditDecision.FullCount => "full-count",
        _ => throw new InvalidOperationException($"unknown decision {decision}"),
    };

    /// <summary>A measured risk as a record writes it: six decimals.</summary>
    public static string RiskText(double risk) => risk.ToString("0.000000", CultureInfo.InvariantCulture);

    /// <summary>
    /// What the register still lacks of <paramref name="course"/>: a round record for each round drawn beyond those recorded,
    /// a result for each decided round without one, in order (sequence and log size left 0 for the store to give).
    /// </summary>
    public IReadOnlyList<RegisterRecord> Due(ImmutableArray<AuditRound> course, BatchComparison comparison, DateTimeOffset at, string by)
    {
        var due = new List<RegisterRecord>();
        foreach (var round in course)
        {
            if (round.Number > _rounds.Count && round.Draws.Length > 0)
            {
                due.Add(new AuditRoundRecord(0, 0, at, by, round.Number, [.. round.Draws.Select(d => comparison.Batches[d].Station.Value)]));
            }
            if (round.Decision is { } decision && round.Number > _results.Count)
            {
                due.Add(new AuditResultRecord(0, 0, at, by, round.Number, RiskText(round.Risk!.Value), Word(decision)));
            }
        }
        return due;
    }
}
