using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Core.Tally;
using Sanoo.Testing;

namespace Sanoo.Core.Tests.Tally;

public class CountedFiguresTests
{
    private static readonly Election Election = ElectionBuilder.Small();
    private static readonly ContestPlan List = Election.Contest(ElectionBuilder.PartyList)!;
    private static readonly string[] Stations = ["n1-1", "n1-2", "n1-3", "n2-1", "n2-2", "s1-1", "s1-2", "s1-3"];

    /// <summary>Versions over several chunks, some corrected and some with an image, each by its station's place.</summary>
    private static List<(int Offset, Protocol Protocol)> Versions(int count)
    {
        var random = new Random(20211128);
        var versions = new List<(int, Protocol)>();
        for (var i = 0; i < count; i++)
        {
            var station = Stations[i % Stations.Length];
            var protocol = ProtocolMaker.Valid(
                Election, station, [random.Next(0, 400), random.Next(0, 400), random.Next(0, 400), random.Next(0, 40)], random.Next(0, 9),
                version: 1 + (i / Stations.Length));
            if (i % 7 == 3)
            {
                var sha = Enumerable.Range(0, 32).Select(b => unchecked((byte)(b + i)));
                protocol = protocol with { Image = new ProtocolImage([.. sha], "image/jpeg") };
            }
            versions.Add((List.OffsetOf(Election.StationOrdinal(Election.AreaIndex(protocol.Station))), protocol));
        }
        return versions;
    }

    [Fact]
    public void Every_version_kept_is_made_back_as_it_was_across_chunks_with_its_correction_and_image()
    {
        var kept = new CountedFigures(Election, List, Election.SourceIndex(ElectionBuilder.Hand));
        var versions = Versions(2_600);
        var indices = versions.Select(v => kept.Add(v.Offset, v.Protocol)).ToList();

        Assert.Equal(Enumerable.Range(0, versions.Count), indices);
        Assert.Equal(versions.Count, kept.Count);
        for (var i = 0; i < versions.Count; i++)
        {
            var (offset, protocol) = versions[i];
            Assert.Equal(protocol, kept.Protocol(i));
            Assert.Equal((protocol.Version, offset), (kept.VersionOf(i), kept.OffsetOf(i)));
            Assert.Equal([.. protocol.Lines, .. protocol.Votes], kept.Figures(i).ToArray());
            Assert.Equal(protocol.Station, new CountedRef(kept, i).Station);
            Assert.True(kept.Holds(i, protocol));
        }
        Assert.Contains(versions, v => v.Protocol.Correction is not null);
        Assert.Contains(versions, v => v.Protocol.Image is not null);
    }

    [Fact]
    public void A_version_differing_in_one_figure_its_correction_or_its_image_is_not_held()
    {
        var kept = new CountedFigures(Election, List, Election.SourceIndex(ElectionBuilder.Hand));
        var (offset, protocol) = Versions(12)[11];
        var index = kept.Add(offset, protocol with { Image = new ProtocolImage([.. new byte[32]], "image/png") });
        var held = kept.Protocol(index);

        Assert.True(kept.Holds(index, held));
        Assert.False(kept.Holds(index, held with { Votes = [.. held.Votes.SetItem(2, held.Votes[2] + 1)] }));
        Assert.False(kept.Holds(index, held with { Lines = [.. held.Lines.SetItem(0, held.Lines[0] + 1)] }));
        Assert.False(kept.Holds(index, held with { Correction = new Correction("another reason", "operator-1") }));
        Assert.False(kept.Holds(index, held with { Image = null }));
        Assert.False(kept.Holds(index, held with { Version = held.Version + 1 }));
    }

    [Fact]
    public void A_protocol_of_another_shape_is_refused_not_kept()
    {
        var kept = new CountedFigures(Election, List, Election.SourceIndex(ElectionBuilder.Hand));
        var protocol = ProtocolMaker.Valid(Election, "n1-1", [1, 2, 3, 4]);

        Assert.Throws<ArgumentException>(() => kept.Add(0, protocol with { Votes = [1, 2, 3] }));
        Assert.Equal(0, kept.Count);
        Assert.Equal([1, 2, 3, 4], kept.Protocol(kept.Add(0, protocol)).Votes.ToArray());
    }
}
