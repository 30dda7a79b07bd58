using System.Collections.Immutable;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Samples.Synthesis;

namespace Sanoo.Samples.Kyrgyzstan2021;

/// <summary>
/// Generates every station's protocols, hand count and machine count, for the list contest and
/// the station's single-member contest. Hand counts are built so that the national sums are the
/// official ones exactly: voters who took part, valid and invalid ballots, and the votes of the
/// six parties that entered parliament; the other parties and "against all" share the remaining
/// valid votes in the proportions of the election-night machine count. Turnout follows each
/// region's 18:00 turnout, party strength varies by region and station, and every protocol
/// satisfies the Kyrgyz form's relations. Machine counts equal the hand counts except at a few
/// stations where they differ by a few ballots; some machines never report.
/// </summary>
public static class Kg2021Counts
{
    /// <summary>Share of stations whose machine never reports.</summary>
    public const double SilentMachines = 0.015;

    /// <summary>The machine-count and hand-count protocols.</summary>
    public static (ImmutableArray<Protocol> Machine, ImmutableArray<Protocol> Hand) Generate(
        Election election, Kg2021Facts facts, IReadOnlyList<Kg2021Station> stations, SampleRandom random)
    {
        var list = election.Contest(new ContestId(Kg2021Definition.ListContest))!;
        var took = TookPart(facts, stations, random.Fork("turnout"));
        var invalid = Apportion.Split(facts.Totals.Invalid, [.. took.Select(t => t * random.Factor(0.5))], took);
        var valid = took.Zip(invalid, (t, i) => t - i).ToArray();
        var votes = ListVotes(facts, stations, valid, random.Fork("list-votes"));
        var machine = ImmutableArray.CreateBuilder<Protocol>();
        var hand = ImmutableArray.CreateBuilder<Protocol>();
        var silent = random.Fork("silent-machines");
        var differ = random.Fork("machine-differences");
        var smd = random.Fork("single-member");
        var smdVotes = new Dictionary<int, long[]>();
        for (var s = 0; s < stations.Count; s++)
        {
            var station = stations[s];
            var lines = Lines(list, station, (int)took[s], (int)valid[s], (int)invalid[s], random);
            var handCount = Make(election, station, list, "hand", lines, votes[s]);
            hand.Add(handCount);
            var reports = silent.NextDouble() >= SilentMachines;
            if (reports)
            {
                machine.Add(MachineCount(handCount, list, differ, 0.06));
            }
            if (station.District is not { } district)
            {
                continue;
            }
            var contest = election.Contest(new ContestId(Kg2021Definition.SingleMemberContest(district)))!;
            var smdTook = Math.Max(0, (int)took[s] - (smd.NextDouble() < 0.3 ? smd.Next(3) : 0));
            var rate = took[s] == 0 ? 0.1 : (double)invalid[s] / took[s];
            var smdInvalid = Math.Min(smdTook, (int)Math.Round(smdTook * rate * smd.Factor(0.3)));
            var smdValid = smdTook - smdInvalid;
            var shares = SingleMemberShares(
                facts.Districts.Single(d => d.Number == district),
                contest.Choices.Length,
                smd.Fork($"district-{district}"));
            var split = Apportion.Split(smdValid, [.. shares.Select(share => share * smd.Factor(0.25))]);
            var total = smdVotes.TryGetValue(district, out var sums) ? sums : smdVotes[district] = new long[split.Length];
            for (var c = 0; c < split.Length; c++)
            {
                total[c] += split[c];
            }
            var smdHand = Make(
                election,
                station,
                contest,
                "hand",
                Lines(contest, station, smdTook, smdValid, smdInvalid, smd),
                [.. split.Select(v => (int)v)]);
            hand.Add(smdHand);
            if (reports)
            {
                machine.Add(MachineCount(smdHand, contest, differ, 0.04));
            }
        }
        CheckLeaders(facts, smdVotes);
        return (machine.ToImmutable(), hand.ToImmutable());
    }

    private static long[] TookPart(Kg2021Facts facts, IReadOnlyList<Kg2021Station> stations, SampleRandom random)
    {
        var regionVoters = new long[facts.Regions.Length];
        foreach (var station in stations)
        {
            regionVoters[station.Region] += station.Registered + station.Additional;
        }
        var turnout = facts.Regions.Select((r, i) => (double)r.VotedBy18 / regionVoters[i]).ToArray();
        var weights = stations.Select(s => (s.Registered + s.Additional) * turnout[s.Region] * random.Factor(0.25)).ToArray();
        var caps = stations.Select(s => (long)s.Registered + s.Additional).ToArray();
        return Apportion.Split(facts.Totals.TookPart, weights, caps);
    }

