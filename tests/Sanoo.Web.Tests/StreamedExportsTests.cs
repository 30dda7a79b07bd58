using System.IO.Compression;
using System.Text;
using Sanoo.Core.Definitions;
using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Testing;
using Sanoo.Web.OpenData;
using Sanoo.Web.Publishing;
using Sanoo.Web.Site;

namespace Sanoo.Web.Tests;

/// <summary>
/// The files of the whole election (every protocol in CSV, the ERR report in JSON and XML, the ledger's CSV) are streamed to disk
/// with their compressed copies, never held whole: they must hold the very bytes the same content gives when made whole in memory,
/// and each copy must decode to them.
/// </summary>
public sealed class StreamedExportsTests : IAsyncLifetime, IDisposable
{
    private static readonly GeneratedElection Sample = Kg2021Generator.Generate();
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-streamed-").FullName;
    private LoopbackServer _server = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(Sample.DefinitionJson, _ => Task.CompletedTask);
        var list = new ContestId("list");
        await _server.Log.SubmitAsync([.. Sample.Hand.Concat(Sample.Machine.Take(400)).Where(p => p.Contest == list)
            .Select(p => new Submission(p.Checked(Sample.Election), new Sender.File("protocols.jsonl")))]);
    }

    /// <inheritdoc />
    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A snapshot of the log as stored, signed with <paramref name="commission"/>.</summary>
    private async Task<Published> FreezeAsync(CommissionKey commission)
    {
        var (published, _) = await SnapshotPublisher.FreezeAsync(_server.Log, commission, DateTimeOffset.UtcNow, null);
        return published!;
    }

    [Fact]
    public async Task The_files_of_a_page_above_the_stations_made_from_one_model_are_the_bytes_the_server_gives_file_by_file()
    {
        using var commission = CommissionKey.Ephemeral();
        var log = _server.Log;
        var published = await FreezeAsync(commission);
        var snapshot = published.Snapshot!;
        await using var renderer = new SiteRenderer(TimeSpan.FromSeconds(30));
        var content = new SiteContent(log, renderer, new Uri("https://results.example.org/"));
        var areas = content.Election.Areas.Where(a => !a.IsStation).ToList();
        foreach (var area in new[] { areas[0], areas[^1] })
        {
            foreach (var language in new[] { "ru", "en" })
            {
                var files = await content.AreaPageFilesAsync(published, snapshot, area, language);
                Assert.Equal(SiteContent.AreaFiles, files.Select(f => f.File));
                foreach (var (file, data) in files)
                {
                    Assert.True(data.Length > 100, $"{area.Id} {file}");
                    Assert.Equal(await content.PageFileAsync(published, snapshot, area, language, file), data);
                }
            }
        }
    }

    [Fact]
    public async Task A_published_folder_holds_the_files_of_the_whole_election_as_made_whole_with_copies_that_decode_to_them()
    {
        using var commission = CommissionKey.Ephemeral();
        var log = _server.Log;
        var published = await FreezeAsync(commission);
        var snapshot = published.Snapshot!;
        await using var renderer = new SiteRenderer(TimeSpan.FromSeconds(30));
        var content = new SiteContent(log, renderer);
        await new StaticSite(content).WriteAsync(published, _folder, commissionKey: commission.PublicKey);

        using var protocols = new MemoryStream();
        await content.WriteProtocolsAsync(protocols, snapshot);
        var context = ErrReports.Context(snapshot, published.PublishedAt, published.Acts);
        var whole = new Dictionary<string, byte[]>
        {
            [SitePaths.Protocols] = protocols.ToArray(),
            [ErrReports.JsonPath] = Err(xml: false),
            [ErrReports.XmlPath] = Err(xml: true),
            [SitePaths.Discrepancies("ru") + SitePaths.DataCsv] = (await content.LedgerFileAsync(published, snapshot, "ru", SitePaths.DataCsv))!,
        };
        Assert.True(whole[SitePaths.Discrepancies("ru") + SitePaths.DataCsv].Length > 10_000, "the two counts are compared");
        foreach (var (path, bytes) in whole)
        {
            var file = Path.Combine(_folder, path.TrimStart('/'));
            Assert.Equal(bytes, await File.ReadAllBytesAsync(file));
            Assert.Equal(Encodings.Gzip(bytes), await File.ReadAllBytesAsync(file + ".gz"));
            await using var brotli = new BrotliStream(File.OpenRead(file + ".br"), CompressionMode.Decompress);
            using var decoded = new MemoryStream();
            await brotli.CopyToAsync(decoded);
            Assert.Equal(bytes, decoded.ToArray());
        }
        Assert.Empty(Directory.GetFiles(_folder, "*.sanoo-tmp", SearchOption.AllDirectories));

        byte[] Err(bool xml)
        {
            using var buffer = new MemoryStream();
            ErrReports.Write(buffer, snapshot, context, xml);
            return buffer.ToArray();
        }
    }

    [Fact]
    public async Task A_streamed_file_already_there_is_left_alone_and_a_changed_one_replaced_with_its_copies()
    {
        var folder = new PublishedFolder(_folder, compressedCopies: true);
        var rows = Enumerable.Range(0, 300_000).Select(i => $"{i},s{i % 977:0000},Ата-Журт,{i * 7 % 1000}\r\n");
        var text = Encoding.UTF8.GetBytes(string.Concat(rows));
        Assert.True(text.Length > 4 << 20, "larger than the largest window of a page's Brotli copy");
        Task Stream(byte[] bytes) => folder.WriteStreamAsync("data/big.csv", s => s.WriteAsync(bytes).AsTask());
        await Stream(text);
        var file = Path.Combine(_folder, "data", "big.csv");
        var written = File.GetLastWriteTimeUtc(file + ".br");

        Assert.False(await folder.WriteStreamAsync("data/big.csv", s => s.WriteAsync(text).AsTask()));
        Assert.Equal((1L, 1L), (folder.Written, folder.Skipped));
        Assert.Equal(written, File.GetLastWriteTimeUtc(file + ".br"));

        var changed = text.ToArray();
        changed[^3] = (byte)'9';
        Assert.True(await folder.WriteStreamAsync("data/big.csv", s => s.WriteAsync(changed).AsTask()));
        Assert.Equal(changed, await File.ReadAllBytesAsync(file));
        var decoded = new byte[changed.Length];
        Assert.True(BrotliDecoder.TryDecompress(await File.ReadAllBytesAsync(file + ".br"), decoded, out var length));
        Assert.Equal(changed, decoded.AsSpan(0, length).ToArray());
        Assert.Equal(Encodings.Gzip(changed), await File.ReadAllBytesAsync(file + ".gz"));
        Assert.Empty(Directory.GetFiles(_folder, "*.sanoo-tmp", SearchOption.AllDirectories));
    }
}
