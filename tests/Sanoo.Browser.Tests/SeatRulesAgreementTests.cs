using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sanoo.Core.Definitions;
using Sanoo.Core.Seats;
using Sanoo.Core.Tally;
using Sanoo.Testing;
using Sanoo.Web.Site;

namespace Sanoo.Browser.Tests;

/// <summary>
/// The page's own check re-runs the election's seat rules in the reader's browser (<c>rules.js</c>) instead of trusting the
/// server's seats; it must give the very seats and threshold decisions of <see cref="SeatAllocator"/>, the allocation the server
/// and <c>sanoo verify</c> publish and check. Held over many random elections for every method Sanoo knows: votes small enough to
/// tie (the public lottery decides), thresholds on every base with decimal percents, coalition thresholds and a per-party cap;
/// and a single-member contest's outcome (<c>sanooRules.singleMember</c> against <see cref="ContestSeats.SingleMember"/>) under
/// plurality, absolute majority on either base, "against all" that blocks or not, and a minimum turnout. An honest page the
/// browser's rules disagree with would be called tampered on election night.
/// </summary>
[Collection(ResultsSiteGroup.Name)]
public sealed class SeatRulesAgreementTests(ResultsSite site)
{
    private const int CasesPerMethod = 40;

    private sealed record Case(
        string Method, int Seats, long[] Votes, int[] Members, long Valid, long Participation, string? Basis, decimal? Percent,
        (int MinMembers, decimal Percent)[] Coalitions, int? Cap);

    private static readonly string[] Bases = ["participation", "valid", "party-votes"];

    private static Case Random(Random random, string method)
    {
        var parties = random.Next(2, 9);
        var small = random.Next(3) == 0; // small counts make ties, which the lottery breaks
        var votes = Enumerable.Range(0, parties).Select(_ => (long)(random.Next(6) == 0 ? 0 : random.Next(small ? 12 : 200_000))).ToArray();
        var members = Enumerable.Range(0, parties).Select(_ => random.Next(4) == 0 ? random.Next(2, 5) : 1).ToArray();
        var valid = votes.Sum() + random.Next(small ? 5 : 20_000); // the rest voted against all
        var participation = valid + random.Next(small ? 5 : 10_000); // and some ballots were invalid
        var threshold = random.Next(4) != 0;
        var percent = threshold ? Math.Round((decimal)random.NextDouble() * 12m, random.Next(3)) : (decimal?)null;
        (int, decimal)[] coalitions = threshold && random.Next(3) == 0 ? [(2, percent!.Value + 2m), (4, percent!.Value + 4.5m)] : [];
        var seats = random.Next(1, 121);
        int? cap = random.Next(4) == 0 ? random.Next(Math.Max(1, (seats / parties) + 1), seats + 1) : null;
        return new Case(method, seats, votes, members, valid, participation, threshold ? Bases[random.Next(3)] : null, percent, coalitions, cap);
    }

    private static string Party(int i) => $"p{i + 1:00}";

    /// <summary>The seats and threshold decisions of Sanoo.Core, as the server allocates them.</summary>
    private static (int[] Seats, bool[] Passed) InCore(Case c)
    {
        var basis = c.Basis switch
        {
            "participation" => ThresholdBase.Participation,
            "party-votes" => ThresholdBase.PartyVotes,
            _ => ThresholdBase.Valid,
        };
        var request = new SeatRequest(
            c.Seats,
            [.. c.Votes.Select((v, i) => new PartyVotes(new ChoiceId(Party(i)), v) { CoalitionMembers = c.Members[i] })],
            SeatMethod.Find(c.Method)!,
            c.Percent is { } percent ? new Threshold(percent, basis) : null,
            basis switch
            {
                ThresholdBase.Participation => c.Participation,
                ThresholdBase.PartyVotes => c.Votes.Sum(),
                _ => c.Valid,
            },
            c.Cap,
            "sample/list")
        {
            CoalitionThresholds = [.. c.Coalitions.Select(k => new CoalitionThreshold(k.MinMembers, k.Percent))],
        };
        var allocation = SeatAllocator.Allocate(request);
        return (
            [.. Enumerable.Range(0, c.Votes.Length).Select(i => allocation.SeatsOf(new ChoiceId(Party(i))))],
            [.. Enumerable.Range(0, c.Votes.Length).Select(i => allocation.Parties.Single(p => p.Party.Value == Party(i)).PassedThreshold)]);
    }

