using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Sanoo.Web.Tests;

/// <summary>Runs alone: see <see cref="MetricsTests"/>.</summary>
[CollectionDefinition(nameof(MetricsTests), DisableParallelization = true)]
public sealed class MetricsRunAlone;

/// <summary>
/// <c>/metrics</c> in Prometheus text, the <c>sanoo_</c> figures moving as protocols come in. It runs alone: a meter provider listens
/// to every meter of its name in the process, and a server stopped beside it in the same process would end its streams (in
/// production one process serves one store).
/// </summary>
[Collection(nameof(MetricsTests))]
public sealed class MetricsTests
{
    /// <summary>The sum of every sample of <paramref name="metric"/> whose labels include <paramref name="label"/>.</summary>
    private static double Sample(string text, string metric, string label) => text.Split('\n')
        .Where(line => line.StartsWith(metric + "{", StringComparison.Ordinal) && line.Contains(label, StringComparison.Ordinal))
        .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));

    private static async Task<string> MetricsAsync(ServerFixture server)
    {
        using var response = await server.Client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Metrics_count_an_accepted_protocol_a_refused_request_and_show_the_store_and_freshness()
    {
        var server = new ServerFixture();
        await server.InitializeAsync();
        try
        {
            await CountsAsync(server);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_read_sent_the_short_way_is_not_routed_and_has_no_route_in_the_request_durations()
    {
        var server = new ServerFixture();
        await server.InitializeAsync();
        try
        {
            var routed = "http_route=\"/api/v1/results\"";
            await server.WaitForSnapshotAsync(server.Log.Position);
            // Tried again if a snapshot is published meanwhile (its first read takes the whole pipeline, by design).
            for (var attempt = 0; ; attempt++)
            {
                var published = server.Published;
                using (var first = await server.Client.GetAsync("/api/v1/results"))
                {
                    Assert.Equal(HttpStatusCode.OK, first.StatusCode);
                }
                var before = await MetricsAsync(server);
                var hotBefore = published.Responses.HotServed;
                for (var i = 0; i < 5; i++)
                {
                    using var again = await server.Client.GetAsync("/api/v1/results");
                    Assert.Equal(HttpStatusCode.OK, again.StatusCode);
                }
                var after = await MetricsAsync(server);
                if (!ReferenceEquals(published, server.Published) && attempt < 5)
                {
                    continue;
                }

                // The five went the short way and none of them was matched to a route on the way.
                Assert.Equal(hotBefore + 5, published.Responses.HotServed);
                Assert.True(Sample(before, "http_server_request_duration_seconds_count", routed) >= 1, before);
                Assert.Equal(Sample(before, "http_server_request_duration_seconds_count", routed),
                    Sample(after, "http_server_request_duration_seconds_count", routed));
                return;
            }
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private static async Task CountsAsync(ServerFixture server)
    {
        var before = await MetricsAsync(server);
        var protocol = ServerFixture.Sample.Hand[7];
        using (var accepted = await server.SubmitAsync(new { protocol = ServerFixture.ProtocolJson(protocol) }, ServerFixture.AdminToken))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }
        using (var refused = await server.SubmitAsync(new { protocol = ServerFixture.ProtocolJson(protocol) }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        await server.WaitForSnapshotAsync(server.Log.Position);
        var text = await MetricsAsync(server);
        // What failed is shown among the server's own figures and the request durations, not the runtime's.
        var after = string.Join('\n', text.Split('\n').Where(l => l.StartsWith("sanoo_", StringComparison.Ordinal)
            || (l.StartsWith("http_server_request_duration_seconds_count", StringComparison.Ordinal))));

        var counted = "outcome=\"accepted\"";
        Assert.True(Sample(after, "sanoo_protocols_total", counted) >= Sample(before, "sanoo_protocols_total", counted) + 1, after);
        Assert.True(Sample(after, "sanoo_protocols_refused_total", "reason=\"unauthenticated\"")
            >= Sample(before, "sanoo_protocols_refused_total", "reason=\"unauthenticated\"") + 1, after);
        Assert.True(Sample(after, "sanoo_freshness_seconds_count", "") >= 1, after);
        Assert.True(Sample(after, "sanoo_store_commit_duration_seconds_count", "") >= 1, after);
        foreach (var gauge in new[] { "sanoo_log_size", "sanoo_register_size", "sanoo_ingest_queue", "sanoo_snapshot_age_seconds",
            "sanoo_snapshot_position", "sanoo_publication_halted" })
        {
            Assert.Matches(new Regex($"^{gauge}(\\{{[^}}]*\\}})? ", RegexOptions.Multiline), after);
        }
        Assert.True(Sample(after, "sanoo_log_size", "") >= 1, after);
        Assert.Contains("http_route=\"/api/v1/protocols\"", after, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("kestrel_active_connections", text, StringComparison.Ordinal);
        // Kestrel's buffer pool is not measured: it records on every buffer rented, a tenth of a read's cost (docs/performance.md).
        Assert.DoesNotContain("aspnetcore_memory_pool", text, StringComparison.Ordinal);
    }

}
