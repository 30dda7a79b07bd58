using System.Net;
using System.Net.Http.Headers;

namespace Sanoo.Web.Tests;

/// <summary>
/// Reads answered once per snapshot: a station's record is read from the store once and not at all for a client that holds it;
/// what is not counted is built once.
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
        Assert.Equal(before, kept);
        var unknown = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => server.Client.GetAsync($"/api/v1/stations/nope{i}")));
        Assert.All(unknown, a => Assert.Equal(HttpStatusCode.NotFound, a.StatusCode));
        Assert.Same(published.Responses, server.Published.Responses);
        Assert.Equal(reads, server.StoreCalls.Calls(StationReads));
        Assert.InRange(published.Responses.Count, 1, count + 1);
    }

    [Fact]
    public async Task What_is_not_counted_is_built_once_per_snapshot()
    {
        var published = server.Published;
        var body = await server.Client.GetByteArrayAsync("/api/v1/rejected");
        Assert.True(published.Responses.TryGet("rejected", out var kept));
        Assert.Equal(body, kept);
        Assert.Equal(body, await server.Client.GetByteArrayAsync("/api/v1/rejected"));
    }
}
