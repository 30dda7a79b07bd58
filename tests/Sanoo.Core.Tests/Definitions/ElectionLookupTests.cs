using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;
using Sanoo.Testing;

namespace Sanoo.Core.Tests.Definitions;

/// <summary>Looking up what an election may not have is a Try, never a -1 to compare against.</summary>
public class ElectionLookupTests
{
    private static readonly Election Election = ElectionBuilder.Small();

    [Fact]
    public void An_unknown_area_or_source_is_not_found_and_a_known_one_is()
    {
        Assert.False(Election.TryAreaIndex(new AreaId("nowhere"), out _));
        Assert.False(Election.TrySourceIndex(new SourceId("nobody"), out _));
        Assert.True(Election.TryAreaIndex(new AreaId("n1-1"), out var station));
        Assert.True(Election.TryStationOrdinal(station, out _));
        Assert.False(Election.TryStationOrdinal(Election.AreaIndex(new AreaId("nation")), out _));
        Assert.Throws<KeyNotFoundException>(() => Election.AreaIndex(new AreaId("nowhere")));
    }

    [Fact]
    public void A_snapshot_asked_for_an_unknown_area_or_station_answers_nothing()
    {
        var snapshot = new TallyEngine(Election).Freeze();
        Assert.Null(snapshot.Tally(ElectionBuilder.PartyList, ElectionBuilder.Hand, new AreaId("nowhere")));
        Assert.Null(snapshot.Counted(new AreaId("nation"), ElectionBuilder.PartyList, ElectionBuilder.Hand));
        Assert.Null(new TallyEngine(Election).Current(new AreaId("nowhere"), ElectionBuilder.PartyList, ElectionBuilder.Hand));
    }
}
