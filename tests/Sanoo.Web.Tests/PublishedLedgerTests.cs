using Sanoo.Core.Tally;
using Sanoo.Testing;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Tests;

/// <summary>
/// The discrepancy ledger of a snapshot is made once: the server re-signs the head over the same snapshot every few seconds as a
/// copy of its <see cref="Published"/> record, and a copy made before the ledger was finished used to make it again (at a million
/// stations, for every head and every page of the verifier's check).
/// </summary>
public sealed class PublishedLedgerTests
{
    [Fact]
    public void A_copy_for_a_head_signed_again_over_the_same_snapshot_shares_its_ledger_made_once()
    {
        var election = ElectionBuilder.Small();
        var published = new Published(new TallyEngine(election).Freeze(), "W/\"0\"", DateTimeOffset.UnixEpoch, null);
        var resigned = published with { PublishedAt = DateTimeOffset.UnixEpoch.AddSeconds(5) }; // before the ledger is made

        Assert.NotNull(resigned.Ledger);
        Assert.Same(resigned.Ledger, published.Ledger);
        Assert.Same(published.Ledger, (published with { Halted = "paused" }).Ledger);
    }
}
