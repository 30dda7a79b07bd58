using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sanoo.Log;
using Sanoo.Storage;
using Sanoo.Storage.Access;
using Sanoo.Testing;

namespace Sanoo.Web.Tests;

/// <summary>
/// Drill: PostgreSQL stops while operators are sending. Writes answer 503 with Retry-After, the
/// public keeps reading the last snapshot, and when the database is back the server recovers by
/// itself: nothing acknowledged is lost and the retried protocols are counted once.
/// </summary>
public sealed class OutageDrillTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [Fact]
    public async Task When_PostgreSQL_stops_writes_wait_with_503_reads_go_on_and_the_server_recovers_by_itself()
    {
        var store = await StoreAddress.OpenAsync("postgres:" + postgres.NewDatabase());
        var log = await ElectionLog.OpenAsync(store, ServerFixture.Sample.DefinitionJson);
        await store.AddOperatorAsync(
            new Operator("cec", OperatorRole.Admin, null, SHA256.HashData(Encoding.UTF8.GetBytes(ServerFixture.AdminToken))));
        await using var app = SanooServer.Create(log, new ServerOptions
        {
            Urls = "http://127.0.0.1:0",
            PublishInterval = TimeSpan.FromMilliseconds(50),
            AccessRefresh = TimeSpan.FromMilliseconds(200),
        });
        await SanooServer.StartAsync(app);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        Task<HttpResponseMessage> Send(int i)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/protocols")
            {
                Content = JsonContent.Create(new { protocol = ServerFixture.ProtocolJson(ServerFixture.Sample.Hand[i]) }),
            };
            request.Headers.Authorization = new("Bearer", ServerFixture.AdminToken);
            return http.SendAsync(request);
        }
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Send(i)).StatusCode);
        }

        postgres.Stop();
        try
        {
            var refused = await Send(20);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            var results = await http.GetAsync("/api/v1/results");
            Assert.Equal(HttpStatusCode.OK, results.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/en/")).StatusCode);
        }
        finally
        {
            postgres.Start();
        }

        // The senders retry as devices and operators do; the server reconnects by itself.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 20; i < 40; i++)
        {
            HttpResponseMessage response;
            while ((response = await Send(i)).StatusCode != HttpStatusCode.OK)
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the server did not recover");
                await Task.Delay(100);
            }
        }
        Assert.Equal(40, log.Position);
        while ((await http.GetFromJsonAsync<JsonElement>("/api/v1/status")).GetProperty("snapshot").GetInt64() < 40)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "publication did not resume");
            await Task.Delay(20);
        }
        await app.StopAsync();
        await log.DisposeAsync();
        await store.DisposeAsync();
    }
}
