using System.Collections.Immutable;
using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;

namespace Sanoo.Core.Seats;

/// <summary>Seats of a contest from a tally, under the contest's own rules.</summary>
public static class ContestSeats
{
    /// <summary>
    /// Allocates a party-list contest's seats from a snapshot, by the definition's seat rules:
    /// the national threshold (base: participation, valid ballots or party votes), coalition
    /// thresholds, the regional threshold checked in every region under the contest's area, the
    /// alternative threshold counted from the single-member contests won by each party's
    /// candidates, the cap and apportionment agreements. "Against all" takes no seats: only party choices enter the
    /// allocation, while its votes stay in the threshold's base where the base counts them. Turnout below the contest's
    /// minimum makes the contest invalid: no seats, one step saying why. The tie seed is "election/contest".
    /// The explanation names parties in <paramref name="language"/>.
    /// </summary>
    public static SeatAllocation PartyList(ContestPlan plan, Snapshot snapshot, SourceId source, string language = "en")
    {
        var election = snapshot.Election;
        var rules = plan.Contest.SeatRules ?? throw new ArgumentException($"contest '{plan.Contest.Id}' has no seat rules", nameof(plan));
        var national = snapshot.Tally(plan.Contest.Id, source, plan.Contest.Area)
            ?? throw new ArgumentException("the contest is not tallied at its own area", nameof(plan));
        var districtSeats = rules.AlternativeDistrictSeats is null ? [] : DistrictSeatsByParty(election, snapshot, source);
        var partyIndexes = Enumerable.Range(0, plan.Choices.Length).Where(i => plan.Choices[i].Kind == ChoiceKind.Party).ToList();
        var parties = partyIndexes
            .Select(i => new PartyVotes(plan.Choices[i].Id, national.Votes[i], plan.Choices[i].Name.In(language))
            {
                CoalitionMembers = plan.Choices[i].CoalitionMembers,
                DistrictSeats = districtSeats.GetValueOrDefault(plan.Choices[i].Id),
            })
            .ToImmutableArray();
        if (MinimumTurnout.Check(plan.Contest, national) is { } low)
        {
            return new SeatAllocation([.. parties.Select(p => new PartySeats(p.Party, p.Votes, false, 0))], [low], []);
        }
        RegionalThreshold? regional = null;
        if (rules.RegionalThreshold is { } rt)
        {
            var regions = plan.TallyAreas
                .Where(a => election.ParentIndex(a) == plan.AreaIndex)
                .Select(a => snapshot.Tally(plan.Contest.Id, source, election.Areas[a].Id)!)
                .Where(t => t.StationsReporting > 0)
                .Select(t => (
                    election.Area(t.Area)!.DisplayName(language),
                    Base(rt.Base, t, partyIndexes),
                    partyIndexes.Select(i => t.Votes[i]).ToImmutableArray()))
                .ToImmutableArray();
            regional = new RegionalThreshold(rt.Percent, regions);
        }
        var request = new SeatRequest(
            plan.Contest.Seats,
            parties,
            SeatMethod.Find(rules.Method)!,
            rules.Threshold,
            Base(rules.Threshold?.Base ?? ThresholdBase.Valid, national, partyIndexes),
            rules.MaxSeatsPerParty,
            $"{election.Id}/{plan.Contest.Id}")
        {
            CoalitionThresholds = rules.CoalitionThresholds,
            AlternativeDistrictSeats = rules.AlternativeDistrictSeats,
            Regional = regional,
            Agreements = rules.Agreements,
        };
        if (rules.ApportionTo is { } level)
        {
            return Apportioned(plan, snapshot, source, language, request, level, partyIndexes);
        }
        if (rules.MixedMember)
        {
            var independents = IndependentDistrictSeats(election, snapshot, source);
            var won = DistrictSeatsByParty(election, snapshot, source);
            var mixed = MixedMember.Allocate(
                request with { Parties = [.. request.Parties.Select(p => p with { DistrictSeats = won.GetValueOrDefault(p.Party) })] },
                independents);
            var eligible = Eligibility.Decide(request, ImmutableArray.CreateBuilder<SeatStep>());
            return new SeatAllocation(
                [.. mixed.Parties.Select((p, i) => new PartySeats(p.Party.Party, p.Party.Votes, eligible[i] || p.DistrictSeats > 0, p.Total))],
                mixed.Steps,
                mixed.Ties);
        }
        return SeatAllocator.Allocate(request);
    }

