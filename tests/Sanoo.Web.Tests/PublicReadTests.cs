using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Tests;

/// <summary>
/// Public reads under a flood of made-up queries, conditional requests and HEAD: unknown ids and
/// languages are 404 and cached nowhere, entity tags follow RFC 9110, HEAD answers like GET.
/// </summary>
public class PublicReadTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly string[] Languages = ServerFixture.Sample.Election.Definition.Languages.ToArray();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Action<HttpRequestHeaders>? headers = null)
    {
        var request = new HttpRequestMessage(method, path);
        headers?.Invoke(request.Headers);
        return await server.Client.SendAsync(request);
    }

    [Fact]
    public async Task A_flood_of_unknown_languages_and_areas_is_404_and_leaves_the_response_cache_as_it_was()
    {
        foreach (var path in new[] { "/api/v1/results", "/api/v1/results?lang=ru", "/ky/", "/ru/data.json" })
        {
            Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync(path)).StatusCode);
        }
        var published = server.Published;
        var (count, bytes) = (published.Responses.Count, published.Responses.Bytes);
        Assert.True(count >= 4);
        var made = Enumerable.Range(0, 3000).Select(i => (i % 6) switch
        {
            0 => $"/api/v1/results?lang=x{i}",
            1 => $"/api/v1/results?area=zz{i}",
            2 => $"/api/v1/results?contest=c{i}",
            3 => $"/api/v1/results?source=s{i}",
            4 => $"/x{i}/data.json",
            _ => $"/ky/area/zz{i}/",
        });
        foreach (var chunk in made.Chunk(50))
        {
            var answers = await Task.WhenAll(chunk.Select(path => server.Client.GetAsync(path)));
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.StatusCode));
        }
        Assert.Same(published.Responses, server.Published.Responses); // the same snapshot (a head signed afresh keeps its cache)
        Assert.Equal(count, published.Responses.Count);
        Assert.Equal(bytes, published.Responses.Bytes);
    }

    [Fact]
    public async Task An_unknown_language_is_a_problem_that_lists_the_known_ones()
    {
        var response = await server.Client.GetAsync("/api/v1/results?lang=tlh");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Unknown language", problem.GetProperty("title").GetString());
        Assert.All(Languages, l => Assert.Contains(l, problem.GetProperty("detail").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task If_none_match_with_a_weak_tag_a_list_or_a_star_answers_304()
    {
        var first = await server.Client.GetAsync("/api/v1/results");
        var tag = first.Headers.ETag!;
        Assert.True(tag.IsWeak);
        foreach (var ifNoneMatch in new[] { $"W/{tag.Tag}", tag.Tag, $"\"nope\", W/{tag.Tag}", "*" })
        {
            foreach (var path in new[] { "/api/v1/results", "/ky/", "/api/v1/rejected" })
            {
                var response = await SendAsync(HttpMethod.Get, path, h => h.TryAddWithoutValidation("If-None-Match", ifNoneMatch));
                Assert.True(
                    response.StatusCode == HttpStatusCode.NotModified, $"{path} with If-None-Match: {ifNoneMatch} gave {response.StatusCode}");
            }
        }
        var other = await SendAsync(HttpMethod.Get, "/api/v1/results", h => h.TryAddWithoutValidation("If-None-Match", "W/\"nope\""));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Compressed_and_identity_answers_carry_a_weak_etag_and_vary_on_accept_encoding()
    {
        foreach (var path in new[] { "/api/v1/results", "/ky/", "/ky/data.csv" })
        {
            var identity = await SendAsync(HttpMethod.Get, path);
            var gzip = await SendAsync(HttpMethod.Get, path, h => h.AcceptEncoding.ParseAdd("gzip"));
            Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
            Assert.Empty(identity.Content.Headers.ContentEncoding);
            foreach (var answer in new[] { identity, gzip })
            {
                Assert.True(answer.Headers.ETag!.IsWeak, $"{path}: {answer.Headers.ETag} is strong for one encoding of several");
                Assert.Contains("Accept-Encoding", answer.Headers.Vary);
            }
        }
    }

    [Fact]
    public async Task A_tree_head_signed_afresh_over_the_same_log_has_a_new_etag()
    {
        HttpResponseMessage first, status;
        do
        {
            // Both from one head: one signed afresh between the two requests would make the status already the new one.
            first = await server.Client.GetAsync("/api/v1/tree-head");
            status = await server.Client.GetAsync("/api/v1/status");
        }
        while (first.Headers.ETag?.Tag != status.Headers.ETag?.Tag);
        var head = (await first.Content.ReadFromJsonAsync(Contracts.WireJson.Default.TreeHead))!;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Contracts.TreeHead later;
        HttpResponseMessage again;
        do
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "no tree head signed afresh");
            await Task.Delay(100); // the fixture re-signs every second
            again = await SendAsync(HttpMethod.Get, "/api/v1/tree-head", h => h.IfNoneMatch.Add(first.Headers.ETag!));
            later = again.StatusCode == HttpStatusCode.OK ? (await again.Content.ReadFromJsonAsync(Contracts.WireJson.Default.TreeHead))! : head;
        }
        while (later.Timestamp == head.Timestamp);
        Assert.Equal(head.TreeSize, later.TreeSize);
        Assert.NotEqual(first.Headers.ETag, again.Headers.ETag);
        var statusAgain = await SendAsync(HttpMethod.Get, "/api/v1/status", h => h.IfNoneMatch.Add(status.Headers.ETag!));
        Assert.Equal(HttpStatusCode.OK, statusAgain.StatusCode);
        Assert.NotEqual(status.Headers.ETag, statusAgain.Headers.ETag);
    }

    [Fact]
    public async Task Head_requests_answer_like_get_without_a_body()
    {
        var paths = new[]
        {
            "/api/v1/status", "/api/v1/results", "/api/v1/tree-head", "/api/v1/rejected", "/api/v1/flagged", "/api/v1/definition", "/api/v1/keys",
            "/api/v1/stations/s0001", "/api/v1/recounts", "/api/v1/certifications", "/ky/", "/ky/data.csv", "/ky/data.json",
            "/data/protocols.csv", "/snapshot.json", "/ky/ballot.html", "/ru/area/batken/ballot.html", "/en/single-member/",
        };
        foreach (var path in paths)
        {
            var (get, head) = (await SendAsync(HttpMethod.Get, path), await SendAsync(HttpMethod.Head, path));
            for (var again = 0; again < 3 && get.Headers.ETag != head.Headers.ETag; again++)
            {
                // the tree head is signed anew every second here: the pair may straddle a new signature
                (get, head) = (await SendAsync(HttpMethod.Get, path), await SendAsync(HttpMethod.Head, path));
            }
            Assert.Equal(HttpStatusCode.OK, get.StatusCode);
            Assert.True(head.StatusCode == HttpStatusCode.OK, $"HEAD {path}: {head.StatusCode}");
            Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
            Assert.Equal(get.Headers.ETag, head.Headers.ETag);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
        var missing = await SendAsync(HttpMethod.Head, "/api/v1/results?lang=tlh");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public void The_response_cache_keeps_nothing_past_its_byte_cap()
    {
        var cache = new ResponseCache(10);
        Assert.Equal(new byte[6], cache.Keep("a", new byte[6], "text/csv").Identity);
        Assert.Equal(6, cache.Keep("b", new byte[6], "text/csv").Identity.Length);
        Assert.Equal(1, cache.Count);
        Assert.Equal(6, cache.Bytes);
        Assert.False(cache.TryGet("b", out _));
        Assert.Equal(4, cache.GetOrMake("c", "text/csv", () => new byte[4]).Identity.Length);
        Assert.Equal((2, 10L), (cache.Count, cache.Bytes));
    }
}
