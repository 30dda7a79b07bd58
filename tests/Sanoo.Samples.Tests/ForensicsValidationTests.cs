using System.Collections.Immutable;
using System.Globalization;
using Sanoo.Core.Definitions;
using Sanoo.Core.Forensics;
using Sanoo.Core.Protocols;
using Sanoo.Core.Tally;
using Sanoo.Core.Turnout;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Samples.Night;
using Sanoo.Samples.Synthetic;
using Xunit.Abstractions;

namespace Sanoo.Samples.Tests;

/// <summary>
/// The forensic methods validated rather than asserted (docs/forensics.md): over 200 clean synthetic elections the integer test
/// raises an alarm in at most 5% of them at α = 0.05; with round turnouts planted at 2% of the stations, or a comet of stations
/// pushed to 95% and more, it (or the flags) catches the manipulation in at least 90%; the kg-2021 sample raises no alarm.
/// </summary>
public class ForensicsValidationTests(ITestOutputHelper output)
{
    private const int Seeds = 200;
    private const int Stations = 4_000;

    [Fact]
    public void Clean_synthetic_elections_raise_the_integer_alarm_in_at_most_five_percent_of_seeds()
    {
        var outcomes = ForEachSeed(null);
        var alarms = outcomes.Count(o => o.IntegerAlarm);
        output.WriteLine($"alarms {alarms}; turnout p < 0.025 in {outcomes.Count(o => o.Turnout.PValue < 0.025)}, leader's share in "
            + $"{outcomes.Count(o => o.LeaderShare.PValue < 0.025)}; flags {outcomes.Sum(o => o.Flags.Length)}");
        Assert.True(alarms <= Seeds * 5 / 100, $"{alarms} of {Seeds} clean elections raised the integer alarm");
        // The null is not so cautious that it never fires: each test alone rejects at about its level.
        Assert.InRange(outcomes.Count(o => o.Turnout.PValue < 0.05), 1, 20);
        // Clean elections have no station at 95% turnout and none far from its district; all figures round by chance at fewer than
        // one station in 10,000.
        Assert.All(outcomes, o => Assert.All(o.Flags, f => Assert.Equal([FlagReason.RoundFigures], f.Reasons.AsEnumerable())));
        Assert.InRange(outcomes.Sum(o => o.Flags.Length), 0, Seeds * Stations / 10_000);
    }

    [Fact]
    public void Round_turnouts_at_two_percent_of_stations_are_detected_in_at_least_ninety_percent_of_seeds()
    {
        var outcomes = ForEachSeed(RoundTurnout, 0.02);
        var detected = outcomes.Count(o => o.IntegerAlarm && o.Turnout.Excess > 0);
        output.WriteLine($"detected in {detected} of {Seeds}");
        Assert.True(detected >= Seeds * 90 / 100, $"detected in {detected} of {Seeds} seeds");
    }

    [Fact]
    public void A_comet_pushed_to_ninety_five_percent_is_detected_in_at_least_ninety_percent_of_seeds()
    {
        var outcomes = ForEachSeed(Comet, 0.03);
        // Detected: at least 90% of the stations pushed are flagged, for their turnout, their leader's share, or as outliers in their
        // district (clean elections have almost none: the first test).
        var detected = outcomes.Count(o => o.Flags.Length >= 0.9 * Stations * 0.03
            && o.Flags.Count(f => f.Reasons.Contains(FlagReason.TurnoutAboveThreshold)) >= 0.5 * Stations * 0.03);
        output.WriteLine($"detected in {detected} of {Seeds}");
        Assert.True(detected >= Seeds * 90 / 100, $"detected in {detected} of {Seeds} seeds");
    }