    /// <summary>The definition, contest and tally the page's check hands <c>sanooRules.partyList</c>.</summary>
    private static JsonObject InBrowser(Case c)
    {
        var rules = new JsonObject { ["method"] = c.Method };
        if (c.Percent is { } percent)
        {
            rules["threshold"] = new JsonObject
            {
                ["percent"] = JsonValue.Create(percent.ToString(CultureInfo.InvariantCulture)),
                ["base"] = c.Basis,
            };
        }
        if (c.Coalitions.Length > 0)
        {
            rules["coalitionThresholds"] = new JsonArray([.. c.Coalitions.Select(k => (JsonNode)new JsonObject
            {
                ["minMembers"] = k.MinMembers,
                ["percent"] = JsonValue.Create(k.Percent.ToString(CultureInfo.InvariantCulture)),
            })]);
        }
        if (c.Cap is { } cap)
        {
            rules["maxSeatsPerParty"] = cap;
        }
        var ids = Enumerable.Range(0, c.Votes.Length).Select(Party).ToArray();
        return new JsonObject
        {
            ["definition"] = new JsonObject
            {
                ["id"] = "sample",
                ["choices"] = new JsonArray([.. ids.Select((id, i) => (JsonNode)new JsonObject
                {
                    ["id"] = id, ["kind"] = "party", ["coalitionMembers"] = c.Members[i],
                })]),
            },
            ["contest"] = new JsonObject
            {
                ["id"] = "list", ["seats"] = c.Seats, ["choices"] = new JsonArray([.. ids.Select(id => (JsonNode)id)]), ["seatRules"] = rules,
            },
            ["tally"] = new JsonObject
            {
                ["votes"] = new JsonObject(ids.Select((id, i) => KeyValuePair.Create(id, (JsonNode?)c.Votes[i]))),
                ["valid"] = c.Valid,
                ["participation"] = c.Participation,
                ["reporting"] = 1,
                ["registered"] = c.Participation * 2,
            },
        };
    }

