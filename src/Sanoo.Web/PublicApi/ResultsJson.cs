using Sanoo.Core.Definitions;
using Sanoo.Core.Seats;
using Sanoo.Core.Tally;
using Sanoo.Web.SeatWording;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.PublicApi;

/// <summary>The results of one contest, source and area, with its child areas and its seats or winner, from one snapshot.</summary>
public static class ResultsJson
{
    /// <summary>The wire form (<see cref="Wire.AreaResults"/>).</summary>
    public static Wire.AreaResults Of(Snapshot snapshot, ContestPlan plan, CountSource source, AreaId areaId, string language)
    {
        var election = snapshot.Election;
        var tally = snapshot.Tally(plan.Contest.Id, source.Id, areaId)!;
        var area = election.Area(areaId)!;
        var atContestArea = areaId == plan.Contest.Area;
        var areaIndex = election.AreaIndex(areaId);
        IEnumerable<Wire.ChildResult> Rows(Func<int, bool> which) => plan.TallyAreas.Where(which)
            .Select(a => snapshot.Tally(plan.Contest.Id, source.Id, election.Areas[a].Id)!)
            .Select(t => (Tally: t, Area: election.Area(t.Area)!))
            .Select(c => new Wire.ChildResult(c.Area.Id.Value, c.Area.DisplayName(language), election.LevelOf(c.Area).Id,
                Reporting(c.Tally), c.Tally.Participation, c.Tally.TotalVotes, c.Tally.Votes));
        var children = Rows(a => election.ParentIndex(a) == areaIndex);
        return new Wire.AreaResults(
            election.Id.Value,
            snapshot.Position,
            new Wire.ContestRef(
                plan.Contest.Id.Value, plan.Contest.Name.In(language), WireEnums.Of<Wire.ContestKind>(plan.Contest.Kind), plan.Contest.Seats),
            new Wire.SourceRef(source.Id.Value, source.Name.In(language), source.Official),
            new Wire.AreaRef(area.Id.Value, area.DisplayName(language), election.LevelOf(area).Id, area.IsStation),
            Reporting(tally),
            tally.Participation,
            tally.TotalVotes,
            tally.Flagged,
            plan.Form.Lines.Select((l, i) => (l, i)).ToDictionary(x => x.l.Id.Value, x => tally.Lines[x.i]),
            [.. plan.Choices.Select((c, i) => new Wire.ChoiceResult(
                c.Id.Value,
                c.Name.In(language),
                c.BallotNumber,
                tally.Votes[i],
                tally.SharePercent(i)))],
            atContestArea && plan.Contest.Kind == ContestKind.PartyList ? Seats(plan, snapshot, source, language) : null,
            atContestArea && plan.Contest.Kind == ContestKind.SingleMember
                ? Outcome(ContestSeats.SingleMember(plan, tally, language), language)
                : null,
            [.. children])
        {
            Groupings = atContestArea ? [.. Rows(a => a != areaIndex && election.InGrouping(a))] : [],
        };
    }

    private static Wire.Reporting Reporting(AreaTally t) => new(t.StationsReporting, t.StationsExpected, t.RegisteredCovered, t.RegisteredTotal);

    private static Wire.SeatsResult Seats(ContestPlan plan, Snapshot snapshot, CountSource source, string language)
    {
        var allocation = ContestSeats.PartyList(plan, snapshot, source.Id, language);
        return new Wire.SeatsResult(
            allocation.Total,
            plan.Contest.SeatRules!.Method,
            [.. allocation.Parties.Select(p => new Wire.PartySeats(p.Party.Value, p.Seats, p.PassedThreshold))],
            SeatWords.Steps(allocation.Steps, language),
            SeatWords.Ties(allocation.Ties, language),
            SeatStepJson.Steps(allocation.Steps),
            SeatStepJson.Ties(allocation.Ties));
    }

    private static Wire.SingleMemberOutcome Outcome(SingleMemberResult result, string language) => result switch
    {
        SingleMemberResult.Elected e => new(e.Winner.Id.Value, e.Votes, e.Margin, null),
        SingleMemberResult.NoWinner n => new(null, null, null, SeatWords.NoWinner(n, language)),
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };
}