    private static int[][] ListVotes(Kg2021Facts facts, IReadOnlyList<Kg2021Station> stations, long[] valid, SampleRandom random)
    {
        var official = facts.Parties.Sum(p => p.OfficialVotes ?? 0);
        var rest = facts.Parties.Where(p => p.OfficialVotes is null).Select(p => p.MachinePercent).Append(facts.AgainstAll.MachinePercent).ToList();
        var restVotes = Apportion.Split(facts.Totals.Valid - official, rest);
        var columns = new List<long>();
        var k = 0;
        foreach (var party in facts.Parties)
        {
            columns.Add(party.OfficialVotes ?? restVotes[k++]);
        }
        columns.Add(restVotes[k]);
        var strength = facts.Regions.Select(_ => columns.Select(_ => random.Factor(0.35)).ToArray()).ToArray();
        var expected = stations
            .Select((s, i) => columns.Select((c, j) => valid[i] * (double)c * strength[s.Region][j] * random.Factor(0.2)).ToArray())
            .ToArray();
        return MatrixRounding.Fit(expected, valid, columns);
    }

    /// <summary>The form's lines for a count in which <paramref name="took"/> voters took part.</summary>
    private static ImmutableArray<int> Lines(ContestPlan plan, Kg2021Station station, int took, int valid, int invalid, SampleRandom random)
    {
        var lists = station.Registered + station.Additional;
        var mobile = (int)Math.Round(took * random.Between(0.01, 0.05));
        var notReturned = random.Next(10) == 0 ? Math.Min(lists - took, 1 + random.Next(2)) : 0;
        var issuedStation = took - mobile + notReturned;
        var received = lists;
        var figures = new Dictionary<string, int>
        {
            ["registered"] = station.Registered,
            ["additional"] = station.Additional,
            ["received"] = received,
            ["issued_early"] = 0,
            ["issued_station"] = issuedStation,
            ["issued_outside"] = mobile,
            ["cancelled"] = received - issuedStation - mobile,
            ["in_mobile"] = mobile,
            ["in_stationary"] = took - mobile,
            ["valid"] = valid,
            ["invalid"] = invalid,
        };
        return [.. plan.Form.Lines.Select(l => figures[l.Id.Value])];
    }

    /// <summary>
    /// A machine's count of the same ballots: identical, except at a share of stations where it
    /// read a few ballots differently (a few votes moved between choices, or a few ballots read
    /// as invalid); it still satisfies every relation.
    /// </summary>
    private static Protocol MachineCount(Protocol hand, ContestPlan plan, SampleRandom random, double differing)
    {
        var machine = hand with { Source = new SourceId("machine") };
        if (random.NextDouble() >= differing || hand.Votes.Sum() == 0)
        {
            return machine;
        }
        var votes = hand.Votes.ToArray();
        var lines = hand.Lines.ToArray();
        var from = Enumerable.Range(0, votes.Length).Where(c => votes[c] > 0).OrderBy(_ => random.NextBits()).First();
        var moved = Math.Min(votes[from], 1 + random.Next(5));
        votes[from] -= moved;
        if (random.Next(3) == 0)
        {
            lines[plan.LineIndex[new LineId("valid")]] -= moved;
            lines[plan.LineIndex[new LineId("invalid")]] += moved;
        }
        else
        {
            var to = (from + 1 + random.Next(votes.Length - 1)) % votes.Length;
            votes[to] += moved;
        }
        return machine with { Votes = [.. votes], Lines = [.. lines] };
    }

    /// <summary>Expected shares of the candidates (in place order) and "against all" (last) in a district.</summary>
    private static double[] SingleMemberShares(Kg2021District district, int choices, SampleRandom random)
    {
        var weights = new double[choices];
        var weight = 1.0;
        for (var place = 1; place < choices; place++, weight *= 0.6)
        {
            weights[place - 1] = weight * (place == 1 ? 1 : random.Factor(0.1));
        }
        weights[choices - 1] = district.AgainstAllWon ? 1.35 : random.Between(0.06, 0.14);
        var sum = weights.Sum();
        return [.. weights.Select(w => w / sum)];
    }

    private static void CheckLeaders(Kg2021Facts facts, Dictionary<int, long[]> totals)
    {
        foreach (var district in facts.Districts)
        {
            var votes = totals[district.Number];
            var leader = Array.IndexOf(votes, votes.Max());
            var expected = district.AgainstAllWon ? votes.Length - 1 : 0;
            if (leader != expected || votes.Count(v => v == votes.Max()) > 1)
            {
                throw new InvalidOperationException(
                    $"the sample's district {district.Number} has the wrong leader; the generator needs a wider margin");
            }
        }
    }

    private static Protocol Make(Election election, Kg2021Station station, ContestPlan plan, string source, ImmutableArray<int> lines, int[] votes) =>
        new(election.Id, new AreaId(station.Id), plan.Contest.Id, new SourceId(source), 1, lines, [.. votes], null);
}
