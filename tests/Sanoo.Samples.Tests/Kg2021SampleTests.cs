using System.Security.Cryptography;
using System.Text.Json;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Core.Seats;
using Sanoo.Core.Tally;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Testing;

namespace Sanoo.Samples.Tests;

public class Kg2021SampleTests
{
    private static readonly Lazy<GeneratedElection> Lazy = new(() => Kg2021Generator.Generate());
    private static readonly Lazy<Snapshot> Tallied = new(() =>
    {
        var engine = new TallyEngine(Sample.Election);
        foreach (var protocol in Sample.Hand.Concat(Sample.Machine))
        {
            Assert.IsType<ApplyOutcome.Accepted>(engine.Apply(protocol));
        }
        return engine.Freeze();
    });

    private static GeneratedElection Sample => Lazy.Value;

    private static readonly AreaId Nation = new("kg");
    private static readonly ContestId List = new(Kg2021Definition.ListContest);

    private static AreaTally National(string source) => Tallied.Value.Tally(List, new SourceId(source), Nation)!;

    private static long Line(AreaTally tally, string line) =>
        tally.Lines[Sample.Election.Contest(List)!.LineIndex[new LineId(line)]];

    [Fact]
    public void The_map_has_the_official_stations_and_voters()
    {
        var election = Sample.Election;
        Assert.Equal(2494, election.StationCount);
        Assert.Equal(59, election.Areas.Count(a => a.IsStation && a.Parent == new AreaId("abroad")));
        Assert.Equal(36, election.Areas.Count(a => a.Level == 2));
        Assert.Equal(10, election.Areas.Count(a => a.Level == 1));
        Assert.Equal(3_703_420, election.Areas.Where(a => a.Roll is not null).Sum(a => (long)a.Roll!.Registered));
        Assert.Equal(84_128, election.Areas.Where(a => a.Parent == new AreaId("abroad")).Sum(a => (long)a.Roll!.Registered));
        Assert.Equal(78, election.Areas.Count(a => a.IsStation && a.Parent == new AreaId("d07")));
        Assert.Equal(37, election.Contests.Length);
        Assert.Equal(22, election.Contest(List)!.Choices.Length);
    }

    [Fact]
    public void The_hand_count_adds_up_to_the_official_national_figures_exactly()
    {
        var hand = National("hand");
        Assert.Equal(1_293_946, hand.Participation);
        Assert.Equal(1_173_710, Line(hand, "valid"));
        Assert.Equal(120_236, Line(hand, "invalid"));
        Assert.Equal(1_173_710, hand.TotalVotes);
        var plan = Sample.Election.Contest(List)!;
        long Votes(int ballot) => hand.Votes[plan.ChoiceIndex[new ChoiceId(Kg2021Definition.PartyId(ballot))]];
        Assert.Equal(223_892, Votes(21));
        Assert.Equal(176_382, Votes(9));
        Assert.Equal(142_267, Votes(8));
        Assert.Equal(107_859, Votes(3));
        Assert.Equal(91_111, Votes(2));
        Assert.Equal(79_557, Votes(5));
        Assert.Equal(2494, hand.StationsReporting);
    }

    [Fact]
    public void The_other_parties_follow_the_election_night_machine_count_proportions()
    {
        var hand = National("hand");
        var plan = Sample.Election.Contest(List)!;
        var facts = Kg2021Facts.Embedded;
        var others = facts.Parties.Where(p => p.OfficialVotes is null).ToList();
        var pool = 352_642.0;
        var weight = others.Sum(p => p.MachinePercent) + facts.AgainstAll.MachinePercent;
        foreach (var party in others)
        {
            var expected = pool * party.MachinePercent / weight;
            Assert.InRange(hand.Votes[plan.ChoiceIndex[new ChoiceId(Kg2021Definition.PartyId(party.BallotNumber))]], expected - 1, expected + 1);
        }
    }

    [Fact]
    public void The_list_seats_are_the_official_15_12_9_7_6_5()
    {
        var plan = Sample.Election.Contest(List)!;
        var seats = ContestSeats.PartyList(plan, Tallied.Value, new SourceId("hand"));
        Assert.Equal(15, seats.SeatsOf(new ChoiceId("p21")));
        Assert.Equal(12, seats.SeatsOf(new ChoiceId("p09")));
        Assert.Equal(9, seats.SeatsOf(new ChoiceId("p08")));
        Assert.Equal(7, seats.SeatsOf(new ChoiceId("p03")));
        Assert.Equal(6, seats.SeatsOf(new ChoiceId("p02")));
        Assert.Equal(5, seats.SeatsOf(new ChoiceId("p05")));
        Assert.Equal(54, seats.Parties.Sum(p => p.Seats));
        Assert.Equal(6, seats.Parties.Count(p => p.PassedThreshold));
    }