    [Fact]
    public void The_kg_2021_sample_raises_no_integer_percentage_alarm()
    {
        var sample = Kg2021Generator.Generate();
        var snapshot = TallyEngine.Rebuild(sample.Election, sample.Machine.Concat(sample.Hand)).Freeze();
        var election = sample.Election;
        var report = ForensicsAnalysis.Of(
            snapshot, election.DefaultContest, election.DefaultSource.Id, election.Areas[0].Id, ForensicsParameters.Default, null,
            IntegerPercentTest.Sequential);
        Assert.True(report.Stations > 2_000, $"{report.Stations} stations");
        var shares = string.Join(", ", report.Choices.Select(c => c.Test.PValue.ToString("0.####", CultureInfo.InvariantCulture)));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"turnout p = {report.Turnout.PValue:0.####}, shares p = {shares}"));
        Assert.False(report.IntegerAlarm, $"turnout p = {report.Turnout.PValue}, leader p = {report.LeaderShare.PValue}");
        Assert.True(report.Choices.Length >= 2);
    }

    [Fact]
    public void A_count_far_above_the_stations_last_turnout_report_is_flagged_and_the_samples_day_raises_no_such_flag()
    {
        var sample = Kg2021Generator.Generate();
        var election = sample.Election;
        var plan = election.DefaultContest;
        var snapshot = TallyEngine.Rebuild(election, sample.Machine.Concat(sample.Hand)).Freeze();
        ForensicsReport Run(TurnoutBook turnout) => ForensicsAnalysis.Of(
            snapshot, plan, new SourceId("hand"), election.Areas[0].Id, ForensicsParameters.Default with { Replicates = 0 }, null,
            IntegerPercentTest.Sequential, turnout);
        var day = new TurnoutBook(election);
        foreach (var e in ElectionDay.Script(sample))
        {
            var outcome = day.Add(new TurnoutReport(election.Id, e.Station, e.Time, e.Voters), out var why);
            Assert.True(outcome == TurnoutOutcome.Recorded, $"{e.Station} at {e.Time}: {why}");
        }
        Assert.DoesNotContain(Run(day).Flags, f => f.Reasons.Contains(FlagReason.TurnoutJump));

        // A station whose day ended, by its 20:00 report, at half the voters its count has: ballots added after the last report.
        var hand = sample.Hand.First(p => p.Contest == plan.Contest.Id
            && plan.Rules.Participation.Evaluate(p.Lines.AsSpan(), p.Votes.AsSpan()) * 4 > election.Area(p.Station)!.Roll!.Total);
        var took = plan.Rules.Participation.Evaluate(hand.Lines.AsSpan(), hand.Votes.AsSpan());
        var stuffed = new TurnoutBook(election);
        stuffed.Add(new TurnoutReport(election.Id, hand.Station, "20:00", took / 2), out _);
        var flag = Assert.Single(Run(stuffed).Flags, f => f.Reasons.Contains(FlagReason.TurnoutJump));
        Assert.Equal(hand.Station, flag.Station);
    }

    [Fact]
    public void The_same_seed_gives_the_same_report_and_another_seed_another_null()
    {
        var election = Synthetic(7);
        var snapshot = TallyEngine.Rebuild(election, SyntheticElection.Protocols(election, "hand", 7)).Freeze();
        ForensicsReport Run(ulong seed, ReplicateRunner runner) => ForensicsAnalysis.Of(
            snapshot, election.DefaultContest, new SourceId("hand"), election.Areas[0].Id, new ForensicsParameters(Seed: seed), null, runner);
        var first = Run(1, IntegerPercentTest.Sequential);
        var parallel = Run(1, (n, body) => Parallel.For(0, n, body));
        var other = Run(2, IntegerPercentTest.Sequential);
        Assert.Equal((first.Turnout, first.LeaderShare), (parallel.Turnout, parallel.LeaderShare));
        Assert.Equal(first.Turnout.Observed, other.Turnout.Observed);
        Assert.NotEqual(first.Turnout.Expected, other.Turnout.Expected);
    }

    [Fact]
    public void A_report_from_books_kept_since_an_earlier_snapshot_is_the_report_of_the_snapshot_drawn_afresh()
    {
        var election = Synthetic(9);
        var protocols = SyntheticElection.Protocols(election, "hand", 9).ToList();
        var source = new SourceId("hand");
        var plan = election.DefaultContest;
        // The earlier snapshot lacks a protocol in fifty; the later one has them, and a tenth of the stations report other figures.
        var earlier = TallyEngine.Rebuild(election, protocols.Where((_, i) => i % 50 != 7)).Freeze();
        var random = new Random(9);
        var later = TallyEngine.Rebuild(election, protocols.Select((p, i) => i % 10 == 3 ? RoundTurnout(election, p, random) : p)).Freeze();
        var streams = Enumerable.Range(0, 1 + plan.Choices.Length).ToList();
        var kept = streams.ToDictionary(s => s, s => ForensicsAnalysis.Draws(
            later, plan, source, s, ForensicsParameters.Default, IntegerPercentTest.Sequential,
            ForensicsAnalysis.Draws(earlier, plan, source, s, ForensicsParameters.Default, IntegerPercentTest.Sequential)));
        Assert.InRange(kept[0].Drawn, 1, Stations / 5);
        foreach (var area in new[] { election.Areas[0].Id, election.Areas[1].Id })
        {
            var fresh = ForensicsAnalysis.Of(later, plan, source, area, ForensicsParameters.Default, null, IntegerPercentTest.Sequential);
            var refreshed = ForensicsAnalysis.Of(
                later, plan, source, area, ForensicsParameters.Default, null, (n, body) => Parallel.For(0, n, body), null, s => kept[s]);
            Assert.Equal((fresh.Turnout, fresh.LeaderShare), (refreshed.Turnout, refreshed.LeaderShare));
            Assert.Equal(fresh.Choices.Select(c => c.Test), refreshed.Choices.Select(c => c.Test));
            Assert.Equal(fresh.Areas.ToArray(), refreshed.Areas.ToArray());
        }
    }

    [Fact]
    public void The_flags_alone_are_the_reports_flags_and_the_whole_maps_figures_kept_with_a_snapshot_change_no_report()
    {
        var election = Synthetic(11);
        var random = new Random(11);
        var protocols = SyntheticElection.Protocols(election, "hand", 11)
            .Select(p => random.NextDouble() < 0.03 ? Comet(election, p, random) : p)
            .ToList();
        var source = new SourceId("hand");
        var plan = election.DefaultContest;
        var area = election.Areas[0].Id;
        // Each way on a snapshot of its own, so that neither reads what the other kept.
        var byReport = ForensicsAnalysis.Of(
            TallyEngine.Rebuild(election, protocols).Freeze(), plan, source, area, ForensicsParameters.Default, null, IntegerPercentTest.Sequential);
        var snapshot = TallyEngine.Rebuild(election, protocols).Freeze();
        var flags = ForensicsAnalysis.FlagsOf(snapshot, plan, source, area, ForensicsParameters.Default, null);
        Assert.Equal<StationFlag>(byReport.Flags, flags);
        // The report made after the flags read the whole map's figures into the snapshot says what the report made afresh says.
        var kept = ForensicsAnalysis.Of(snapshot, plan, source, area, ForensicsParameters.Default, null, IntegerPercentTest.Sequential);
        Assert.Equal((byReport.Stations, byReport.Turnout, byReport.LeaderShare), (kept.Stations, kept.Turnout, kept.LeaderShare));
        Assert.Equal(byReport.Choices.Select(c => c.Test), kept.Choices.Select(c => c.Test));
        Assert.Equal(byReport.Areas.ToArray(), kept.Areas.ToArray());
        Assert.Equal<StationFlag>(byReport.Flags, kept.Flags);
    }

    [Fact]
    public void A_station_is_a_turnout_outlier_where_its_robust_score_among_its_parents_stations_passes_the_bound()
    {
        var election = Synthetic(12);
        var protocols = SyntheticElection.Protocols(election, "hand", 12).ToList();
        // A lower bound than the default, so that a clean election has outliers to find.
        var parameters = ForensicsParameters.Default with { OutlierScore = 1 };
        var snapshot = TallyEngine.Rebuild(election, protocols).Freeze();
        var flags = ForensicsAnalysis.FlagsOf(snapshot, election.DefaultContest, new SourceId("hand"), election.Areas[0].Id, parameters, null);
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }
        // Each station's turnout against the median of its parent's, in units of 1.4826 median absolute deviations (docs/forensics.md).
        var expected = protocols
            .Select(p => (p.Station, Parent: election.ParentIndex(election.AreaIndex(p.Station)), Turnout: Turnout(p)))
            .GroupBy(s => s.Parent)
            .Where(peers => peers.Count() >= parameters.OutlierPeers)
            .SelectMany(peers =>
            {
                var median = Median(peers.Select(s => s.Turnout));
                var deviation = Median(peers.Select(s => Math.Abs(s.Turnout - median))) * 1.4826;
                return peers.Where(s => deviation > 0 && Math.Abs(s.Turnout - median) / deviation > parameters.OutlierScore);
            })
            .Select(s => s.Station.Value)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.InRange(expected.Count, 5, protocols.Count / 2);
        Assert.Equal(
            expected,
            flags.Where(f => f.Reasons.Contains(FlagReason.TurnoutOutlier)).Select(f => f.Station.Value).Order(StringComparer.Ordinal));
        double Turnout(Protocol protocol)
        {
            var (_, registered, tookPart) = Figures(election, protocol);
            return 100.0 * tookPart / registered;
        }
    }

    /// <summary>Changes some of an election's protocols (a station's protocol and the random numbers to change it by).</summary>
    private delegate Protocol Planting(Election election, Protocol protocol, Random random);

    private static List<ForensicsReport> ForEachSeed(Planting? plant, double share = 0)
    {
        var reports = new ForensicsReport[Seeds];
        Parallel.For(0, Seeds, s =>
        {
            var seed = (ulong)(1000 + s);
            var election = Synthetic(seed);
            var protocols = SyntheticElection.Protocols(election, "hand", seed).ToList();
            if (plant is not null)
            {
                var random = new Random(s);
                foreach (var i in Enumerable.Range(0, protocols.Count).OrderBy(_ => random.Next()).Take((int)(share * protocols.Count)))
                {
                    protocols[i] = plant(election, protocols[i], random);
                }
            }
            var snapshot = TallyEngine.Rebuild(election, protocols).Freeze();
            Assert.True(snapshot.IsPublishable);
            reports[s] = ForensicsAnalysis.Of(
                snapshot, election.DefaultContest, new SourceId("hand"), election.Areas[0].Id, ForensicsParameters.Default, null,
                IntegerPercentTest.Sequential);
            Assert.Equal(Stations, reports[s].Stations);
        });
        return [.. reports];
    }

    private static Election Synthetic(ulong seed)
    {
        using var definition = new MemoryStream();
        SyntheticElection.WriteDefinition(definition, Stations, seed);
        return Assert.IsType<DefinitionResult.Loaded>(DefinitionReader.Read(definition.ToArray())).Election;
    }

    /// <summary>The station's turnout written in as the nearest whole percentage: the leader takes the voters added or removed.</summary>
    private static Protocol RoundTurnout(Election election, Protocol protocol, Random random)
    {
        var (plan, registered, tookPart) = Figures(election, protocol);
        var percent = Math.Round(100.0 * tookPart / registered, MidpointRounding.AwayFromZero);
        var target = (long)Math.Round(percent * registered / 100, MidpointRounding.AwayFromZero);
        var votes = protocol.Votes.ToArray();
        var leader = Array.IndexOf(votes, votes.Max());
        votes[leader] += (int)(target - tookPart);
        return With(plan, protocol, (int)(target - tookPart), votes);
    }

    /// <summary>Ballots stuffed for the leader: turnout and the leader's share each drawn from 95–100%.</summary>
    private static Protocol Comet(Election election, Protocol protocol, Random random)
    {
        var (plan, registered, tookPart) = Figures(election, protocol);
        var target = (long)Math.Round(registered * (0.95 + (0.05 * random.NextDouble())));
        var delta = (int)(target - tookPart);
        var valid = protocol.Lines[plan.LineIndex[new LineId("valid")]] + delta;
        var votes = protocol.Votes.ToArray();
        var leader = Array.IndexOf(votes, votes.Max());
        var others = votes.Sum() - votes[leader];
        var rest = valid - Math.Min(valid, (int)Math.Round(target * (0.95 + (0.05 * random.NextDouble()))));
        for (var c = 0; c < votes.Length; c++)
        {
            votes[c] = c == leader || others == 0 ? 0 : (int)((long)votes[c] * rest / others);
        }
        votes[leader] = valid - votes.Sum();
        return With(plan, protocol, delta, votes);
    }

    private static (ContestPlan Plan, long Registered, long TookPart) Figures(Election election, Protocol protocol)
    {
        var plan = election.Contest(protocol.Contest)!;
        var registered = election.RegisteredVoters(election.AreaIndex(protocol.Station));
        return (plan, registered, plan.Rules.Participation.Evaluate<int>(protocol.Lines.AsSpan(), protocol.Votes.AsSpan()));
    }

    /// <summary>The protocol with <paramref name="delta"/> more valid ballots, issued at the station from those cancelled, and these votes.</summary>
    private static Protocol With(ContestPlan plan, Protocol protocol, int delta, int[] votes)
    {
        var lines = protocol.Lines.ToArray();
        void Add(string line, int by) => lines[plan.LineIndex[new LineId(line)]] += by;
        Add("issued_station", delta);
        Add("in_stationary", delta);
        Add("valid", delta);
        Add("cancelled", -delta);
        return protocol with { Lines = ImmutableArray.Create(lines), Votes = ImmutableArray.Create(votes) };
    }
}
