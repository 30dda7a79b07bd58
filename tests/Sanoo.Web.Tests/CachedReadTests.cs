using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Sanoo.Web.Tests;

/// <summary>
/// Reads answered once per snapshot: a station's record is read from the store once and not at all for a client that holds it;
/// what is not counted and the commission's acts are built once, carry the snapshot's ETag and answer HEAD.
/// </summary>
public class CachedReadTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string StationReads = nameof(Storage.IProtocolStore.ReadStationAsync);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, EntityTagHeaderValue? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }
        return await server.Client.SendAsync(request);
    }

    [Fact]
    public async Task A_station_answers_304_to_a_client_that_holds_it_without_reading_the_store()
    {
        var first = await SendAsync(HttpMethod.Get, "/api/v1/stations/s0002");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var tag = first.Headers.ETag!;
        Assert.Equal(server.Published.ETag, tag.ToString());
        var reads = server.StoreCalls.Calls(StationReads);
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
        {
            for (var i = 0; i < 20; i++)
            {
                var again = await SendAsync(method, "/api/v1/stations/s0002", tag);
                Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
                Assert.Equal(tag, again.Headers.ETag);
            }
        }
        Assert.Equal(reads, server.StoreCalls.Calls(StationReads));
    }

    [Fact]
    public async Task A_station_is_read_from_the_store_once_per_snapshot_and_kept_under_a_key_per_station()
    {
        var published = server.Published;
        var (count, before) = (published.Responses.Count, await server.Client.GetByteArrayAsync("/api/v1/stations/s0001"));
        var reads = server.StoreCalls.Calls(StationReads);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(before, await server.Client.GetByteArrayAsync("/api/v1/stations/s0001"));
        }
        Assert.Equal(reads, server.StoreCalls.Calls(StationReads));
        Assert.True(published.Responses.TryGet("stations/s0001", out var kept));
        Assert.Equal(before, kept.Identity);
        var unknown = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => server.Client.GetAsync($"/api/v1/stations/nope{i}")));
        Assert.All(unknown, a => Assert.Equal(HttpStatusCode.NotFound, a.StatusCode));
        Assert.Same(published.Responses, server.Published.Responses);
        Assert.Equal(reads, server.StoreCalls.Calls(StationReads));
        Assert.InRange(published.Responses.Count, 1, count + 1);
    }

    [Fact]
    public async Task What_is_not_counted_and_what_is_flagged_are_built_once_per_snapshot()
    {
        var published = server.Published;
        foreach (var list in new[] { "rejected", "flagged" })
        {
            var body = await server.Client.GetByteArrayAsync($"/api/v1/{list}");
            Assert.True(published.Responses.TryGet(list, out var kept));
            Assert.Equal(body, kept.Identity);
            Assert.Equal(body, await server.Client.GetByteArrayAsync($"/api/v1/{list}"));
        }
    }

    [Theory]
    [InlineData("/api/v1/recounts")]
    [InlineData("/api/v1/certifications")]
    public async Task The_commissions_acts_carry_the_snapshots_weak_etag_answer_304_and_head(string path)
    {
        var get = await SendAsync(HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.True(get.Headers.ETag!.IsWeak);
        Assert.Equal(server.Published.ETag, get.Headers.ETag.ToString());
        Assert.Equal("public, max-age=1, stale-while-revalidate=5", get.Headers.CacheControl!.ToString());
        var head = await SendAsync(HttpMethod.Head, path);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotModified, (await SendAsync(HttpMethod.Get, path, get.Headers.ETag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await SendAsync(HttpMethod.Head, path, get.Headers.ETag)).StatusCode);
    }

    [Fact]
    public async Task A_recount_ordered_is_a_new_version_of_the_recounts()
    {
        var before = await SendAsync(HttpMethod.Get, "/api/v1/recounts");
        var order = new HttpRequestMessage(HttpMethod.Post, "/api/v1/recounts")
        {
            Content = JsonContent.Create(new { station = "s0002", contest = "list", reason = "a seal was broken" }),
        };
        order.Headers.Authorization = new("Bearer", ServerFixture.DistrictToken);
        Assert.Equal(HttpStatusCode.Created, (await server.Client.SendAsync(order)).StatusCode);
        var after = await SendAsync(HttpMethod.Get, "/api/v1/recounts", before.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        var list = await after.Content.ReadFromJsonAsync(Contracts.WireJson.Default.RecountList);
        Assert.Contains(list!.Recounts, r => r.Reason == "a seal was broken");
    }
}