    [Fact]
    public void Machine_counts_differ_plausibly_and_a_few_machines_never_report()
    {
        var machine = National("machine");
        var hand = National("hand");
        Assert.InRange(machine.StationsReporting, 2494 * 0.95, 2493);
        var byStation = Sample.Hand.Where(p => p.Contest == List).ToDictionary(p => p.Station);
        var differing = Sample.Machine
            .Where(p => p.Contest == List)
            .Count(m => !m.Votes.SequenceEqual(byStation[m.Station].Votes) || !m.Lines.SequenceEqual(byStation[m.Station].Lines));
        Assert.InRange(differing, 50, 300);
        for (var i = 0; i < hand.Votes.Length; i++)
        {
            Assert.InRange(machine.Votes[i], hand.Votes[i] * 0.9, hand.Votes[i]);
        }
    }

    [Fact]
    public void Against_all_leads_in_the_two_Bishkek_districts_and_nowhere_else()
    {
        foreach (var plan in Sample.Election.Contests.Where(c => c.Contest.Kind == ContestKind.SingleMember))
        {
            var tally = Tallied.Value.Tally(plan.Contest.Id, new SourceId("hand"), plan.Contest.Area)!;
            var result = ContestSeats.SingleMember(plan, tally);
            if (plan.Contest.Area.Value is "d27" or "d29")
            {
                Assert.Equal(ChoiceKind.AgainstAll, Assert.IsType<SingleMemberResult.NoWinner.AgainstAllLeads>(result).AgainstAll.Kind);
            }
            else
            {
                Assert.EndsWith("-c1", Assert.IsType<SingleMemberResult.Elected>(result).Winner.Id.Value, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Every_protocol_passes_the_control_relations_and_every_snapshot_is_publishable()
    {
        Assert.True(Tallied.Value.IsPublishable, string.Join("\n", Tallied.Value.InvariantViolations.Take(5)));
        Assert.Equal(2494 + 2435, Sample.Hand.Length);
    }

    [Fact]
    public void The_sample_is_the_same_bytes_every_time()
    {
        var again = Kg2021Generator.Generate();
        Assert.Equal(Sample.DefinitionJson, again.DefinitionJson);
        Assert.Equal(Digest(Sample), Digest(again));
        Assert.NotEqual(Digest(Sample), Digest(Kg2021Generator.Generate(seed: 7)));
    }

    [RealDataFact("kg_2021/facts.json", "kg_2021/names_and_districts.json")]
    public void The_shipped_facts_agree_with_the_real_data()
    {
        using var facts = JsonDocument.Parse(File.ReadAllBytes(SharedData.PathOf("kg_2021", "facts.json")));
        using var names = JsonDocument.Parse(File.ReadAllBytes(SharedData.PathOf("kg_2021", "names_and_districts.json")));
        var shipped = Kg2021Facts.Embedded;
        var turnout = facts.RootElement.GetProperty("registration_and_turnout");
        Assert.Equal(turnout.GetProperty("registered_voters_pr").GetInt64(), shipped.Totals.Registered);
        Assert.Equal(turnout.GetProperty("voters_took_part").GetInt64(), shipped.Totals.TookPart);
        Assert.Equal(turnout.GetProperty("valid_ballots").GetInt64(), shipped.Totals.Valid);
        Assert.Equal(turnout.GetProperty("invalid_ballots").GetInt64(), shipped.Totals.Invalid);
        Assert.Equal(turnout.GetProperty("polling_stations_total").GetInt32(), shipped.Totals.Stations);
        Assert.Equal(turnout.GetProperty("polling_stations_abroad").GetInt32(), shipped.Totals.StationsAbroad);
        foreach (var party in facts.RootElement.GetProperty("pr_final").GetProperty("parties").EnumerateArray())
        {
            var ballot = party.GetProperty("ballot_no").GetInt32();
            Assert.Equal(party.GetProperty("votes").GetInt64(), shipped.Parties.Single(p => p.BallotNumber == ballot).OfficialVotes);
        }
        foreach (var party in names.RootElement.GetProperty("parties").EnumerateArray())
        {
            var ballot = party.GetProperty("ballot_no").GetInt32();
            var ours = shipped.Parties.Single(p => p.BallotNumber == ballot);
            Assert.Equal(party.GetProperty("name_ky").GetString(), ours.Name["ky"]);
            Assert.Equal(party.GetProperty("name_ru").GetString(), ours.Name["ru"]);
        }
        var system = facts.RootElement.GetProperty("system");
        Assert.Equal(system.GetProperty("pr_seats").GetInt32(), shipped.ListSeats);
        Assert.Equal(system.GetProperty("max_pr_seats_per_party").GetInt32(), shipped.MaxSeatsPerParty);
        Assert.Equal(system.GetProperty("smd_seats").GetInt32(), shipped.Districts.Length);
        var vacant = facts.RootElement.GetProperty("smd").GetProperty("vacant").GetInt32();
        Assert.Equal(vacant, shipped.Districts.Count(d => d.AgainstAllWon));
    }

    private static string Digest(GeneratedElection sample) =>
        Convert.ToHexString(SHA256.HashData(
            sample.Hand.Concat(sample.Machine).SelectMany(p => ProtocolWriter.Canonical(sample.Election, p)).ToArray()));
}
