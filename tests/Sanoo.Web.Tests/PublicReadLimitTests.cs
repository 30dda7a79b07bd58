using System.Net;

namespace Sanoo.Web.Tests;

/// <summary>Public reads are limited per address, and behind a trusted proxy per reader it names.</summary>
public sealed class PublicReadLimitTests : IAsyncLifetime
{
    private readonly ServerFixture _server = new() { ReadsPerSecond = 5, TrustedProxies = ["127.0.0.3"] };

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    private static async Task<HttpStatusCode[]> FloodAsync(HttpClient client, Func<int, string?> forwardedFor)
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/status");
            if (forwardedFor(i) is { } address)
            {
                request.Headers.Add("X-Forwarded-For", address);
            }
            return client.SendAsync(request);
        }));
        Assert.All(answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests), a => Assert.NotNull(a.Headers.RetryAfter));
        return [.. answers.Select(a => a.StatusCode)];
    }

    [Fact]
    public async Task Public_reads_beyond_the_limit_get_429_with_retry_after_and_other_addresses_are_served()
    {
        var flood = await FloodAsync(_server.Client, _ => null);
        Assert.Contains(HttpStatusCode.TooManyRequests, flood);
        Assert.True(flood.Count(s => s == HttpStatusCode.OK) <= 15, "at most the burst and a few seconds' refill got through");
        using var other = _server.ClientFrom("127.0.0.2");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/status")).StatusCode);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_forwarded_reader_has_its_own_limit_and_others_cannot_forge_one()
    {
        using var proxy = _server.ClientFrom("127.0.0.3");
        Assert.Contains(HttpStatusCode.TooManyRequests, await FloodAsync(proxy, _ => "10.0.0.1"));
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/status");
        request.Headers.Add("X-Forwarded-For", "10.0.0.2");
        Assert.Equal(HttpStatusCode.OK, (await proxy.SendAsync(request)).StatusCode);
        Assert.Contains(HttpStatusCode.TooManyRequests, await FloodAsync(_server.Client, i => $"10.1.0.{i}"));
    }
}