    private static SeatAllocation Apportioned(
        ContestPlan plan, Snapshot snapshot, SourceId source, string language, SeatRequest request, string level, List<int> partyIndexes)
    {
        var election = snapshot.Election;
        var areas = plan.TallyAreas.Where(a => election.LevelOf(election.Areas[a]).Id == level)
            .Select(a => (Area: election.Areas[a], Tally: snapshot.Tally(plan.Contest.Id, source, election.Areas[a].Id)!))
            .ToList();
        var result = RegionalAllocation.Allocate(
            plan.Contest.Seats,
            [.. request.Parties.Select(p => p.Party)],
            [.. areas.Select(a => (
                new ChoiceId(a.Area.Id.Value),
                a.Area.DisplayName(language),
                partyIndexes.Select(i => a.Tally.Votes[i]).ToImmutableArray()))],
            request.Method,
            request.Threshold,
            request.TieSeed,
            request.ThresholdBase);
        var eligible = Eligibility.Decide(request, ImmutableArray.CreateBuilder<SeatStep>());
        return new SeatAllocation(
            [.. request.Parties.Select((p, i) => new PartySeats(p.Party, p.Votes, eligible[i], result.National[i]))],
            result.Steps,
            result.Ties)
        {
            Regions = result.Regions,
        };
    }

    /// <summary>Single-member contests won by candidates nominated by no party.</summary>
    private static int IndependentDistrictSeats(Election election, Snapshot snapshot, SourceId source) =>
        election.Contests.Count(plan => plan.Contest.Kind == ContestKind.SingleMember
            && snapshot.Tally(plan.Contest.Id, source, plan.Contest.Area) is { } tally
            && SingleMember(plan, tally) is SingleMemberResult.Elected { Winner.Party: null });

    /// <summary>Single-member contests won, by the winners' nominating party.</summary>
    public static Dictionary<ChoiceId, int> DistrictSeatsByParty(Election election, Snapshot snapshot, SourceId source)
    {
        var won = new Dictionary<ChoiceId, int>();
        foreach (var plan in election.Contests.Where(c => c.Contest.Kind == ContestKind.SingleMember))
        {
            if (snapshot.Tally(plan.Contest.Id, source, plan.Contest.Area) is { } tally
                && SingleMember(plan, tally) is SingleMemberResult.Elected { Winner.Party: { } party })
            {
                won[party] = won.GetValueOrDefault(party) + 1;
            }
        }
        return won;
    }

    private static long Base(ThresholdBase thresholdBase, AreaTally tally, List<int> partyIndexes) => thresholdBase switch
    {
        ThresholdBase.Participation => tally.Participation,
        ThresholdBase.Valid => tally.TotalVotes,
        ThresholdBase.PartyVotes => partyIndexes.Sum(i => tally.Votes[i]),
        _ => throw new ArgumentOutOfRangeException(nameof(thresholdBase)),
    };

    /// <summary>
    /// The winner of a single-member contest, or why there is none: plurality, or an absolute majority with a runoff, the
    /// minimum turnout and "against all" as the contest says (see <see cref="SingleMemberResult.Steps"/>). "Against all" is
    /// never elected. Steps name candidates in <paramref name="language"/>.
    /// </summary>
    public static SingleMemberResult SingleMember(ContestPlan plan, AreaTally tally, string language = "en") =>
        SingleMemberWinner.Decide(plan, tally, language);

    /// <summary>
    /// For a runoff contest: its first round's finalists and whether the runoff's candidates are they. Null when the contest is
    /// not a runoff, or its first round (as counted by <paramref name="source"/>) does not, or not yet, call for one.
    /// </summary>
    public static RunoffLink? Runoff(Snapshot snapshot, SourceId source, ContestPlan runoff)
    {
        if (runoff.Contest.RunoffOf is not { } first
            || snapshot.Election.Contest(first) is not { } round
            || snapshot.Tally(first, source, round.Contest.Area) is not { } tally
            || SingleMember(round, tally) is not SingleMemberResult.NoWinner.RunoffRequired required)
        {
            return null;
        }
        var candidates = runoff.Choices.Where(c => c.Kind != ChoiceKind.AgainstAll).Select(c => c.Id).ToHashSet();
        return new RunoffLink(required.Finalists, candidates.SetEquals(required.Finalists.Select(f => f.Id)));
    }
}
