using Sanoo.Core.Definitions;
using Sanoo.Core.Progress;
using Sanoo.Core.Protocols;
using Sanoo.Core.Tally;
using Sanoo.Testing;

namespace Sanoo.Core.Tests.Progress;

public class NightProgressTests
{
    private static readonly Election Election = ElectionBuilder.Small();
    private static readonly AreaId Nation = new("nation");
    private static readonly DateTimeOffset Close = new(2021, 11, 28, 14, 0, 0, TimeSpan.Zero);

    /// <summary>A tally fed in log order, keeping what the log keeps of each counted version: its position and received time.</summary>
    private sealed class Night
    {
        public TallyEngine Engine { get; } = new(Election);

        public List<CountedVersion> Counted { get; } = [];

        public Night Receive(DateTimeOffset at, Protocol protocol)
        {
            if (Engine.Apply(protocol) is ApplyOutcome.Accepted accepted)
            {
                Counted.Add(accepted.At(Engine.Position, at.ToUnixTimeMilliseconds()));
            }
            return this;
        }

        public ProgressSeries Series(AreaId? area = null, SourceId? source = null, int maxPoints = NightProgress.MaxPoints) =>
            NightProgress.Of(Engine.Freeze(), Election.DefaultContest, source ?? ElectionBuilder.Hand, area ?? Nation, Counted, maxPoints)!;
    }

    [Fact]
    public void Versions_received_in_one_bin_make_one_point_holding_the_sums_known_then()
    {
        var series = new Night()
            .Receive(Close.AddSeconds(1), ProtocolMaker.Valid(Election, "n1-1", [300, 200, 100, 10], invalid: 15))
            .Receive(Close.AddSeconds(3), ProtocolMaker.Valid(Election, "s1-2", [50, 60, 70, 5], invalid: 2))
            .Receive(Close.AddMinutes(7), ProtocolMaker.Valid(Election, "n2-1", [100, 100, 100, 0]))
            .Series();
        Assert.Equal(5, series.BinSeconds); // 7 minutes in 5-second bins: 85 of them
        Assert.Equal(8, series.StationsExpected);
        Assert.Collection(
            series.Points,
            p =>
            {
                Assert.Equal(Close.AddSeconds(3), p.At);
                Assert.Equal(2, p.StationsReporting);
                Assert.Equal(795 + 17, p.Participation);
                Assert.Equal<long>([350, 260, 170, 15], p.Votes);
            },
            p =>
            {
                Assert.Equal(Close.AddMinutes(7), p.At);
                Assert.Equal(3, p.StationsReporting);
                Assert.Equal(1112, p.Participation);
                Assert.Equal<long>([450, 360, 270, 15], p.Votes);
                Assert.Equal(40.46m, p.Share(0)); // 450 / 1112, rounded down
            });
    }

    [Fact]
    public void A_correction_changes_the_count_from_the_time_it_was_received_and_not_before()
    {
        var night = new Night()
            .Receive(Close, ProtocolMaker.Valid(Election, "n1-1", [300, 200, 100, 10]))
            .Receive(Close.AddMinutes(30), ProtocolMaker.Valid(Election, "n1-1", [200, 300, 100, 10], version: 2));
        var series = night.Series();
        Assert.Equal(2, series.Points.Length);
        Assert.Equal<long>([300, 200, 100, 10], series.Points[0].Votes);
        Assert.Equal<long>([200, 300, 100, 10], series.Points[1].Votes);
        Assert.All(series.Points, p => Assert.Equal(1, p.StationsReporting));
        Assert.Equal<long>([.. night.Engine.Freeze().Tally(ElectionBuilder.PartyList, ElectionBuilder.Hand, Nation)!.Votes], series.Points[^1].Votes);
    }

    [Fact]
    public void An_area_counts_only_its_own_stations_and_a_source_only_its_own_versions()
    {
        var night = new Night()
            .Receive(Close, ProtocolMaker.Valid(Election, "n1-1", [300, 200, 100, 10]))
            .Receive(Close.AddMinutes(1), ProtocolMaker.Valid(Election, "s1-1", [10, 20, 30, 0]))
            .Receive(Close.AddMinutes(2), ProtocolMaker.Valid(Election, "n2-2", [1, 2, 3, 4], source: ElectionBuilder.Machine));
        var north = night.Series(new AreaId("north"));
        Assert.Equal(5, north.StationsExpected);
        Assert.Equal<long>([300, 200, 100, 10], Assert.Single(north.Points).Votes);
        var machine = night.Series(source: ElectionBuilder.Machine);
        Assert.Equal<long>([1, 2, 3, 4], Assert.Single(machine.Points).Votes);
        Assert.Equal(Close.AddMinutes(2), machine.Points[0].At);
    }

