using System.Collections.Immutable;
using System.Globalization;
using Sanoo.Core.Definitions;
using Sanoo.Core.Seats;
using Sanoo.Testing;

namespace Sanoo.Core.Tests.Seats;

/// <summary>
/// Conformance: every election in ../shared/data/expected_seats.json reproduces its official
/// seats from the real vote files, or stands as a named gap listed in docs/seats.md.
/// </summary>
public class RealElectionTests
{
    private static SeatRequest Request(
        string method, int seats, IEnumerable<(string Name, long Votes)> parties, decimal? threshold, long thresholdBase) =>
        new(seats, [.. parties.Select(p => new PartyVotes(new ChoiceId(Id(p.Name)), p.Votes, p.Name))], SeatMethod.Find(method)!,
            threshold is { } t ? new Threshold(t, ThresholdBase.Valid) : null, thresholdBase, null, "conformance");

    /// <summary>A party's id from its name: ASCII letters and digits kept, anything else '-', after a 'p' (an id starts with a letter).</summary>
    private static string Id(string name) => new([.. $"p{name}".Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').Take(IdSyntax.MaxLength)]);

    /// <summary>Allocates, and reads the seats back by the parties' names.</summary>
    private static (SeatAllocation Allocation, Dictionary<string, int> Won) Allocate(SeatRequest request)
    {
        var allocation = SeatAllocator.Allocate(request);
        var names = request.Parties.ToDictionary(p => p.Party, p => p.Label!);
        return (allocation, allocation.Parties.Where(p => p.Seats > 0).ToDictionary(p => names[p.Party], p => p.Seats));
    }

    private static void AssertSeats(IReadOnlyDictionary<string, long> expected, IReadOnlyDictionary<string, int> actual)
    {
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"),
            actual.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}"));
    }

    [RealDataFact("expected_seats.json", "ru_dkobak_elections/2021.csv.xz")]
    public void Russia_2021_federal_list_from_96325_stations_Hare_with_5_percent_of_all_who_took_part()
    {
        var expected = RealData.Numbers(RealData.ExpectedSeats("ru_duma_2021_federal_list").GetProperty("official_seats"));
        string[] header = [];
        var votes = new long[14];
        long tookPart = 0;
        foreach (var (line, i) in RealData.Lines("ru_dkobak_elections", "2021.csv.xz").Select((l, i) => (l, i)))
        {
            var fields = RealData.Fields(line, ',');
            if (i == 0)
            {
                header = [.. fields];
                continue;
            }
            tookPart += long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
            for (var p = 0; p < 14; p++)
            {
                votes[p] += long.Parse(fields[17 + p], CultureInfo.InvariantCulture);
            }
        }
        Assert.Equal(56_329_690, tookPart);
        var numbers = header[17..31].Select(h => h.Split('.')[0]).ToList();
        var (_, won) = Allocate(Request("hare", 225, numbers.Select((n, p) => (n, votes[p])), 5m, tookPart));
        AssertSeats(expected.ToDictionary(e => e.Key.Split('.')[0], e => e.Value), won);
    }

    [RealDataFact(
        "expected_seats.json", "bg_elections_opendata_2021-07-11/50_votes_paper.csv.xz", "bg_elections_opendata_2021-07-11/50_votes_machine.csv.xz")]
    public void Bulgaria_2021_Hare_Niemeyer_over_240_seats_with_4_percent()
    {
        var expected = RealData.Numbers(RealData.ExpectedSeats("bg_national_assembly_2021-07-11").GetProperty("official_seats"));
        var votes = new Dictionary<int, long>();
        foreach (var file in new[] { "50_votes_paper.csv.xz", "50_votes_machine.csv.xz" })
        {
            foreach (var line in RealData.Lines("bg_elections_opendata_2021-07-11", file).Skip(1))
            {
                var f = line.Split(';');
                var party = int.Parse(f[1], CultureInfo.InvariantCulture);
                if (party is >= 1 and <= 24 or 99)
                {
                    votes[party] = votes.GetValueOrDefault(party) + long.Parse(f[2], CultureInfo.InvariantCulture);
                }
            }
        }
        var valid = votes.Values.Sum(); // "I support no one" (99) counts in the base, takes no seats
        var parties = votes.Where(v => v.Key != 99).OrderBy(v => v.Key).Select(v => (v.Key.ToString(CultureInfo.InvariantCulture), v.Value));
        var (_, won) = Allocate(Request("hare", 240, parties, 4m, valid));
        AssertSeats(expected.ToDictionary(e => e.Key.Split(' ')[0], e => e.Value), won);
    }

    [RealDataFact("votelib_real/sk_nr_2020.csv")]
    public void Slovakia_2020_rounded_Hagenbach_Bischoff_with_coalition_thresholds()
    {
        var rows = RealData.Lines("votelib_real", "sk_nr_2020.csv").Select(l => l.Split(';')).ToList();
        var valid = rows.Sum(r => long.Parse(r[2], CultureInfo.InvariantCulture));
        var request = Request(
            "hagenbach-bischoff-rounded", 150, rows.Select(r => (r[0], long.Parse(r[2], CultureInfo.InvariantCulture))), 5m, valid) with
        {
            CoalitionThresholds = [new CoalitionThreshold(2, 7m), new CoalitionThreshold(4, 10m)],
        };
        request = request with
        {
            Parties = [.. request.Parties.Zip(rows, (p, r) => r[1] == "1" ? p with { CoalitionMembers = r[0].Split('-').Length } : p)],
        };
        var (allocation, _) = Allocate(request);
        Assert.Equal(rows.Select(r => int.Parse(r[3], CultureInfo.InvariantCulture)), allocation.Parties.Select(p => p.Seats));
        var excluded = Assert.Single(allocation.Steps.OfType<SeatStep.BelowThreshold>()).Excluded;
        Assert.Contains(excluded, e => e is ThresholdExclusion.BelowNational
        {
            Party.Name: "Progresívne Slovensko-SPOLU", Votes: 200_780, CoalitionMembers: 2, Percent: 7m,
        });
    }

    [RealDataFact("expected_seats.json")]
    public void Czech_European_Parliament_2019_DHondt_with_5_percent()
    {
        var e = RealData.ExpectedSeats("cz_ep_2019");
        var votes = RealData.Numbers(e.GetProperty("votes"));
        var (_, won) = Allocate(Request("dhondt", 21, votes.Select(v => (v.Key, v.Value)), 5m, votes.Values.Sum()));
        AssertSeats(RealData.Numbers(e.GetProperty("expected_seats")), won);
    }

    [RealDataTheory("expected_seats.json", "votelib_real/cz_psp_2017.csv", "votelib_real/cz_psp_2021.csv")]
    [InlineData("cz_psp_2017", "dhondt")]
    [InlineData("cz_psp_2021", "imperiali-quota")]
    public void Czech_Chamber_regional_apportionment_then_allocation_inside_regions(string id, string method)
    {
        var e = RealData.ExpectedSeats(id);
        var lines = RealData.Lines("votelib_real", $"{id}.csv").Select(l => l.Split(';')).ToList();
        var regions = lines[0][1..];
        var parties = lines.Skip(1).Select(r => r[0]).ToImmutableArray();
        var regionVotes = regions
            .Select((name, k) => (
                new ChoiceId(Id(name)),
                name,
                lines.Skip(1).Select(r => long.Parse(r[k + 1], CultureInfo.InvariantCulture)).ToImmutableArray()))
            .ToImmutableArray();
        var result = RegionalAllocation.Allocate(200, [.. parties.Select(p => new ChoiceId(Id(p)))], regionVotes,
            SeatMethod.Find(method)!, new Threshold(5m, ThresholdBase.Valid), id);
        AssertSeats(
            RealData.Numbers(e.GetProperty("expected_national")),
            parties.Select((p, i) => (p, result.National[i])).Where(x => x.Item2 > 0).ToDictionary(x => x.p, x => x.Item2));
        foreach (var region in e.GetProperty("expected_regional").EnumerateObject())
        {
            var seats = result.Regions.Single(r => r.Region == region.Name);
            AssertSeats(
                RealData.Numbers(region.Value),
                parties.Select((p, i) => (p, seats.PartySeats[i])).Where(x => x.Item2 > 0).ToDictionary(x => x.p, x => x.Item2));
        }
        Assert.Equal(200, result.National.Sum());
    }

    [RealDataFact("expected_seats.json", "votelib_real/nz_leg_2014_electorate.csv")]
    public void New_Zealand_2014_mixed_member_with_electorates_won_by_plurality()
    {
        var e = RealData.ExpectedSeats("nz_leg_2014");
        var lines = RealData.Lines("votelib_real", "nz_leg_2014_electorate.csv").Select(l => l.Split(';')).ToList();
        var names = lines[0][1..];
        var electorates = new Dictionary<string, int>();
        foreach (var row in lines.Skip(1))
        {
            var votes = row[1..].Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var winner = names[Array.IndexOf(votes, votes.Max())];
            electorates[winner] = electorates.GetValueOrDefault(winner) + 1;
        }
        AssertSeats(RealData.Numbers(e.GetProperty("expected_electorate_seats")), electorates);
        AssertSeats(RealData.Numbers(e.GetProperty("expected_total_seats")), NewZealand(e, electorates));
    }

    [RealDataFact("expected_seats.json")]
    public void New_Zealand_2008_mixed_member_with_overhang()
    {
        var e = RealData.ExpectedSeats("nz_leg_2008");
        var electorates = RealData.Numbers(e.GetProperty("given_electorate_seats")).ToDictionary(p => p.Key, p => (int)p.Value);
        AssertSeats(RealData.Numbers(e.GetProperty("expected_total_seats")), NewZealand(e, electorates));
    }

    private static Dictionary<string, int> NewZealand(System.Text.Json.JsonElement e, Dictionary<string, int> electorates)
    {
        var partyVotes = RealData.Numbers(e.GetProperty("party_votes"));
        var request = Request("sainte-lague", 120, partyVotes.Select(p => (p.Key, p.Value)), 5m, partyVotes.Values.Sum()) with
        {
            AlternativeDistrictSeats = 1,
        };
        request = request with { Parties = [.. request.Parties.Select(p => p with { DistrictSeats = electorates.GetValueOrDefault(p.Label!) })] };
        var result = MixedMember.Allocate(request);
        return result.Parties.Where(p => p.Total > 0).ToDictionary(p => p.Party.Label!, p => p.Total);
    }

    [RealDataFact("expected_seats.json", "votelib_real/nmnmet_cc_2018.csv")]
    public void A_Czech_municipal_open_list_elects_the_official_candidates()
    {
        var e = RealData.ExpectedSeats("cz_nove_mesto_nad_metuji_council_2018");
        var rows = RealData.Lines("votelib_real", "nmnmet_cc_2018.csv").Select(l => l.Split(';')).ToList();
        var lists = rows
            .GroupBy(r => r[0])
            .ToDictionary(g => g.Key, g => g.Select(r => new ListCandidate(r[1], long.Parse(r[2], CultureInfo.InvariantCulture))).ToList());
        var totals = lists.Select(l => (l.Key, l.Value.Sum(c => c.Votes))).ToList();
        var (_, won) = Allocate(Request("dhondt", 21, totals, 5m, totals.Sum(t => t.Item2)));
        var elected = won.ToDictionary(p => p.Key, p => OpenList.Elect(lists[p.Key], p.Value, 5m).Select(c => c.Name).ToList());
        var expected = e.GetProperty("expected_elected")
            .EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(n => n.GetString()!).ToList());
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), elected.Keys.Order(StringComparer.Ordinal));
        foreach (var (party, names) in expected)
        {
            Assert.Equal(names.Order(StringComparer.Ordinal), elected[party].Order(StringComparer.Ordinal));
        }
    }

    [RealDataFact("expected_seats.json", "votelib_real/de_bdt_2017.csv")]
    public void Bundestag_2017_with_overhang_and_levelling_seats()
    {
        var e = RealData.ExpectedSeats("de_bdt_2017");
        var lines = RealData.Lines("votelib_real", "de_bdt_2017.csv").Select(l => l.Split(';')).ToList();
        var names = Enumerable.Range(0, (lines[0].Length - 2) / 2).Select(k => lines[0][2 + (2 * k)]).ToImmutableArray();
        var population = RealData.Numbers(e.GetProperty("land_population"));
        var states = population.Keys.ToList();
        var second = states.Select(_ => new long[names.Length]).ToArray();
        var direct = states.Select(_ => new int[names.Length]).ToArray();
        long Number(string field) => field.Length == 0 ? 0 : long.Parse(field, CultureInfo.InvariantCulture);
        foreach (var row in lines.Skip(2))
        {
            var s = states.IndexOf(row[1]);
            var first = names.Select((_, k) => Number(row[2 + (2 * k)])).ToArray();
            for (var k = 0; k < names.Length; k++)
            {
                second[s][k] += Number(row[3 + (2 * k)]);
            }
            direct[s][Array.IndexOf(first, first.Max())]++;
        }
        Assert.Equal(299, direct.Sum(d => d.Sum()));
        var result = Levelling.Allocate(598, [.. states.Select(name => (name, population[name]))], [.. names.Select(n => new ChoiceId(Id(n)))],
            second, direct, 5m, 3);
        AssertSeats(
            RealData.Numbers(e.GetProperty("expected_national")),
            names.Select((n, k) => (n, result.National[k])).Where(x => x.Item2 > 0).ToDictionary(x => x.n, x => x.Item2));
        Assert.Equal(709, result.HouseSize);
        foreach (var land in e.GetProperty("expected_land").EnumerateObject())
        {
            var seats = result.States[states.IndexOf(land.Name)];
            AssertSeats(
                RealData.Numbers(land.Value),
                names.Select((n, k) => (n, seats[k])).Where(x => x.Item2 > 0).ToDictionary(x => x.n, x => x.Item2));
        }
    }
}
