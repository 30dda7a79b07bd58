using System.Globalization;
using Sanoo.Core.Audits;
using Sanoo.Core.Definitions;
using Sanoo.Core.Register;
using Sanoo.Core.Tally;
using Sanoo.Storage.Access;
using Sanoo.Web.Access;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// The verifier's replay of the risk-limiting audit (docs/audits.md), in register order: the plan is recomputed against the
/// verifier's own tally of the log as it stood when the plan was recorded; every round's draws are redrawn from the seed; every
/// recount entry is by an operator who may act for a station drawn before it; every result's risk and decision are recomputed
/// from the recounts recorded before it. A sample, risk or decision the seed and the recounts do not give fails the verification.
/// </summary>
/// <param name="election">The election.</param>
/// <param name="operators">The operators enrolled so far, by name (kept up to date by the caller).</param>
/// <param name="reported">The verifier's tally of the log entries replayed so far.</param>
/// <param name="problems">Where problems are added, each naming its record.</param>
internal sealed class AuditReplay(
    Election election, IReadOnlyDictionary<string, Operator> operators, Func<Snapshot> reported, List<string> problems)
{
    private readonly Jurisdiction _jurisdiction = new(election);
    private readonly AuditBook _book = new();
    private BatchComparison? _comparison;

    /// <summary>Holds an audit record to the audit as the register stood before it.</summary>
    public void Apply(RegisterRecord record)
    {
        var at = $"register record {record.Sequence} ({record.Kind})";
        if (record is not AuditPlanRecord && _comparison is null)
        {
            problems.Add($"{at} comes before any audit plan");
            return;
        }
        switch (record)
        {
            case AuditPlanRecord plan:
                Plan(plan, at);
                break;
            case AuditRoundRecord round:
                _book.Add(round);
                var drawn = Course().FirstOrDefault(r => r.Number == round.Round);
                var stations = drawn?.Draws.Select(b => _comparison!.Batches[b].Station.Value).ToList();
                if (round.Round != _book.Rounds.Count || stations is null || !stations.SequenceEqual(round.Draws))
                {
                    problems.Add($"{at}: round {round.Round} records draws that the seed, the reported count and the recounts before it "
                        + "do not give" + (stations is null ? " (no such round is due)" : $" (they give {string.Join(", ", stations.Take(5))} …)"));
                }
                break;
            case AuditRecountRecord recount:
                Recount(recount, at);
                break;
            case AuditResultRecord result:
                _book.Add(result);
                var decided = Course().FirstOrDefault(r => r.Number == result.Round);
                if (result.Round != _book.Results.Count || decided?.Decision is not { } decision
                    || AuditBook.Word(decision) != result.Decision || AuditBook.RiskText(decided.Risk!.Value) != result.Risk)
                {
                    var computed = decided?.Decision is { } d
                        ? $"{AuditBook.Word(d)} at risk {AuditBook.RiskText(decided.Risk!.Value)}"
                        : "no decision";
                    problems.Add($"{at}: round {result.Round} recorded as {result.Decision} at risk {result.Risk}; the recounts before it give "
                        + computed);
                }
                break;
            default:
                break;
        }
    }

    /// <summary>The audit's plan, once recorded (and allowed by the election).</summary>
    public AuditPlanRecord? PlanRecorded => _book.Plan;

    /// <summary>What the register held of the audit, in a short line.</summary>
    public string Summary() => _book.Plan is not { } plan
        ? "no risk-limiting audit"
        : string.Create(CultureInfo.InvariantCulture,
            $"risk-limiting audit at risk limit {plan.RiskLimit}: {_book.Rounds.Count} rounds drawn, {_book.Recounts.Count} recount entries, "
            + $"last result {(_book.Results.Count > 0 ? _book.Results[^1].Decision : "none yet")}; every draw and risk recomputed");

    private void Plan(AuditPlanRecord plan, string at)
    {
        if (_book.Plan is not null)
        {
            problems.Add($"{at} is a second audit plan; a store holds one audit");
            return;
        }
        var contests = plan.Contests.Select(c => ContestId.TryParse(c, out var id) ? election.Contest(id) : null).ToList();
        if (contests.Any(c => c is null) || !election.Sources.Any(s => s.Id.Value == plan.Source)
            || Audit.AuditInput.Seed(plan.Seed) is not null || Audit.AuditInput.RiskLimit(plan.RiskLimit, out var limit) is not null
            || limit != plan.RiskLimit)
        {
            problems.Add($"{at}: the plan names contests, a source, a seed or a risk limit that the election does not allow");
            return;
        }
        _book.Add(plan);
        _comparison = AuditManifest.Comparison(reported(), contests!, new SourceId(plan.Source));
    }

    private void Recount(AuditRecountRecord recount, string at)
    {
        _book.Add(recount);
        var batch = _comparison!.Batches.FirstOrDefault(b => b.Station.Value == recount.StationId);
        var count = batch?.Counts.FirstOrDefault(c => c.Contest.Value == recount.Contest);
        if (!_book.Rounds.Any(r => r.Draws.Contains(recount.StationId)) || count is null || count.Votes.Length != recount.Votes.Length)
        {
            problems.Add($"{at}: a recount of station {recount.StationId}'s {recount.Contest}, which no round drew before it or which has "
                + "another number of choices");
        }
        if (!operators.TryGetValue(recount.By, out var op) || !AreaId.TryParse(recount.StationId, out var station)
            || !_jurisdiction.Covers(op, station))
        {
            problems.Add($"{at} is by {recount.By}, who was not then an operator who may act for station {recount.StationId}");
        }
    }

    private System.Collections.Immutable.ImmutableArray<AuditRound> Course() => _book.Course(_comparison!);
}