    [Fact]
    public void Every_protocol_arriving_at_once_is_one_step()
    {
        var night = new Night();
        foreach (var station in new[] { "n1-1", "n1-2", "n1-3", "n2-1", "n2-2", "s1-1", "s1-2", "s1-3" })
        {
            night.Receive(Close.AddMilliseconds(3), ProtocolMaker.Valid(Election, station, [10, 20, 30, 0]));
        }
        var point = Assert.Single(night.Series().Points);
        Assert.Equal(8, point.StationsReporting);
        Assert.Equal<long>([80, 160, 240, 0], point.Votes);
    }

    [Fact]
    public void A_long_night_of_many_versions_is_cut_into_at_most_the_bound_of_round_bins()
    {
        var night = new Night();
        var random = new Random(2021);
        var stations = Election.Areas.Where(a => a.IsStation).Select(a => a.Id.Value).ToArray();
        var versions = new Dictionary<string, int>();
        for (var i = 0; i < 2_000; i++)
        {
            var station = stations[random.Next(stations.Length)];
            versions[station] = versions.GetValueOrDefault(station) + 1;
            night.Receive(Close.AddMinutes(i * 3), ProtocolMaker.Valid(
                Election, station, [random.Next(400), random.Next(400), random.Next(400), random.Next(50)], invalid: random.Next(30),
                version: versions[station]));
        }
        var series = night.Series(maxPoints: 40);
        Assert.InRange(series.Points.Length, 2, 40);
        Assert.Equal(3 * 3600, series.BinSeconds); // 5,997 minutes: two-hour bins would make 50, three-hour bins make 34
        Assert.Equal<long>([.. night.Engine.Freeze().Tally(ElectionBuilder.PartyList, ElectionBuilder.Hand, Nation)!.Votes], series.Points[^1].Votes);
        Assert.True(series.Points.Zip(series.Points.Skip(1)).All(pair =>
            pair.First.At < pair.Second.At && pair.First.StationsReporting <= pair.Second.StationsReporting));
        Assert.All(series.Points, p =>
        {
            Assert.True(p.Votes.Sum() <= p.Participation, $"{p.Votes.Sum()} votes of {p.Participation} voters at {p.At}");
            Assert.InRange(Enumerable.Range(0, p.Votes.Length).Sum(p.Share), 0m, 100m);
        });
    }

    [Theory]
    [InlineData(0, 9, 1)]
    [InlineData(0, 95, 1)]
    [InlineData(0, 96, 2)]
    [InlineData(10, 55, 1)]
    [InlineData(0, 45 * 60, 30)]
    [InlineData(0, 24 * 3600, 1800)]
    [InlineData(0, 40 * 86400, 43200)]
    [InlineData(0, 100 * 86400, 2 * 86400)]
    [InlineData(0, 400 * 86400, 8 * 86400)]
    public void The_bin_is_the_narrowest_round_width_within_the_bound(int firstSecond, int lastSecond, int seconds)
    {
        Assert.Equal(seconds, NightProgress.BinSeconds(firstSecond * 1000L, lastSecond * 1000L, NightProgress.MaxPoints));
    }

    [Fact]
    public void Versions_counted_after_the_snapshot_are_not_in_its_series()
    {
        var night = new Night().Receive(Close, ProtocolMaker.Valid(Election, "n1-1", [300, 200, 100, 10]));
        var snapshot = night.Engine.Freeze();
        night.Receive(Close.AddMinutes(5), ProtocolMaker.Valid(Election, "n1-2", [1, 1, 1, 1]));
        var series = NightProgress.Of(snapshot, Election.DefaultContest, ElectionBuilder.Hand, Nation, night.Counted)!;
        Assert.Equal(1, Assert.Single(series.Points).StationsReporting);
        Assert.Equal(snapshot.Position, series.Position);
    }

    [Fact]
    public void A_clock_stepping_back_never_puts_a_version_before_those_logged_earlier()
    {
        var series = new Night()
            .Receive(Close.AddMinutes(10), ProtocolMaker.Valid(Election, "n1-1", [300, 200, 100, 10]))
            .Receive(Close, ProtocolMaker.Valid(Election, "n1-2", [1, 1, 1, 1]))
            .Series();
        var point = Assert.Single(series.Points);
        Assert.Equal(2, point.StationsReporting);
        Assert.Equal(Close.AddMinutes(10), point.At);
    }

    [Fact]
    public void No_version_counted_is_an_empty_series_and_an_untallied_area_none()
    {
        var night = new Night();
        Assert.Empty(night.Series().Points);
        Assert.Null(NightProgress.Of(night.Engine.Freeze(), Election.DefaultContest, ElectionBuilder.Hand, new AreaId("n1-1"), night.Counted));
    }
}
