using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Core.Seats;
using Sanoo.Core.Tally;
using Sanoo.Testing;

namespace Sanoo.Core.Tests.Seats;

/// <summary>Apportionment agreements: blocs take seats as one list, then split them by the same method (Israel, Switzerland).</summary>
public class ApportionmentAgreementTests
{
    private sealed record Fixture(
        string Source, int Seats, string Method, decimal ThresholdPercent, long ValidVotes, ImmutableArray<FixtureList> Lists,
        ImmutableArray<ImmutableArray<string>> Agreements);

    private sealed record FixtureList(string Id, string Name, long Votes, int Seats);

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static Fixture Knesset25() => JsonSerializer.Deserialize<Fixture>(
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Seats", "Fixtures", "knesset-25.json")), Web)!;

    private static SeatRequest Request(Fixture k, bool withAgreements) => new(
        k.Seats,
        [.. k.Lists.Select(l => new PartyVotes(new ChoiceId(l.Id), l.Votes, l.Name))],
        SeatMethod.Find(k.Method)!,
        new Threshold(k.ThresholdPercent, ThresholdBase.Valid),
        k.ValidVotes,
        null,
        "knesset-25/list")
    {
        Agreements = withAgreements ? [.. k.Agreements.Select(a => a.Select(id => new ChoiceId(id)).ToImmutableArray())] : [],
    };

    [Fact]
    public void The_25th_Knesset_seats_follow_from_the_official_votes_with_the_surplus_agreements()
    {
        var knesset = Knesset25();
        var seats = SeatAllocator.Allocate(Request(knesset, withAgreements: true));
        Assert.Equal(knesset.Lists.Select(l => (l.Id, l.Seats)), seats.Parties.Select(p => (p.Party.Value, p.Seats)));
        Assert.Empty(seats.Ties);
        var agreements = Assert.Single(seats.Steps.OfType<SeatStep.Agreements>());
        Assert.Equal(3, agreements.Blocs.Length);
        Assert.Equal(new StepParty(new ChoiceId("labor"), "Labor"), Assert.Single(agreements.Void));
        var likudBloc = seats.Steps.OfType<SeatStep.BlocSplit>().Single(b => b.Bloc.Id.Value == "likud");
        Assert.Equal(46, likudBloc.Seats);
        Assert.Equal("Likud + Religious Zionism", likudBloc.Bloc.Name);
    }

    [Fact]
    public void Without_the_agreements_plain_dhondt_gives_other_seats_than_the_official_ones()
    {
        var knesset = Knesset25();
        var seats = SeatAllocator.Allocate(Request(knesset, withAgreements: false));
        Assert.Equal(31, seats.SeatsOf(new ChoiceId("likud")));
        Assert.Equal(5, seats.SeatsOf(new ChoiceId("labor")));
        Assert.DoesNotContain(seats.Steps, s => s is SeatStep.Agreements);
    }

    [Fact]
    public void A_definition_names_its_agreements_and_the_allocation_follows_them()
    {
        var election = Assert.IsType<DefinitionResult.Loaded>(DefinitionJson.Load(DefinitionJson.With(d =>
        {
            d["contests"]![0]!["seatRules"] = JsonNode.Parse("""{"method": "dhondt", "agreements": [["red", "blue"]]}""");
        }))).Election;
        var agreement = Assert.Single(election.Contest(new ContestId("list"))!.Contest.SeatRules!.Agreements);
        Assert.Equal(["red", "blue"], agreement.Select(c => c.Value));
        var protocol = new Protocol(election.Id, new AreaId("s1"), new ContestId("list"), new SourceId("hand"), 1,
            ImmutableArray.Create(1000, 20, 610, 610, 600, 10), [300, 200, 100], null);
        var engine = new TallyEngine(election);
        Assert.IsType<ApplyOutcome.Accepted>(engine.Apply(protocol));
        var seats = ContestSeats.PartyList(election.Contest(new ContestId("list"))!, engine.Freeze(), new SourceId("hand"));
        var bloc = Assert.Single(Assert.Single(seats.Steps.OfType<SeatStep.Agreements>()).Blocs);
        Assert.Equal(500, bloc.Votes);
        var split = Assert.Single(seats.Steps.OfType<SeatStep.BlocSplit>());
        Assert.Equal((5, "Red Party + Blue Party"), (split.Seats, split.Bloc.Name));
        Assert.Equal((3, 2), (seats.SeatsOf(new ChoiceId("red")), seats.SeatsOf(new ChoiceId("blue"))));
    }

    [Theory]
    [InlineData("""[["red"]]""", "at least two parties")]
    [InlineData("""[["red", "ann"]]""", "'ann' is not a party of this contest")]
    [InlineData("""[["red", "blue"], ["blue", "red"]]""", "in more than one agreement")]
    public void A_definition_refuses_an_agreement_that_cannot_hold(string agreements, string problem)
    {
        var result = DefinitionJson.Load(DefinitionJson.With(d => d["contests"]![0]!["seatRules"]!["agreements"] = JsonNode.Parse(agreements)));
        var problems = Assert.IsType<DefinitionResult.Invalid>(result).Problems;
        Assert.Contains(problems, p => p.Path.StartsWith("$.contests[0].seatRules.agreements", StringComparison.Ordinal) 
            && p.Message.Contains(problem, StringComparison.Ordinal));
    }
}
