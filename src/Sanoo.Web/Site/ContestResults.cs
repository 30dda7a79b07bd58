using Sanoo.Core.Definitions;
using Sanoo.Core.Seats;
using Sanoo.Core.Tally;
using Sanoo.Web.SeatWording;

namespace Sanoo.Web.Site;

/// <summary>Builds a contest's results in one area from a snapshot: every source side by side.</summary>
public static class ContestResults
{
    /// <summary>The results of <paramref name="plan"/> at <paramref name="area"/>; null when the contest is not tallied there.</summary>
    public static ContestResult? Of(Snapshot snapshot, ContestPlan plan, Area area, SiteLanguage language)
    {
        var election = snapshot.Election;
        var code = language.Code;
        var tallies = election.ResultSources.Select(s => snapshot.Tally(plan.Contest.Id, s.Id, area.Id)).ToList();
        if (tallies.Any(t => t is null))
        {
            return null;
        }
        var sources = election.ResultSources.Select((s, i) => Source(s, tallies[i]!, code)).ToList();
        var primary = PrimaryOf(sources);
        var atOwnArea = area.Id == plan.Contest.Area;
        var primaryTally = tallies[primary]!;
        var allocation = atOwnArea && plan.Contest.Kind == ContestKind.PartyList && primaryTally.StationsReporting > 0
            ? ContestSeats.PartyList(plan, snapshot, election.ResultSources[primary].Id, code)
            : null;
        var rows = plan.Choices.Select((choice, i) => new ChoiceRow(
            choice.Id.Value,
            choice.Name.In(code),
            choice.BallotNumber,
            Palette.Of(choice, i),
            [.. tallies.Select(t => t!.Votes[i])],
            [.. tallies.Select(t => ShareOf(t!.Votes[i], t.Participation))],
            allocation is null ? null : allocation.SeatsOf(choice.Id),
            allocation?.Parties.FirstOrDefault(p => p.Party == choice.Id)?.PassedThreshold)).ToList();
        var threshold = allocation is null ? null : plan.Contest.SeatRules?.Threshold;
        var decision = atOwnArea && plan.Contest.Kind == ContestKind.SingleMember ? ContestSeats.SingleMember(plan, primaryTally, code) : null;
        return new ContestResult(
            plan.Contest.Id.Value,
            plan.Contest.Name.In(code),
            plan.Contest.Kind,
            sources,
            primary,
            rows,
            threshold is null ? null : string.Format(language.Culture, language.Words.ThresholdFormat, language.Percent(threshold.Percent, 0)),
            threshold is { Base: ThresholdBase.Participation } ? threshold.Percent : null,
            [.. rows.Where(r => r.Seats > 0)
                .OrderByDescending(r => r.Seats)
                .ThenBy(r => r.BallotNumber)
                .Select(r => new SeatGroup(r.Id, r.Name, r.Color, r.Seats!.Value))],
            decision is null ? null : Outcome(decision, primaryTally, language),
            [.. plan.Form.Lines.Select((line, i) => new LineRow(line.Id.Value, line.Name.In(code), [.. tallies.Select(t => t!.Lines[i])]))])
        {
            SeatSteps = allocation is null ? [] : [.. SeatWords.Steps(allocation.Steps, code), .. SeatWords.Ties(allocation.Ties, code)],
            OutcomeKind = decision is null ? null : SingleMemberPages.Outcome(decision),
            WinnerId = (decision as SingleMemberResult.Elected)?.Winner.Id.Value,
        };
    }

    /// <summary>The share of voters who took part, in percent, rounded down to 2 decimals so that shares never add up to more than the
    /// whole.</summary>
    public static decimal ShareOf(long votes, long participation) => Shares.Percent(votes, participation);

    /// <summary>The source with most stations counted; the official one on a tie.</summary>
    private static int PrimaryOf(List<SourceResult> sources)
    {
        var best = 0;
        for (var i = 1; i < sources.Count; i++)
        {
            if (sources[i].Reporting > sources[best].Reporting
                || (sources[i].Reporting == sources[best].Reporting && sources[i].Official && !sources[best].Official))
            {
                best = i;
            }
        }
        return best;
    }

    private static SourceResult Source(CountSource source, AreaTally tally, string code) => new(
        source.Id.Value,
        source.Name.In(code),
        source.Official,
        tally.StationsReporting,
        tally.StationsExpected,
        tally.RegisteredCovered,
        tally.RegisteredTotal,
        tally.Participation,
        tally.TotalVotes,
        tally.Flagged);

    private static string Outcome(SingleMemberResult decision, AreaTally tally, SiteLanguage language)
    {
        var words = language.Words;
        return decision switch
        {
            SingleMemberResult.Elected e =>
                $"{words.Winner}: {e.Winner.Name.In(language.Code)}, {language.Number(e.Votes)} ({words.Margin} {language.Number(e.Margin)})",
            SingleMemberResult.NoWinner.NothingCounted => words.NoVotesYet,
            SingleMemberResult.NoWinner n and (SingleMemberResult.NoWinner.RunoffRequired or SingleMemberResult.NoWinner.TurnoutTooLow) =>
                SeatWording.SeatWords.NoWinner(n, language.Code),
            SingleMemberResult.NoWinner n =>
                $"{words.NoWinner} ({string.Join(", ", n.Leaders.Select(l => l.Name.In(language.Code)))}, "
                + $"{language.Number(tally.Votes.Max())})",
            _ => throw new ArgumentOutOfRangeException(nameof(decision)),
        };
    }
}
