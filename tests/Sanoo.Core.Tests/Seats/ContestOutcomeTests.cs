using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Core.Seats;
using Sanoo.Core.Tally;
using Sanoo.Testing;

namespace Sanoo.Core.Tests.Seats;

/// <summary>
/// More of the law as definition data, on the Kyrgyz shape of the small election ("against all" is a choice on both ballots):
/// "against all" is never seated, absolute majority with a runoff, and minimum turnout.
/// </summary>
public class ContestOutcomeTests
{
    private static readonly SourceId Hand = new("hand");
    private static readonly ChoiceId Ann = new("ann");
    private static readonly ChoiceId Bob = new("bob");
    private static readonly ChoiceId Cy = new("cy");

    private static Election Load(Action<JsonObject> change) =>
        Assert.IsType<DefinitionResult.Loaded>(DefinitionJson.Load(DefinitionJson.With(change))).Election;

    /// <summary>The small election with a third candidate, Cy, in the east seat, and <paramref name="rules"/> set on that contest.</summary>
    private static Election ThreeCandidates(string rules) => Load(d =>
    {
        d["choices"]!.AsArray().Add(JsonNode.Parse("""{"id": "cy", "kind": "candidate", "name": {"en": "Cy"}}"""));
        var seat = d["contests"]![1]!.AsObject();
        seat["choices"] = JsonNode.Parse("""["ann", "bob", "cy", "against-all"]""");
        foreach (var (name, value) in JsonNode.Parse(rules)!.AsObject())
        {
            seat[name] = value?.DeepClone();
        }
    });

    /// <summary>A consistent protocol at one station: the votes, 10 invalid ballots.</summary>
    private static Protocol Count(Election election, string station, string contest, params int[] votes)
    {
        var valid = votes.Sum();
        return new Protocol(election.Id, new AreaId(station), new ContestId(contest), Hand, 1,
            ImmutableArray.Create(1000, 20, valid + 10, valid + 10, valid, 10), [.. votes], null);
    }

    private static Snapshot Tally(Election election, params Protocol[] protocols)
    {
        var engine = new TallyEngine(election);
        foreach (var protocol in protocols)
        {
            Assert.IsType<ApplyOutcome.Accepted>(engine.Apply(protocol));
        }
        return engine.Freeze();
    }

    private static SingleMemberResult East(Election election, params int[] votes)
    {
        var snapshot = Tally(election, Count(election, "s1", "east-seat", votes));
        var plan = election.Contest(new ContestId("east-seat"))!;
        return ContestSeats.SingleMember(plan, snapshot.Tally(plan.Contest.Id, Hand, plan.Contest.Area)!);
    }

    [Fact]
    public void Against_all_with_the_most_list_votes_takes_no_seat_yet_stays_in_the_threshold_base()
    {
        var election = Load(d => d["contests"]![0]!["seatRules"]!["threshold"] = JsonNode.Parse("""{"percent": 5, "base": "valid"}"""));
        var snapshot = Tally(election, Count(election, "s1", "list", 300, 40, 600));
        var seats = ContestSeats.PartyList(election.Contest(new ContestId("list"))!, snapshot, Hand);
        Assert.Equal(["red", "blue"], seats.Parties.Select(p => p.Party.Value));
        Assert.Equal(5, seats.SeatsOf(new ChoiceId("red")));
        Assert.Equal(0, seats.SeatsOf(new ChoiceId("against-all")));
        Assert.Equal(940, Assert.Single(seats.Steps.OfType<SeatStep.Threshold>()).Base);
    }

    [Fact]
    public void Against_all_leading_where_it_does_not_block_is_never_elected_and_the_best_candidate_wins()
    {
        var election = Load(d => d["contests"]![1]!["againstAllBlocks"] = false);
        var elected = Assert.IsType<SingleMemberResult.Elected>(East(election, 300, 200, 500));
        Assert.Equal(Ann, elected.Winner.Id);
        Assert.Equal(100, elected.Margin);
    }

    [Fact]
    public void Against_all_leading_where_it_blocks_means_a_repeat_election_explained_by_a_step()
    {
        var election = Load(_ => { });
        var none = Assert.IsType<SingleMemberResult.NoWinner.AgainstAllLeads>(East(election, 300, 200, 500));
        Assert.Equal(new SeatStep.RepeatElection(500, 200), Assert.Single(none.Steps));
    }

