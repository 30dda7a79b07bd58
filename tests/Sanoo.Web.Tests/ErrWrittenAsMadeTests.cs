using System.IO.Compression;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Testing;
using Sanoo.Web.OpenData;
using Sanoo.Web.PublicApi;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Tests;

/// <summary>
/// An ERR report larger than the server keeps (a national election's is gigabytes, over what one array can hold) is written to
/// each request as it is made: the same bytes as made whole, compressed when asked, tagged like every read, one at a time.
/// </summary>
public sealed class ErrWrittenAsMadeTests : IAsyncLifetime
{
    private static readonly GeneratedElection Sample = Kg2021Generator.Generate();
    private LoopbackServer _server = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(
            Sample.DefinitionJson, _ => Task.CompletedTask, options: o => o with { MostKeptReportBytes = 64 * 1024 });
        await _server.Log.SubmitAsync([.. Sample.Hand.Concat(Sample.Machine.Take(600))
            .Select(p => new Submission(p.Checked(Sample.Election), new Sender.File("protocols.jsonl")))]);
        await _server.WaitForAsync(_server.Log.Position);
    }

    /// <inheritdoc />
    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Published Current => _server.Services.GetRequiredService<SnapshotPublisher>().Current;

    private static byte[] MadeWhole(Published published, bool xml)
    {
        using var buffer = new MemoryStream();
        var snapshot = published.Snapshot!;
        ErrReports.Write(buffer, snapshot, ErrReports.Context(snapshot, published.PublishedAt, published.Acts), xml);
        return buffer.ToArray();
    }

    [Theory]
    [InlineData(ErrReports.JsonPath, false)]
    [InlineData(ErrReports.XmlPath, true)]
    public async Task A_report_past_the_kept_size_is_written_as_made_byte_for_byte_and_compressed_when_asked(string path, bool xml)
    {
        var published = Current;
        var whole = MadeWhole(published, xml);
        Assert.True(whole.Length > 1024 * 1024, $"the report is {whole.Length} bytes, far past the 64 KB kept");

        using var plain = await _server.Client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.True(plain.Headers.TransferEncodingChunked, "written as made: its length is not known before");
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Equal(published.ETag, plain.Headers.ETag?.ToString());
        Assert.Equal(whole, await plain.Content.ReadAsByteArrayAsync());
        Assert.False(published.Responses.TryGet(xml ? "export/err.xml" : "export/err.json", out _), "not kept with the snapshot");

        var asked = new HttpRequestMessage(HttpMethod.Get, path);
        asked.Headers.AcceptEncoding.ParseAdd("gzip");
        using var compressed = await _server.Client.SendAsync(asked, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("gzip", Assert.Single(compressed.Content.Headers.ContentEncoding));
        var gzip = await compressed.Content.ReadAsByteArrayAsync();
        Assert.True(gzip.Length < whole.Length / 5, $"{gzip.Length} bytes compressed of {whole.Length}");
        await using var decoding = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        using var decoded = new MemoryStream();
        await decoding.CopyToAsync(decoded);
        Assert.Equal(whole, decoded.ToArray());

        var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(plain.Headers.ETag!);
        using var notModified = await _server.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task A_report_found_too_large_is_noted_so_that_later_requests_go_straight_to_being_written_as_made()
    {
        var gate = _server.Services.GetRequiredService<WrittenAsMadeResult.Gate>();
        Assert.False(gate.TooLarge("export/err.json"));
        using var first = await _server.Client.GetAsync(ErrReports.JsonPath);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(gate.TooLarge("export/err.json"));
        Assert.False(gate.TooLarge("export/err.xml"), "each form is noted by itself");
        using var second = await _server.Client.GetAsync(ErrReports.JsonPath, HttpCompletionOption.ResponseHeadersRead);
        Assert.True(second.Headers.TransferEncodingChunked);
        Assert.Equal(MadeWhole(Current, xml: false), await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_reader_that_goes_away_mid_report_stops_its_writing_and_frees_the_gate()
    {
        var gate = _server.Services.GetRequiredService<WrittenAsMadeResult.Gate>();
        var whole = MadeWhole(Current, xml: true);
        // Far more than the pipe (1 MB), the server's socket (4 MB at most on Linux) and the reader's small buffer hold.
        Assert.True(whole.Length > 8 * 1024 * 1024, $"the report is {whole.Length} bytes");
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, token) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp)
                {
                    ReceiveBufferSize = 16 * 1024,
                };
                await socket.ConnectAsync(context.DnsEndPoint, token);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        };
        using (var reader = new HttpClient(handler) { BaseAddress = _server.Client.BaseAddress })
        {
            using var answer = await reader.GetAsync(ErrReports.XmlPath, HttpCompletionOption.ResponseHeadersRead);
            await using var body = await answer.Content.ReadAsStreamAsync();
            var start = new byte[64 * 1024];
            await body.ReadExactlyAsync(start);
            Assert.Equal(whole[..start.Length], start);
            await Task.Delay(500);
            Assert.True(gate.Writers.CurrentCount == 0, "the report is still being written while its reader holds it");
        } // the reader goes away with most of the report unread

        var freed = System.Diagnostics.Stopwatch.StartNew();
        while (gate.Writers.CurrentCount == 0 && freed.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20);
        }
        Assert.True(gate.Writers.CurrentCount == 1, "the writing stopped and the gate was freed once the reader went away");
        using var next = await _server.Client.GetAsync(ErrReports.XmlPath);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(whole, await next.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task While_one_report_is_being_written_as_made_another_request_is_told_to_come_back_and_why()
    {
        var gate = _server.Services.GetRequiredService<WrittenAsMadeResult.Gate>();
        Assert.True(gate.Writers.Wait(0), "no report is being written");
        try
        {
            using var busy = await _server.Client.GetAsync(ErrReports.JsonPath);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(60), busy.Headers.RetryAfter?.Delta);
            Assert.Contains("one at a time", await busy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            gate.Writers.Release();
        }
        using var answered = await _server.Client.GetAsync(ErrReports.JsonPath);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Equal(MadeWhole(Current, xml: false), await answered.Content.ReadAsByteArrayAsync());
    }
}
