using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Core.Seats;
using Sanoo.Core.Tally;
using Sanoo.Testing;

namespace Sanoo.Core.Tests.Seats;

/// <summary>Seat rules written in the election definition: regional, coalition and alternative thresholds.</summary>
public class DefinitionSeatRulesTests
{
    private static readonly SourceId Hand = new("hand");

    private static Election Load(Action<JsonObject> change) =>
        Assert.IsType<DefinitionResult.Loaded>(DefinitionJson.Load(DefinitionJson.With(change))).Election;

    /// <summary>A consistent protocol of the small election: votes for red, blue and "against all".</summary>
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

    [Fact]
    public void A_party_under_the_regional_threshold_in_any_region_takes_no_seats()
    {
        var election = Load(d => d["contests"]![0]!["seatRules"]!["regionalThreshold"] = JsonNode.Parse("""{"percent": 10, "base": "valid"}"""));
        var snapshot = Tally(election,
            Count(election, "s1", "list", 300, 200, 0),
            Count(election, "s2", "list", 300, 200, 0),
            Count(election, "s3", "list", 250, 20, 30));
        var seats = ContestSeats.PartyList(election.Contest(new ContestId("list"))!, snapshot, Hand);
        Assert.Equal(5, seats.SeatsOf(new ChoiceId("red")));
        var excluded = Assert.Single(seats.Steps.OfType<SeatStep.BelowThreshold>()).Excluded;
        Assert.Equal(new ThresholdExclusion.BelowRegional(new StepParty(new ChoiceId("blue"), "Blue Party"), 10m, "Abroad"), Assert.Single(excluded));
    }

    [Fact]
    public void A_coalition_faces_its_own_higher_threshold()
    {
        var election = Load(d =>
        {
            d["choices"]![1]!["coalitionMembers"] = 3;
            d["contests"]![0]!["seatRules"]!["coalitionThresholds"] = JsonNode.Parse("""[{"minMembers": 2, "percent": 45}]""");
        });
        var snapshot = Tally(election, Count(election, "s1", "list", 500, 400, 100));
        var seats = ContestSeats.PartyList(election.Contest(new ContestId("list"))!, snapshot, Hand);
        Assert.Equal(0, seats.SeatsOf(new ChoiceId("blue")));
        var excluded = Assert.Single(seats.Steps.OfType<SeatStep.BelowThreshold>()).Excluded;
        Assert.Equal(new ThresholdExclusion.BelowNational(new StepParty(new ChoiceId("blue"), "Blue Party"), 400, 3, 45m), Assert.Single(excluded));
    }

    [Fact]
    public void A_party_below_the_threshold_takes_part_when_its_candidates_won_enough_districts()
    {
        var election = Load(d =>
        {
            d["contests"]![0]!["seatRules"]!["threshold"] = JsonNode.Parse("""{"percent": 60, "base": "valid"}""");
            d["contests"]![0]!["seatRules"]!["alternativeDistrictSeats"] = 1;
        });
        var snapshot = Tally(election,
            Count(election, "s1", "list", 300, 600, 100),
            Count(election, "s1", "east-seat", 500, 300, 200));
        var seats = ContestSeats.PartyList(election.Contest(new ContestId("list"))!, snapshot, Hand);
        Assert.True(seats.Parties.Single(p => p.Party.Value == "red").PassedThreshold);
        Assert.Equal(5, seats.Parties.Sum(p => p.Seats));
        Assert.Contains(new SeatStep.AlternativeEntry(new StepParty(new ChoiceId("red"), "Red Party"), 1, 1), seats.Steps);
    }

    [Fact]
    public void Seats_can_be_apportioned_to_regions_first_then_shared_inside_each()
    {
        var election = Load(d =>
        {
            d["contests"]![0]!["seatRules"] = JsonNode.Parse(
                """{"method": "dhondt", "apportionTo": "region", "threshold": {"percent": 5, "base": "valid"}}""");
            d["contests"]![0]!["seats"] = 10;
        });
        var snapshot = Tally(election,
            Count(election, "s1", "list", 400, 200, 0),
            Count(election, "s2", "list", 300, 100, 0),
            Count(election, "s3", "list", 50, 250, 0));
        var seats = ContestSeats.PartyList(election.Contest(new ContestId("list"))!, snapshot, Hand);
        Assert.Equal(["East: 8", "Abroad: 2"], seats.Regions.Select(r => $"{r.Region}: {r.Seats}")); // 1,000 : 300 votes by Hare over 10
        Assert.Equal<int>([6, 2], seats.Regions[0].PartySeats); // 700 : 300 by D'Hondt over 8
        Assert.Equal<int>([0, 2], seats.Regions[1].PartySeats); // 50 : 250 over 2
        Assert.Equal(6, seats.SeatsOf(new ChoiceId("red")));
        Assert.Equal(4, seats.SeatsOf(new ChoiceId("blue")));
    }

    [Fact]
    public void A_mixed_member_contest_fills_each_share_with_district_seats_first_and_keeps_overhang()
    {
        var election = Load(d =>
        {
            d["contests"]![0]!["seatRules"] = JsonNode.Parse("""{"method": "sainte-lague", "mixedMember": true}""");
            d["contests"]![0]!["seats"] = 2;
        });
        var snapshot = Tally(election,
            Count(election, "s1", "list", 100, 900, 0),
            Count(election, "s1", "east-seat", 600, 300, 100));
        var seats = ContestSeats.PartyList(election.Contest(new ContestId("list"))!, snapshot, Hand);
        Assert.Equal(1, seats.SeatsOf(new ChoiceId("red")));  // share 0 of 2, but Ann (red) won East: overhang
        Assert.Equal(2, seats.SeatsOf(new ChoiceId("blue")));
        Assert.Equal(3, seats.Total);
        Assert.Equal(new SeatStep.House(2, 1), seats.Steps[^1]);
    }

    [Fact]
    public void Apportionment_and_mixed_member_cannot_be_combined()
    {
        var problems = Assert.IsType<DefinitionResult.Invalid>(DefinitionJson.Load(DefinitionJson.With(d =>
            d["contests"]![0]!["seatRules"] = JsonNode.Parse("""{"method": "hare", "apportionTo": "region", "mixedMember": true}""")))).Problems;
        Assert.Contains(problems, p => p.Path == "$.contests[0].seatRules" && p.Message.Contains("cannot be combined", StringComparison.Ordinal));
    }
}