    [Fact]
    public void A_candidate_with_more_than_half_of_the_valid_votes_is_elected_in_the_first_round()
    {
        var result = East(ThreeCandidates("""{"majority": "absolute"}"""), 510, 200, 100, 100);
        var elected = Assert.IsType<SingleMemberResult.Elected>(result);
        Assert.Equal(Ann, elected.Winner.Id);
        Assert.Equal(new SeatStep.MajorityReached(new StepParty(Ann, "Ann"), 510, 910, ThresholdBasis.ValidBallots), Assert.Single(result.Steps));
    }

    [Fact]
    public void Without_a_majority_the_top_two_candidates_go_to_a_runoff()
    {
        var result = East(ThreeCandidates("""{"majority": "absolute"}"""), 400, 300, 200, 100);
        var runoff = Assert.IsType<SingleMemberResult.NoWinner.RunoffRequired>(result);
        Assert.Equal([Ann, Bob], runoff.Finalists.Select(c => c.Id));
        Assert.Equal([400L, 300L], runoff.Votes.ToArray());
        var step = Assert.IsType<SeatStep.RunoffBetween>(Assert.Single(result.Steps));
        Assert.Equal([Ann, Bob], step.Finalists.Select(f => f.Id));
        Assert.Equal(1_000, step.Base);
    }

    [Fact]
    public void Against_all_never_goes_to_a_runoff_even_in_second_place()
    {
        var runoff = Assert.IsType<SingleMemberResult.NoWinner.RunoffRequired>(
            East(ThreeCandidates("""{"majority": "absolute"}"""), 400, 100, 50, 300));
        Assert.Equal([Ann, Bob], runoff.Finalists.Select(c => c.Id));
    }

    [Fact]
    public void A_tie_for_second_place_is_broken_by_the_seeded_lottery_and_reported()
    {
        var result = East(ThreeCandidates("""{"majority": "absolute"}"""), 400, 250, 250, 100);
        var runoff = Assert.IsType<SingleMemberResult.NoWinner.RunoffRequired>(result);
        var seed = "tiny-2025/east-seat";
        var second = new[] { Bob, Cy }.OrderBy(c => Convert.ToHexString(SeatAllocator.Lottery(seed, c)), StringComparer.Ordinal).First();
        Assert.Equal([Ann, second], runoff.Finalists.Select(c => c.Id));
        var tie = Assert.Single(result.Steps.OfType<SeatStep.RunoffPlaceTie>());
        Assert.Equal((250L, 1, seed), (tie.Votes, tie.Places, tie.Seed));
        Assert.Equal([Bob, Cy], tie.Tied.Select(t => t.Id));
        Assert.Equal(second, tie.Lottery[0].Id);
    }

    [Fact]
    public void The_majority_base_is_the_one_the_definition_names()
    {
        Assert.IsType<SingleMemberResult.Elected>(East(ThreeCandidates("""{"majority": "absolute"}"""), 452, 448, 0, 0));
        var runoff = East(ThreeCandidates("""{"majority": "absolute", "majorityBase": "participation"}"""), 452, 448, 0, 0);
        Assert.Equal(910, Assert.IsType<SeatStep.RunoffBetween>(Assert.Single(runoff.Steps)).Base);
    }

    [Theory]
    [InlineData("""["ann", "bob"]""", "east-seat", null)]
    [InlineData("""["ann"]""", "east-seat", "a runoff is between two candidates, found 1")]
    [InlineData("""["ann", "bob"]""", "list", "'list' is not a single-member contest decided by absolute majority")]
    public void A_runoff_is_a_contest_between_two_candidates_of_its_first_round(string choices, string runoffOf, string? problem)
    {
        var json = DefinitionJson.With(d =>
        {
            d["contests"]![1]!["majority"] = "absolute";
            d["contests"]!.AsArray().Add(JsonNode.Parse($$"""
                {"id": "east-runoff", "kind": "single-member", "name": {"en": "East, runoff"}, "area": "east-1", "form": "main",
                 "choices": {{choices}}, "runoffOf": "{{runoffOf}}"}
                """));
        });
        var result = DefinitionJson.Load(json);
        if (problem is null)
        {
            var election = Assert.IsType<DefinitionResult.Loaded>(result).Election;
            Assert.Equal(new ContestId("east-seat"), election.Contest(new ContestId("east-runoff"))!.Contest.RunoffOf);
            return;
        }
        Assert.Contains(Assert.IsType<DefinitionResult.Invalid>(result).Problems, p => p.Message == problem);
    }