    private static string RulesScript()
    {
        using var stream = typeof(SiteAssets).Assembly.GetManifestResourceStream("Sanoo.Web.rules.js")
            ?? throw new InvalidOperationException("Sanoo.Web carries no rules.js");
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>Each call of <c>sanooRules.NAME(definition, contest, tally)</c> in a page of the site, in order.</summary>
    private async Task<JsonElement> InBrowserAsync(string name, IEnumerable<JsonObject> calls)
    {
        await using var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        // a page of the site: the check runs there, in a secure context (127.0.0.1) where WebCrypto's SHA-256 draws the lottery
        await page.GotoAsync(new Uri(site.Address, "/en/").ToString());
        await page.EvaluateAsync($"() => {{ {RulesScript()}\n }}");
        return await page.EvaluateAsync<JsonElement>(
            """
            async ([name, text]) => {
              const out = [];
              for (const c of JSON.parse(text)) out.push(await window.sanooRules[name](c.definition, c.contest, c.tally));
              return out;
            }
            """,
            new[] { name, new JsonArray([.. calls]).ToJsonString() });
    }

    [Fact]
    public async Task The_browser_gives_the_seats_and_threshold_decisions_of_Sanoo_Core_for_every_method_over_random_elections()
    {
        var random = new Random(20211128);
        var cases = SeatMethod.All.SelectMany(m => Enumerable.Range(0, CasesPerMethod).Select(_ => Random(random, m.Name))).ToList();
        var answers = await InBrowserAsync("partyList", cases.Select(InBrowser));

        var differences = new List<string>();
        var tiesDecided = 0;
        for (var n = 0; n < cases.Count; n++)
        {
            var c = cases[n];
            var answer = answers[n];
            Assert.False(answer.TryGetProperty("unknown", out var unknown), $"{c.Method}: the browser does not re-run {unknown}");
            var (seats, passed) = InCore(c);
            var parties = Enumerable.Range(0, c.Votes.Length).Select(Party).ToArray();
            var browserSeats = parties.Select(p => answer.GetProperty("seats").GetProperty(p).GetInt32()).ToArray();
            var browserPassed = parties.Select(p => answer.GetProperty("passed").GetProperty(p).GetBoolean()).ToArray();
            if (!seats.SequenceEqual(browserSeats) || !passed.SequenceEqual(browserPassed))
            {
                differences.Add($"{c.Method}, {c.Seats} seats, votes [{string.Join(", ", c.Votes)}], members [{string.Join(", ", c.Members)}], "
                    + $"threshold {c.Percent?.ToString(CultureInfo.InvariantCulture) ?? "none"} of {c.Basis}, cap {c.Cap}: "
                    + $"Sanoo.Core gives seats [{string.Join(", ", seats)}] passed [{string.Join(", ", passed)}], "
                    + $"the browser [{string.Join(", ", browserSeats)}] passed [{string.Join(", ", browserPassed)}]");
            }
            if (seats.Sum() > 0 && c.Votes.Where((v, i) => passed[i] && v > 0).GroupBy(v => v).Any(g => g.Count() > 1))
            {
                tiesDecided++;
            }
        }
        Assert.True(differences.Count == 0, $"{differences.Count} of {cases.Count} elections differ:\n{string.Join("\n", differences.Take(10))}");
        // the cases reach what makes the rules hard: equal votes among parties that take part (the lottery), caps and coalitions
        Assert.True(tiesDecided >= 20, $"only {tiesDecided} elections with equal votes");
        Assert.Contains(cases, c => c.Cap is not null && InCore(c).Seats.Contains(c.Cap.Value));
        Assert.Contains(cases, c => c.Coalitions.Length > 0 && c.Members.Any(m => m > 1));
    }

    private sealed record Race(
        int Candidates, bool AgainstAll, string? Majority, bool Blocks, decimal? MinimumTurnout, long[] Votes, long Participation,
        long Registered, int Reporting);

    private static Race RandomRace(Random random)
    {
        var candidates = random.Next(1, 7);
        var againstAll = random.Next(2) == 0;
        var small = random.Next(2) == 0; // small counts make ties
        var votes = Enumerable.Range(0, candidates + (againstAll ? 1 : 0))
            .Select(_ => (long)(random.Next(8) == 0 ? 0 : random.Next(small ? 6 : 50_000))).ToArray();
        var participation = votes.Sum() + random.Next(small ? 4 : 3_000);
        return new Race(
            candidates,
            againstAll,
            random.Next(3) switch { 0 => null, 1 => "valid", _ => "participation" },
            againstAll && random.Next(2) == 0,
            random.Next(4) == 0 ? Math.Round((decimal)random.NextDouble() * 60m, random.Next(3)) : null,
            votes,
            participation,
            participation + random.Next(small ? 10 : 100_000),
            random.Next(12) == 0 ? 0 : 1);
    }

    private static string Candidate(int i) => $"c{i + 1}";

    private static string[] ChoicesOf(Race race) =>
        [.. Enumerable.Range(0, race.Candidates).Select(Candidate), .. race.AgainstAll ? new[] { "against-all" } : []];

    /// <summary>The race's contest as the definition says it (the small election's east seat, its candidates and rules changed).</summary>
    private static JsonObject ContestOf(Race race)
    {
        var contest = new JsonObject { ["id"] = "east-seat", ["choices"] = new JsonArray([.. ChoicesOf(race).Select(id => (JsonNode)id)]) };
        if (race.Majority is { } basis)
        {
            contest["majority"] = "absolute";
            contest["majorityBase"] = basis;
        }
        if (race.AgainstAll)
        {
            contest["againstAllBlocks"] = race.Blocks;
        }
        if (race.MinimumTurnout is { } minimum)
        {
            contest["minimumTurnout"] = JsonValue.Create(minimum);
        }
        return contest;
    }

    /// <summary>The outcome Sanoo.Core decides, in the browser's words: kind, and the winner, votes and margin when elected.</summary>
    private static string InCore(Race race)
    {
        var json = DefinitionJson.With(d =>
        {
            foreach (var id in Enumerable.Range(0, race.Candidates).Select(Candidate))
            {
                d["choices"]!.AsArray().Add(new JsonObject { ["id"] = id, ["kind"] = "candidate", ["name"] = new JsonObject { ["en"] = id } });
            }
            var seat = d["contests"]![1]!.AsObject();
            seat.Remove("againstAllBlocks");
            foreach (var (name, value) in ContestOf(race))
            {
                seat[name] = value?.DeepClone();
            }
        });
        var election = Assert.IsType<DefinitionResult.Loaded>(DefinitionJson.Load(json)).Election;
        var plan = election.Contest(new ContestId("east-seat"))!;
        Assert.Equal(ChoicesOf(race), plan.Choices.Select(c => c.Id.Value));
        var tally = new AreaTally(plan.Contest.Area, [], [.. race.Votes], race.Participation, race.Reporting, 2,
            race.Registered, race.Registered, 0);
        return ContestSeats.SingleMember(plan, tally) switch
        {
            SingleMemberResult.Elected e => $"elected {e.Winner.Id.Value} {e.Votes} {e.Margin}",
            SingleMemberResult.NoWinner.NothingCounted => "not-counted",
            SingleMemberResult.NoWinner.TurnoutTooLow => "turnout-too-low",
            SingleMemberResult.NoWinner.Tie => "tie",
            SingleMemberResult.NoWinner.AgainstAllLeads => "against-all-leads",
            SingleMemberResult.NoWinner.RunoffRequired => "runoff-required",
            var other => other.GetType().Name,
        };
    }

    private static JsonObject InBrowser(Race race) => new()
    {
        ["definition"] = new JsonObject
        {
            ["id"] = DefinitionJson.LoadSmall().Id.Value,
            ["choices"] = new JsonArray([.. ChoicesOf(race).Select(id => (JsonNode)new JsonObject
            {
                ["id"] = id, ["kind"] = id == "against-all" ? "against-all" : "candidate",
            })]),
        },
        ["contest"] = ContestOf(race),
        ["tally"] = new JsonObject
        {
            ["votes"] = new JsonObject(ChoicesOf(race).Select((id, i) => KeyValuePair.Create(id, (JsonNode?)race.Votes[i]))),
            ["valid"] = race.Votes.Sum(),
            ["participation"] = race.Participation,
            ["reporting"] = race.Reporting,
            ["registered"] = race.Registered,
        },
    };

    [Fact]
    public async Task The_browser_decides_a_single_member_contest_as_Sanoo_Core_does_over_random_races()
    {
        var random = new Random(20211129);
        var races = Enumerable.Range(0, 600).Select(_ => RandomRace(random)).ToList();
        var answers = await InBrowserAsync("singleMember", races.Select(InBrowser));

        var differences = new List<string>();
        var outcomes = new HashSet<string>();
        for (var n = 0; n < races.Count; n++)
        {
            var answer = answers[n];
            var kind = answer.GetProperty("kind").GetString()!;
            string Field(string name) => answer.GetProperty(name).ToString();
            var browser = kind == "elected" ? $"elected {Field("winner")} {Field("votes")} {Field("margin")}" : kind;
            var core = InCore(races[n]);
            outcomes.Add(core.Split(' ')[0]);
            if (core != browser)
            {
                var race = races[n];
                differences.Add($"[{string.Join(", ", ChoicesOf(race).Select((id, i) => $"{id} {race.Votes[i]}"))}], majority {race.Majority}, "
                    + $"blocks {race.Blocks}, minimum turnout {race.MinimumTurnout}, participation {race.Participation} of {race.Registered}, "
                    + $"reporting {race.Reporting}: Sanoo.Core {core}, the browser {browser}");
            }
        }
        Assert.True(differences.Count == 0, $"{differences.Count} of {races.Count} races differ:\n{string.Join("\n", differences.Take(10))}");
        // every outcome the law knows is reached
        Assert.Equal(["against-all-leads", "elected", "not-counted", "runoff-required", "tie", "turnout-too-low"], outcomes.Order());
    }
}
