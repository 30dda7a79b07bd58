using Sanoo.Core.Definitions;
using Sanoo.Core.Seats;
using Sanoo.Core.Tally;
using Sanoo.Web.SeatWording;

namespace Sanoo.Web.PublicApi;

/// <summary>The results of one contest, source and area, with its child areas and its seats or winner, from one snapshot.</summary>
public static class ResultsJson
{
    /// <summary>The JSON shape.</summary>
    public static object Of(Snapshot snapshot, ContestPlan plan, CountSource source, AreaId areaId, string language)
    {
        var election = snapshot.Election;
        var tally = snapshot.Tally(plan.Contest.Id, source.Id, areaId)!;
        var area = election.Area(areaId)!;
        var atContestArea = areaId == plan.Contest.Area;
        var areaIndex = election.AreaIndex(areaId);
        var children = plan.TallyAreas.Where(a => election.ParentIndex(a) == areaIndex)
            .Select(a => snapshot.Tally(plan.Contest.Id, source.Id, election.Areas[a].Id)!)
            .Select(t => new { id = t.Area.Value, name = election.Area(t.Area)!.DisplayName(language), kind = election.Area(t.Area)!.Kind.ToString().ToLowerInvariant(), reporting = Reporting(t), participation = t.Participation, validVotes = t.TotalVotes, votes = t.Votes });
        return new
        {
            election = election.Id.Value,
            snapshot = snapshot.Position,
            contest = new { id = plan.Contest.Id.Value, name = plan.Contest.Name.In(language), kind = plan.Contest.Kind == ContestKind.PartyList ? "party-list" : "single-member", seats = plan.Contest.Seats },
            source = new { id = source.Id.Value, name = source.Name.In(language), official = source.Official },
            area = new { id = area.Id.Value, name = area.DisplayName(language), kind = area.Kind.ToString().ToLowerInvariant() },
            reporting = Reporting(tally),
            participation = tally.Participation,
            validVotes = tally.TotalVotes,
            flagged = tally.Flagged,
            lines = plan.Form.Lines.Select((l, i) => (l, i)).ToDictionary(x => x.l.Id.Value, x => tally.Lines[x.i]),
            choices = plan.Choices.Select((c, i) => new
            {
                id = c.Id.Value,
                name = c.Name.In(language),
                ballotNumber = c.BallotNumber,
                votes = tally.Votes[i],
                sharePercent = tally.Participation == 0 ? 0 : Math.Round(100m * tally.Votes[i] / tally.Participation, 4),
            }),
            seats = atContestArea && plan.Contest.Kind == ContestKind.PartyList ? Seats(plan, snapshot, source, language) : null,
            outcome = atContestArea && plan.Contest.Kind == ContestKind.SingleMember
                ? Outcome(ContestSeats.SingleMember(plan, tally), language)
                : null,
            children,
        };
    }

    private static object Reporting(AreaTally t) => new { stations = t.StationsReporting, stationsExpected = t.StationsExpected, registeredCovered = t.RegisteredCovered, registeredTotal = t.RegisteredTotal };

    private static object Seats(ContestPlan plan, Snapshot snapshot, CountSource source, string language)
    {
        var allocation = ContestSeats.PartyList(plan, snapshot, source.Id, language);
        return new
        {
            total = allocation.Total,
            method = plan.Contest.SeatRules!.Method,
            parties = allocation.Parties.Select(p => new { id = p.Party.Value, seats = p.Seats, passedThreshold = p.PassedThreshold }),
            steps = SeatWords.Steps(allocation.Steps, language),
            ties = SeatWords.Ties(allocation.Ties, language),
            stepData = SeatStepJson.Steps(allocation.Steps),
            tieData = SeatStepJson.Ties(allocation.Ties),
        };
    }

    private static object Outcome(SingleMemberResult result, string language) => result switch
    {
        SingleMemberResult.Elected e => new { elected = (string?)e.Winner.Id.Value, votes = (long?)e.Votes, margin = (long?)e.Margin, reason = (string?)null },
        SingleMemberResult.NoWinner n =>
            new { elected = (string?)null, votes = (long?)null, margin = (long?)null, reason = (string?)SeatWords.NoWinner(n, language) },
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };
}