    [Theory]
    [InlineData("""["ann", "bob", "against-all"]""", true)]
    [InlineData("""["ann", "cy"]""", false)]
    public void A_runoff_is_checked_against_the_finalists_of_its_first_round(string choices, bool match)
    {
        var json = DefinitionJson.With(d =>
        {
            d["choices"]!.AsArray().Add(JsonNode.Parse("""{"id": "cy", "kind": "candidate", "name": {"en": "Cy"}}"""));
            d["contests"]![1]!["choices"] = JsonNode.Parse("""["ann", "bob", "cy", "against-all"]""");
            d["contests"]![1]!["majority"] = "absolute";
            d["contests"]!.AsArray().Add(JsonNode.Parse($$"""
                {"id": "east-runoff", "kind": "single-member", "name": {"en": "East, runoff"}, "area": "east-1", "form": "main",
                 "choices": {{choices}}, "runoffOf": "east-seat"}
                """));
        });
        var election = Assert.IsType<DefinitionResult.Loaded>(DefinitionJson.Load(json)).Election;
        var snapshot = Tally(election, Count(election, "s1", "east-seat", 400, 300, 200, 100));
        var link = ContestSeats.Runoff(snapshot, Hand, election.Contest(new ContestId("east-runoff"))!);
        Assert.NotNull(link);
        Assert.Equal([Ann, Bob], link.Finalists.Select(f => f.Id));
        Assert.Equal(match, link.CandidatesMatch);
        Assert.Null(ContestSeats.Runoff(snapshot, Hand, election.Contest(new ContestId("east-seat"))!));
    }

    [Fact]
    public void An_election_wide_minimum_turnout_applies_to_every_contest_that_names_none()
    {
        var election = Load(d =>
        {
            d["minimumTurnout"] = 50;
            d["contests"]![1]!["minimumTurnout"] = 10;
        });
        Assert.Equal(50m, election.Contest(new ContestId("list"))!.Contest.MinimumTurnout);
        Assert.Equal(10m, election.Contest(new ContestId("east-seat"))!.Contest.MinimumTurnout);
    }

    [Fact]
    public void Turnout_below_the_minimum_makes_a_list_contest_invalid_with_no_seats()
    {
        var election = Load(d => d["contests"]![0]!["minimumTurnout"] = 50);
        var plan = election.Contest(new ContestId("list"))!;
        var low = ContestSeats.PartyList(plan, Tally(election, Count(election, "s1", "list", 200, 90, 10)), Hand);
        Assert.Equal(0, low.Total);
        Assert.Equal(new SeatStep.TurnoutBelowMinimum(50m, 310, 1_000, 500m), Assert.Single(low.Steps));
        var enough = ContestSeats.PartyList(plan, Tally(election, Count(election, "s1", "list", 400, 80, 10)), Hand);
        Assert.Equal(5, enough.Total);
    }

    [Fact]
    public void Turnout_below_the_minimum_leaves_a_single_member_seat_without_a_winner()
    {
        var election = Load(d => d["contests"]![1]!["minimumTurnout"] = 30.5);
        var none = Assert.IsType<SingleMemberResult.NoWinner.TurnoutTooLow>(East(election, 200, 90, 0));
        Assert.Equal((30.5m, 300L, 1_000L), (none.Percent, none.Participation, none.Registered));
        Assert.IsType<SeatStep.TurnoutBelowMinimum>(Assert.Single(none.Steps));
        Assert.IsType<SingleMemberResult.Elected>(East(election, 200, 100, 0));
    }

    [Theory]
    [InlineData(1, "majorityBase", "participation", "$.contests[1].majorityBase")]
    [InlineData(1, "majority", "relative", "$.contests[1].majority")]
    [InlineData(0, "majority", "absolute", "$.contests[0].majority")]
    public void A_majority_rule_that_cannot_hold_is_refused(int contest, string field, string value, string path)
    {
        var result = DefinitionJson.Load(DefinitionJson.With(d => d["contests"]![contest]![field] = value));
        Assert.Contains(Assert.IsType<DefinitionResult.Invalid>(result).Problems, p => p.Path == path);
    }

    [Fact]
    public void A_minimum_turnout_over_100_percent_is_refused()
    {
        var result = DefinitionJson.Load(DefinitionJson.With(d => d["contests"]![0]!["minimumTurnout"] = 101));
        Assert.Contains(Assert.IsType<DefinitionResult.Invalid>(result).Problems, p => p.Path == "$.contests[0].minimumTurnout");
    }
}
