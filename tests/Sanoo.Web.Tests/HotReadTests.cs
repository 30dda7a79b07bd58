using System.Net;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Tests;

/// <summary>
/// Reads of an address already answered from the current snapshot go the short way (<see cref="PublicApi.HotReads"/>): the same
/// status, headers and bytes as the whole pipeline sends, in every coding, for HEAD and for 304, still under the read limit, and
/// remembered under a bounded number of addresses per answer.
/// </summary>
public class HotReadTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    /// <summary>A query longer than any address looked up the short way: the same answer, always from the whole pipeline.</summary>
    private static readonly string Long = "?pad=" + new string('x', 600);

    public static TheoryData<string> Paths() => ["/api/v1/results", "/ru/", "/en/data.csv", "/api/v1/rejected"];

    private async Task<(HttpResponseMessage Answer, byte[] Body)> SendAsync(
        HttpMethod method, string address, string? acceptEncoding = null, string? ifNoneMatch = null)
    {
        using var request = new HttpRequestMessage(method, address);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        var answer = await server.Client.SendAsync(request);
        return (answer, await answer.Content.ReadAsByteArrayAsync());
    }

    private static List<string> Headers(HttpResponseMessage answer) =>
        [.. answer.Headers.Concat(answer.Content.Headers)
            .Where(h => h.Key is not "Date")
            .Select(h => $"{h.Key.ToLowerInvariant()}: {string.Join(", ", h.Value)}")
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_remembered_read_is_sent_the_short_way_exactly_as_the_whole_pipeline_sends_it(string path)
    {
        var cache = server.Published.Responses;
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, path)).Answer.StatusCode);
        var etag = server.Published.ETag;
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
        {
            (string? Coding, string? Tag)[] asked = [(null, null), ("gzip", null), ("gzip, br", null), ("br", etag), (null, "W/\"0\"")];
            foreach (var (coding, tag) in asked)
            {
                var servedBefore = cache.HotServed;
                var whole = await SendAsync(method, path + Long, coding, tag);
                Assert.Equal(servedBefore, cache.HotServed);
                var hot = await SendAsync(method, path, coding, tag);
                Assert.Equal(servedBefore + 1, cache.HotServed);

                var what = $"{method} {path} {coding} {tag}";
                Assert.True(whole.Answer.StatusCode == hot.Answer.StatusCode, what);
                Assert.Equal(tag == etag ? HttpStatusCode.NotModified : HttpStatusCode.OK, hot.Answer.StatusCode);
                Assert.Equal(Headers(whole.Answer), Headers(hot.Answer));
                Assert.Equal(whole.Body, hot.Body);
                Assert.Equal("*", string.Join(",", hot.Answer.Headers.GetValues("Access-Control-Allow-Origin")));
                Assert.Equal(SecurityHeaders.Policy, string.Join(",", hot.Answer.Headers.GetValues("Content-Security-Policy")));
                Assert.Equal(etag, hot.Answer.Headers.ETag!.ToString());
            }
        }
    }

    [Fact]
    public async Task The_addresses_remembered_for_one_answer_are_bounded_whatever_clients_send()
    {
        var cache = server.Published.Responses;
        var (first, body) = await SendAsync(HttpMethod.Get, "/api/v1/results?spelling=0");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var before = cache.HotCount;
        for (var i = 1; i <= 20; i++)
        {
            var (again, bytes) = await SendAsync(HttpMethod.Get, $"/api/v1/results?spelling={i}");
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(body, bytes);
        }
        Assert.InRange(cache.HotCount - before, 0, HotRead.AddressesPerAnswer);
    }

    [Fact]
    public async Task An_address_not_answered_from_the_snapshot_is_never_remembered()
    {
        var cache = server.Published.Responses;
        var before = cache.HotCount;
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, "/api/v1/results?area=nowhere")).Answer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/api/v1/status")).Answer.StatusCode);
        Assert.Equal(before, cache.HotCount);
    }
}

/// <summary>Reads sent the short way count against the per-address read limit like any other.</summary>
public sealed class HotReadLimitTests : IAsyncLifetime
{
    private readonly ServerFixture _server = new() { ReadsPerSecond = 5 };

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Remembered_reads_beyond_the_limit_get_429_with_retry_after()
    {
        Assert.Equal(HttpStatusCode.OK, (await _server.Client.GetAsync("/api/v1/results")).StatusCode);
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => _server.Client.GetAsync("/api/v1/results")));
        Assert.True(_server.Published.Responses.HotServed > 0, "the reads let through went the short way");
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests), a => Assert.NotNull(a.Headers.RetryAfter));
        Assert.True(answers.Count(a => a.StatusCode == HttpStatusCode.OK) <= 15, "at most the burst and a few seconds' refill got through");
    }
}
