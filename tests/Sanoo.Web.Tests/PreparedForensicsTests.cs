using Sanoo.Core.Forensics;
using Sanoo.Core.Tally;
using Sanoo.Testing;
using Sanoo.Web.Forensics;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Tests;

/// <summary>
/// <c>sanoo publish --watch</c> makes the contest's books of null draws once at its start (<see cref="Published.PrepareForensics"/>),
/// so that its first round after new protocols draws only the stations that changed (at a million stations its first round had
/// drawn every station's, some 6 s of CPU, because the watch's first publish had no page to make).
/// </summary>
public sealed class PreparedForensicsTests
{
    [Fact]
    public void Preparing_makes_the_books_of_the_snapshot_that_the_next_snapshots_start_from()
    {
        var election = ElectionBuilder.Small();
        var snapshot = new TallyEngine(election).Freeze();
        var published = new Published(snapshot, "W/\"0\"", DateTimeOffset.UnixEpoch, null);
        var (plan, source) = (election.DefaultContest, election.DefaultSource.Id);
        var books = ForensicsDraws.For(election);
        Assert.False(books.Holds(snapshot, plan, source, ForensicsAnalysis.TurnoutStream));

        Assert.True(published.PrepareForensics());

        Assert.True(books.Holds(snapshot, plan, source, ForensicsAnalysis.TurnoutStream));
        Assert.False(books.Holds(new TallyEngine(election).Freeze(), plan, source, ForensicsAnalysis.TurnoutStream));
        Assert.False(published.PrepareForensics()); // made already: nothing drawn, nothing to say
    }

    [Fact]
    public void Nothing_is_prepared_before_the_first_snapshot()
    {
        var published = new Published(null, "W/\"0\"", DateTimeOffset.UnixEpoch, null);

        Assert.False(published.PrepareForensics());
    }
}
