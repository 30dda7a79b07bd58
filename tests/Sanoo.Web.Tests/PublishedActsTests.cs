using Microsoft.Extensions.Logging.Abstractions;
using Sanoo.Core.Register;
using Sanoo.Log;
using Sanoo.Storage;
using Sanoo.Testing;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Tests;

/// <summary>
/// The acts a server publishes are exactly those of the register its signed tree head covers, however acts and protocols are
/// recorded while it publishes, by it or by another server on the same store (whose records this one reads a moment later): what
/// <c>sanoo verify</c> re-derives by replaying that register is what the pages show.
/// </summary>
public sealed class PublishedActsTests : IAsyncLifetime
{
    private const int Reports = 100;
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"sanoo-acts-{Guid.NewGuid():N}.db");
    private ElectionLog _log = null!;
    private ElectionLog _other = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _log = await ElectionLog.OpenAsync(await StoreAddress.OpenAsync("sqlite:" + _file), ServerFixture.Sample.DefinitionJson);
        _other = await ElectionLog.OpenAsync(await StoreAddress.OpenAsync("sqlite:" + _file), null);
    }

    [Fact]
    public async Task Every_published_snapshot_holds_the_acts_of_the_register_its_head_covers_while_acts_are_recorded()
    {
        var options = new ServerOptions { TreeHeadInterval = TimeSpan.FromMilliseconds(1) };
        using var commission = CommissionKey.Ephemeral();
        using var witnesses = new Witnessing.CosignatureBook(options, TimeProvider.System, _log);
        using var metrics = new Operations.ServerMetrics(TimeProvider.System);
        using var publisher = new SnapshotPublisher(
            _log, options, TimeProvider.System, commission, witnesses, metrics, NullLogger<SnapshotPublisher>.Instance);
        var recording = Task.Run(RecordAsync);
        var seen = new List<Published>();
        for (var round = 0; !recording.IsCompleted || seen.Count < 20; round++)
        {
            if (round % 3 == 0)
            {
                await _log.CatchUpAsync(); // what the server's follower does every second: the other server's records, late
            }
            await publisher.PublishAsync();
            if (seen.Count == 0 || !ReferenceEquals(seen[^1], publisher.Current))
            {
                seen.Add(publisher.Current);
            }
        }
        await recording;

        var register = await _log.RegisterAsync(0);
        Assert.Equal(Reports, register.Count(r => r.Kind == ReportRecord.Word));
        Assert.All(seen, published =>
        {
            var head = published.TreeHead!.Head;
            var reports = register.Count(r => r.Kind == ReportRecord.Word && r.Sequence <= head.RegisterSize);
            Assert.True(reports == published.Acts.Reports.Count,
                $"the pages at log {head.Size} name {published.Acts.Reports.Count} reports; the head's register of {
                    head.RegisterSize} records holds {reports}");
            Assert.Equal(head.RegisterSize, published.Acts.RegisterSize);
            Assert.Equal(Published.ETagOf(head.Size, published.Acts), published.ETag);
        });
        // Both ways of publishing were taken: a new snapshot (the log moved) and a new head over the same snapshot.
        Assert.Contains(seen.Zip(seen.Skip(1)), pair => ReferenceEquals(pair.First.Snapshot, pair.Second.Snapshot)
            && pair.First.Acts.Count != pair.Second.Acts.Count);
        Assert.True(seen.Select(p => p.Snapshot!.Position).Distinct().Count() > 1, "the log never moved while publishing");
    }

    /// <summary>
    /// Files observers' reports one after another, every other one through the other server, and now and then a protocol, as fast as
    /// the store takes them.
    /// </summary>
    private async Task RecordAsync()
    {
        for (var i = 0; i < Reports; i++)
        {
            var draft = new ReportRecord(0, 0, DateTimeOffset.UtcNow, $"observer-{i % 7}", 0, "s0001", null, "not-posted", $"report {i}", null);
            Assert.NotNull((await (i % 2 == 0 ? _log : _other).FileReportAsync(draft, 1000, 100_000)).Report);
            if (i % 10 == 0)
            {
                var protocol = ServerFixture.Sample.Machine[i / 10];
                await _log.SubmitAsync(new Submission(protocol.Checked(ServerFixture.Sample.Election), new Sender.Operator("cec")));
            }
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var log in new[] { _other, _log })
        {
            await log.DisposeAsync();
            await log.Store.DisposeAsync();
        }
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(path);
        }
    }
}
