using Sanoo.Core.Protocols;
using Sanoo.Testing;

namespace Sanoo.Storage.Tests;

/// <summary>
/// The log keeps every counted version with the time its leaf records, for the count through the night: a log reopened from its
/// store, which replays the entries, has exactly the timeline it had while writing them.
/// </summary>
[Collection("stores")]
public class CountedTimelineTests(PostgresServer postgres) : StoreTestBase(postgres)
{
    [Theory]
    [MemberData(nameof(Backends))]
    public async Task The_counted_versions_and_their_times_are_the_same_after_a_reopen(string backend)
    {
        var address = NewAddress(backend);
        var log = await OpenLogAsync(address);
        await log.SubmitAsync([.. Sample.Hand.Take(30).Select(p => Submit(p))]);
        var first = Sample.Hand[0];
        var corrected = first with
        {
            Version = 2, Votes = first.Votes.SetItem(0, first.Votes[0] + 1).SetItem(1, first.Votes[1] - 1), Correction = new Correction("typo", "op"),
        };
        var broken = Sample.Hand[40] with { Votes = Sample.Hand[40].Votes.SetItem(0, Sample.Hand[40].Votes[0] + 7) };
        await log.SubmitAsync([Submit(corrected), Submit(broken), Submit(Sample.Hand[5])]);
        var written = log.Counted.ToList();
        Assert.Equal(31, written.Count); // 30 first versions and the correction; the rejected protocol and the retry are not counted
        Assert.Equal(first.Version, written[^1].Superseded!.Version);
        Assert.Equal(2, written[^1].Protocol.Version);
        Assert.True(written.Zip(written.Skip(1)).All(pair => pair.First.Position < pair.Second.Position));
        await CloseAsync(log);

        var reopened = await OpenLogAsync(address, withDefinition: false);
        var replayed = reopened.Counted.ToList();
        Assert.Equal(written.Select(v => (v.Position, v.ReceivedAt, v.Protocol.Station, v.Protocol.Version, v.Superseded?.Version)),
            replayed.Select(v => (v.Position, v.ReceivedAt, v.Protocol.Station, v.Protocol.Version, v.Superseded?.Version)));
        await CloseAsync(reopened);
    }
}
