using Sanoo.Core.Definitions;
using Sanoo.Core.Seats;
using Sanoo.Core.Tally;

namespace Sanoo.Core.Err;

/// <summary>
/// A contest as an ERR contest: a party-list contest is a <c>PartyContest</c> (vote variation <c>proportional</c>) whose parties are
/// <c>PartySelection</c>s; a single-member contest a <c>CandidateContest</c> (one vote, <c>plurality</c> or <c>majority</c>) whose
/// candidates are <c>CandidateSelection</c>s. A party's seats, as the contest's rules give them from each count, are a count of type
/// <c>seats</c> at the contest's area. "Against all" is neither a party nor a candidate: it is a <c>BallotMeasureSelection</c>,
/// a selection known by its text, with its Sanoo id as an external identifier.
/// </summary>
public static class ErrContests
{
    /// <summary>The contest with its selections and their votes.</summary>
    public static ErrObject Contest(Snapshot snapshot, ContestPlan plan)
    {
        var election = snapshot.Election;
        var contest = plan.Contest;
        var language = election.Definition.Languages[0];
        var official = snapshot.Tally(contest.Id, election.DefaultSource.Id, contest.Area)!;
        var single = contest.Kind == ContestKind.SingleMember;
        var seats = single ? [] : election.ResultSources.Select(s => (s, ContestSeats.PartyList(plan, snapshot, s.Id))).ToList();
        List<ErrField> fields =
        [
            new("BallotTitle", ErrWords.Text(contest.Name, election.Definition.Languages)),
            new("ContestSelection", new ErrList(plan.Choices.Select((choice, i) => (ErrValue)Selection(snapshot, plan, choice, i, seats)))),
            new("ElectionDistrictId", new ErrText(ErrIds.Of(contest.Area))),
            new("Name", new ErrText(contest.Name.In(language))),
            new("SequenceOrder", new ErrNumber(plan.Index + 1)),
            new("SubUnitsReported", new ErrNumber(official.StationsReporting)),
            new("TotalSubUnits", new ErrNumber(official.StationsExpected)),
            new("VoteVariation", new ErrText(!single ? "proportional" : contest.AbsoluteMajority is null ? "plurality" : "majority")),
        ];
        if (single)
        {
            fields.Add(new("NumberElected", new ErrNumber(contest.Seats)));
            fields.Add(new("VotesAllowed", new ErrNumber(1)));
        }
        return new ErrObject(single ? "CandidateContest" : "PartyContest", ErrIds.Of(contest.Id), fields) { Derived = true };
    }

    private static ErrObject Selection(
        Snapshot snapshot, ContestPlan plan, Choice choice, int index, List<(CountSource Source, SeatAllocation Seats)> seats)
    {
        var order = new ErrField("SequenceOrder", new ErrNumber(index + 1));
        var won = seats.SelectMany(s => s.Seats.Parties.Where(p => p.Party == choice.Id).Select(p => (ErrValue)Seats(s.Source, plan, p.Seats)));
        var votes = new ErrField("VoteCounts", new ErrList(ErrCounts.Votes(snapshot, plan, index).Concat(won)));
        var id = ErrIds.Of(plan.Contest.Id, choice.Id);
        return choice.Kind switch
        {
            ChoiceKind.Party => new ErrObject("PartySelection", id, [order, votes, new("PartyIds", new ErrRefs([ErrIds.Of(choice)!]))]),
            ChoiceKind.Candidate => new ErrObject("CandidateSelection", id, [order, votes, new("CandidateIds", new ErrRefs([ErrIds.Of(choice)!]))]),
            _ => new ErrObject(
                "BallotMeasureSelection",
                id,
                [
                    order,
                    votes,
                    new(
                        "ExternalIdentifier",
                        new ErrList([ErrWords.External(ErrIds.SanooId, choice.Id.Value), .. ErrExport.BallotNumber(choice)?.Items ?? []])),
                    new("Selection", ErrWords.Text(choice.Name, snapshot.Election.Definition.Languages)),
                ]),
        } with { Derived = true };
    }

    private static ErrObject Seats(CountSource source, ContestPlan plan, int seats) => new(
        "VoteCounts",
        null,
        [
            new("DeviceClass", ErrWords.Device(source)),
            new("GpUnitId", new ErrText(ErrIds.Of(plan.Contest.Area))),
            new("Type", new ErrText("seats")),
            new("Count", new ErrNumber(seats)),
        ]);
}
