using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace Sanoo.Web.Tests;

/// <summary>
/// Reads already answered from the snapshot are answered at the connection (<see cref="PublicApi.ConnectionHotReads"/>) with the
/// same status, headers and bytes Kestrel's pipeline sends; reads it does not answer are answered by Kestrel behind it on the same
/// connection, and anything else makes the connection Kestrel's, which reads it by its own rules.
/// </summary>
public sealed class ConnectionHotReadsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    public static TheoryData<string> Paths() => ["/api/v1/results", "/ru/", "/en/data.csv"];

    /// <summary>A header the connection leaves to Kestrel (it reads <c>TE</c> as the rest): the request and all after it are Kestrel's.</summary>
    private const string ToKestrel = "TE: trailers\r\n";

    private long AtConnection => server.Services.GetRequiredService<Operations.ServerMetrics>().ReadsAtConnection;

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_remembered_read_is_answered_at_the_connection_exactly_as_kestrel_answers_it(string path)
    {
        foreach (var coding in new[] { "identity", "gzip", "br" })
        {
            // The pipeline remembers the address and makes its compressed forms.
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", coding);
            Assert.Equal(HttpStatusCode.OK, (await server.Client.SendAsync(request)).StatusCode);
        }
        var etag = server.Published.ETag;
        foreach (var method in new[] { "GET", "HEAD" })
        {
            string[] headers = ["", "Accept-Encoding: gzip\r\n", "Accept-Encoding: gzip, br\r\n",
                $"Accept-Encoding: br\r\nIf-None-Match: {etag}\r\n", "If-None-Match: W/\"0\"\r\n"];
            foreach (var extra in headers)
            {
                var head = $"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: test\r\n{extra}\r\n";
                var before = AtConnection;
                var kestrel = await RawClient.AskAsync(server.Address, head + "", method == "HEAD", ToKestrel);
                Assert.Equal(before, AtConnection);
                var here = await RawClient.AskAsync(server.Address, head, method == "HEAD");
                Assert.Equal(before + 1, AtConnection);

                var what = $"{method} {path} {extra}";
                Assert.True(kestrel.Status == here.Status, what);
                Assert.Equal(extra.Contains(etag, StringComparison.Ordinal) ? 304 : 200, here.Status);
                Assert.Equal(kestrel.Headers, here.Headers);
                Assert.Equal(kestrel.Body, here.Body);
                Assert.Contains($"etag: {etag}", here.Headers);
                Assert.Contains("access-control-allow-origin: *", here.Headers);
                Assert.Contains($"content-security-policy: {SecurityHeaders.Policy}", here.Headers);
            }
        }
    }

    [Fact]
    public async Task Reads_kestrel_answers_on_a_connection_leave_the_next_reads_to_it_and_anything_else_hands_it_over()
    {
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/api/v1/results")).StatusCode);
        var results = await server.Client.GetByteArrayAsync("/api/v1/results");
        var status = (await server.Client.GetAsync("/api/v1/status")).StatusCode;
        var before = AtConnection;
        const string Results = "GET /api/v1/results HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        // One write, six requests: two remembered reads, a read that is not (answered by Kestrel behind), a remembered read again,
        // a request with a body (the connection becomes Kestrel's), and a remembered read Kestrel's pipeline answers.
        var post = "POST /api/v1/protocols HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
        var sent = Results + Results + "GET /api/v1/status HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" + Results + post + Results;
        var answers = await RawClient.AskManyAsync(server.Address, sent, 6);

        Assert.Equal([200, 200, (int)status, 200, 400, 200], answers.Select(a => a.Status));
        Assert.All(new[] { 0, 1, 3, 5 }, i => Assert.Equal(results, answers[i].Body));
        Assert.StartsWith("{\"election\":\"kg-2021\"", Encoding.UTF8.GetString(answers[2].Body), StringComparison.Ordinal);
        Assert.NotEqual(results, answers[2].Body);
        Assert.Equal(before + 3, AtConnection);
    }

    [Theory]
    [InlineData("GET /api/v1/results HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")]
    [InlineData("GET /api/v1/results HTTP/1.1\r\nHost: 127.0.0.1\r\nTE: trailers\r\n\r\n"
        + "GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")]
    public async Task A_connection_kestrel_closes_after_a_read_it_answered_behind_is_closed_at_once(string after)
    {
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/api/v1/results")).StatusCode);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, server.Address.Port);
        var stream = client.GetStream();
        // A read Kestrel answers behind the connection (its target has an escape), then requests that hand the connection over.
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /api/v1/result%73 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" + after));
        var answers = after.Split("GET ").Length;
        for (var i = 0; i < answers; i++)
        {
            Assert.Equal(200, (await RawClient.ReadAnswerAsync(stream, head: false)).Status);
        }
        // Closed when Kestrel closes its side, not seconds later by a reset.
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        Assert.Equal(0, await stream.ReadAsync(new byte[1], wait.Token));
    }

    [Fact]
    public async Task Many_reads_sent_at_once_are_all_answered_in_order_as_the_client_takes_them_in()
    {
        var csv = await server.Client.GetByteArrayAsync("/en/data.csv");
        var results = await server.Client.GetByteArrayAsync("/api/v1/results");
        var before = AtConnection;
        const string Csv = "GET /en/data.csv HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        const string Results = "GET /api/v1/results HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        // More answers than are written before being sent (256 KiB), so they go out in turns.
        var count = 2 * (256 * 1024 / csv.Length + 10);
        var answers = await RawClient.AskManyAsync(server.Address, string.Concat(Enumerable.Repeat(Csv + Results, count / 2)), count);
        Assert.All(answers.Where((_, i) => i % 2 == 0), a => Assert.Equal(csv, a.Body));
        Assert.All(answers.Where((_, i) => i % 2 == 1), a => Assert.Equal(results, a.Body));
        Assert.Equal(before + count, AtConnection);
    }

    [Fact]
    public async Task A_head_arriving_a_few_bytes_at_a_time_is_answered_at_the_connection()
    {
        var expected = await server.Client.GetByteArrayAsync("/api/v1/results");
        var before = AtConnection;
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, server.Address.Port);
        var stream = client.GetStream();
        var head = Encoding.ASCII.GetBytes("GET /api/v1/results HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n");
        foreach (var piece in head.Chunk(7))
        {
            await stream.WriteAsync(piece);
            await stream.FlushAsync();
            await Task.Delay(20);
        }
        var answer = await RawClient.ReadAnswerAsync(stream, head: false);
        Assert.Equal(200, answer.Status);
        Assert.Equal(expected, answer.Body);
        Assert.Equal(before + 1, AtConnection);
    }

    [Fact]
    public async Task A_head_that_trickles_in_is_cut_off_at_the_request_headers_timeout()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, server.Address.Port);
        // 91 bytes a second apart: whole after 91 s, so only the 30 s from its first byte ends it (not a timer started again at each).
        var head = Encoding.ASCII.GetBytes("GET /api/v1/results HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: one-byte-a-second-0123456789\r\n\r\n");
        var sent = 0;
        var closed = false;
        var answer = new List<byte>();
        while (!closed && sent < head.Length)
        {
            try
            {
                await socket.SendAsync(head.AsMemory(sent++, 1));
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                var received = new byte[256];
                var count = await socket.ReceiveAsync(received, SocketFlags.None, wait.Token);
                answer.AddRange(received.AsSpan(0, count));
                closed = count == 0;
            }
            catch (OperationCanceledException)
            {
            }
            catch (SocketException)
            {
                closed = true;
            }
        }
        Assert.True(closed, "the whole head was sent a byte a second and answered");
        Assert.InRange(sent, 20, 60);
        Assert.StartsWith("HTTP/1.1 408 Request Timeout\r\n", Encoding.ASCII.GetString([.. answer]), StringComparison.Ordinal);
    }

    public static TheoryData<string, int> Unusual() => new()
    {
        { "GET /api/v1/results HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: example.org\r\n\r\n", 400 },
        { "GET /api/v1/results HTTP/1.1\r\n\r\n", 400 },
        { "GET /api/v1/results HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Folded: a\r\n b\r\n\r\n", 400 },
        { "GET /api/v1/results HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 200 },
        { "GET /api/v1/results HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n", 200 },
        { "GET /api/v1/%72esults HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 200 },
        { "GET /api/v1/x/../results HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 200 },
        { "GET /api/v1/results HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip\r\nAccept-Encoding: br\r\n\r\n", 200 },
        { "GET /api/v1/results HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Name: x\r\n\r\n", 400 },
    };

    [Theory]
    [MemberData(nameof(Unusual))]
    public async Task A_request_outside_the_plain_subset_is_left_to_kestrel(string request, int status)
    {
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/api/v1/results")).StatusCode);
        var before = AtConnection;
        var answer = (await RawClient.AskManyAsync(server.Address, request, 1))[0];
        Assert.Equal(status, answer.Status);
        Assert.Equal(before, AtConnection);
    }
}

/// <summary>Remembered reads answered at the connection count against the per-address read limit like any other.</summary>
public sealed class ConnectionHotReadLimitTests : IAsyncLifetime
{
    private readonly ServerFixture _server = new() { ReadsPerSecond = 5 };

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Reads_beyond_the_limit_on_one_connection_get_429_with_retry_after()
    {
        Assert.Equal(HttpStatusCode.OK, (await _server.Client.GetAsync("/api/v1/results")).StatusCode);
        var sent = string.Concat(Enumerable.Repeat("GET /api/v1/results HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 40));
        var answers = await RawClient.AskManyAsync(_server.Address, sent, 40);
        var atConnection = _server.Services.GetRequiredService<Operations.ServerMetrics>().ReadsAtConnection;
        Assert.True(atConnection > 0, "the reads let through were answered at the connection");
        Assert.Contains(answers, a => a.Status == 429);
        Assert.All(answers.Where(a => a.Status == 429),
            a => Assert.Contains(a.Headers, h => h.StartsWith("retry-after: ", StringComparison.Ordinal)));
        Assert.True(answers.Count(a => a.Status == 200) <= 15, "at most the burst and a few seconds' refill got through");
    }
}

/// <summary>
/// Kestrel behind a connection keeps its own keep-alive, which runs out while the connection's reads are answered in front of it: the
/// connection in use lives on, the next read it is asked is answered by a new Kestrel, and the idle connection ends at the keep-alive.
/// </summary>
public sealed class ConnectionHotReadsKeepAliveTests : IAsyncLifetime
{
    private readonly ServerFixture _server = new() { KeepAlive = TimeSpan.FromSeconds(2) };

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task A_connection_in_use_outlives_the_keep_alive_of_kestrel_behind_it()
    {
        Assert.Equal(HttpStatusCode.OK, (await _server.Client.GetAsync("/api/v1/results")).StatusCode);
        var metrics = _server.Services.GetRequiredService<Operations.ServerMetrics>();
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, _server.Address.Port);
        var stream = client.GetStream();
        var behind = 0;
        var inFront = metrics.ReadsAtConnection;
        // Kestrel behind ends 2 s after the read it answered; once it has, its wait for its last bytes to drain runs out after 5 s
        // more, which before this was mended reset the connection. Reads every half second for 16 s: in front, and every 3 s behind.
        var running = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; running.Elapsed < TimeSpan.FromSeconds(16); i++)
        {
            var target = i % 6 == 0 ? "/api/v1/result%73" : "/api/v1/results";
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
            var answer = await RawClient.ReadAnswerAsync(stream, head: false);
            Assert.True(answer.Status == 200, $"{target} at {running.Elapsed}: {answer.Status}");
            behind += i % 6 == 0 ? 1 : 0;
            await Task.Delay(500);
        }
        Assert.True(behind >= 5, $"{behind} reads answered behind");
        Assert.True(metrics.ReadsAtConnection - inFront >= 20, "the other reads were answered in front");
        // Idle past the keep-alive, the connection is closed, not reset.
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.Equal(0, await stream.ReadAsync(new byte[1], wait.Token));
        Assert.True(running.Elapsed > TimeSpan.FromSeconds(17), "closed at the keep-alive, not before");
    }
}

/// <summary>
/// A client that sends many reads Kestrel answers behind the connection and stops reading their answers is cut off at Kestrel's
/// slowest response rate, as Kestrel alone cuts it off: Kestrel behind writes into a pipe and cannot time the socket.
/// </summary>
public sealed class ConnectionHotReadsSlowReaderTests : IAsyncLifetime
{
    private readonly ServerFixture _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task A_client_that_stops_reading_answers_from_behind_is_cut_off_at_kestrels_rate()
    {
        // The limits ConnectionHotReads keeps are Kestrel's own object: a rate no reader that stops meets, and a short grace.
        _server.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<
            Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>>().Value.Limits.MinResponseDataRate =
            new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(1_000_000, TimeSpan.FromSeconds(2));
        using var client = new TcpClient { ReceiveBufferSize = 4096 };
        await client.ConnectAsync(IPAddress.Loopback, _server.Address.Port);
        var stream = client.GetStream();
        // /healthz is not a remembered read: every one of them is answered by Kestrel behind the connection.
        const int Sent = 20_000;
        await stream.WriteAsync(Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", Sent))));
        await Task.Delay(TimeSpan.FromSeconds(10));
        var answered = 0;
        try
        {
            while (answered < Sent)
            {
                await RawClient.ReadAnswerAsync(stream, head: false);
                answered++;
            }
        }
        catch (Exception e) when (e is IOException or EndOfStreamException)
        {
            // Cut off: reset or closed.
        }
        Assert.True(answered < Sent / 2, $"{answered} of {Sent} answers were sent to a client that stopped reading for 10 s");
    }
}

/// <summary>A server stopping closes the connections waiting at the connection for their next read, without waiting for them.</summary>
public sealed class ConnectionHotReadsStopTests
{
    [Fact]
    public async Task Stopping_closes_an_idle_connection_at_once()
    {
        var server = new ServerFixture();
        await server.InitializeAsync();
        using var client = new TcpClient();
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/api/v1/results")).StatusCode);
            await client.ConnectAsync(IPAddress.Loopback, server.Address.Port);
            var stream = client.GetStream();
            await stream.WriteAsync("GET /api/v1/results HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"u8.ToArray());
            Assert.Equal(200, (await RawClient.ReadAnswerAsync(stream, head: false)).Status);
            Assert.Equal(1, server.Services.GetRequiredService<Operations.ServerMetrics>().ReadsAtConnection);
        }
        finally
        {
            var stopping = System.Diagnostics.Stopwatch.StartNew();
            await server.DisposeAsync();
            // Kestrel waits up to its shutdown timeout (30 s) for connections that do not end when asked.
            Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(15), $"the server took {stopping.Elapsed} to stop");
        }
        Assert.Equal(0, await client.GetStream().ReadAsync(new byte[1]));
    }
}

/// <summary>With <see cref="ServerOptions.ReadsAtConnection"/> off, every read goes through Kestrel, remembered ones its short way.</summary>
public sealed class ConnectionHotReadsOffTests : IAsyncLifetime
{
    private readonly ServerFixture _server = new() { ReadsAtConnection = false };

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Remembered_reads_take_the_pipelines_short_way()
    {
        var first = await _server.Client.GetByteArrayAsync("/api/v1/results");
        var hot = _server.Published.Responses.HotServed;
        var answers = await RawClient.AskManyAsync(_server.Address, "GET /api/v1/results HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 1);
        Assert.Equal(first, answers[0].Body);
        Assert.Equal(hot + 1, _server.Published.Responses.HotServed);
        Assert.Equal(0, _server.Services.GetRequiredService<Operations.ServerMetrics>().ReadsAtConnection);
    }
}

/// <summary>An HTTP/1.1 client of bytes, to send exactly the requests a test means and read the answers as sent.</summary>
internal static class RawClient
{
    /// <summary>One answer: its status, its headers but <c>Date</c> (lower-case names, in order of name), its body.</summary>
    public sealed record Answer(int Status, List<string> Headers, byte[] Body);

    /// <summary>Sends <paramref name="head"/> (with <paramref name="extra"/> header lines) on a new connection and reads its answer.</summary>
    public static async Task<Answer> AskAsync(Uri server, string head, bool isHead, string extra = "")
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head[..^2] + extra + "\r\n"));
        return await ReadAnswerAsync(stream, isHead);
    }

    /// <summary>Sends <paramref name="requests"/> in one write on a new connection and reads <paramref name="count"/> answers.</summary>
    public static async Task<List<Answer>> AskManyAsync(Uri server, string requests, int count)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, server.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(requests));
        var answers = new List<Answer>();
        for (var i = 0; i < count; i++)
        {
            answers.Add(await ReadAnswerAsync(stream, head: false));
        }
        return answers;
    }

    /// <summary>Reads one answer (Content-Length framed, or none for <c>HEAD</c>, 204 and 304).</summary>
    public static async Task<Answer> ReadAnswerAsync(Stream stream, bool head)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var bytes = new List<byte>();
        var one = new byte[1];
        while (bytes.Count < 4 || bytes[^1] != '\n' || bytes[^2] != '\r' || bytes[^3] != '\n' || bytes[^4] != '\r')
        {
            if (await stream.ReadAsync(one, timeout.Token) == 0)
            {
                throw new EndOfStreamException("the connection ended in an answer's head: " + Encoding.ASCII.GetString([.. bytes]));
            }
            bytes.Add(one[0]);
        }
        var lines = Encoding.ASCII.GetString([.. bytes]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Select(p => $"{p[0].Trim().ToLowerInvariant()}: {p[1].Trim()}")
            .Where(h => !h.StartsWith("date: ", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (head || status is 204 or 304)
        {
            return new Answer(status, headers, []);
        }
        if (headers.Contains("transfer-encoding: chunked"))
        {
            var chunks = new List<byte>();
            while (true)
            {
                var size = Convert.ToInt32(Encoding.ASCII.GetString(await LineAsync(stream, timeout.Token)).Split(';')[0], 16);
                var chunk = new byte[size];
                await stream.ReadExactlyAsync(chunk, timeout.Token);
                await LineAsync(stream, timeout.Token);
                chunks.AddRange(chunk);
                if (size == 0)
                {
                    return new Answer(status, headers, [.. chunks]);
                }
            }
        }
        var length = headers.Where(h => h.StartsWith("content-length: ", StringComparison.Ordinal))
            .Select(h => int.Parse(h["content-length: ".Length..], System.Globalization.CultureInfo.InvariantCulture)).FirstOrDefault();
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, timeout.Token);
        return new Answer(status, headers, body);
    }

    private static async Task<byte[]> LineAsync(Stream stream, CancellationToken cancellation)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (line.Count < 2 || line[^1] != '\n' || line[^2] != '\r')
        {
            if (await stream.ReadAsync(one, cancellation) == 0)
            {
                throw new EndOfStreamException("the connection ended in a chunk");
            }
            line.Add(one[0]);
        }
        return [.. line[..^2]];
    }
}
