using System.Net;

namespace Sanoo.Web.Tests;

/// <summary>
/// A server takes protocols and answers reads, the short way included, with many readers at once, whether its requests start on
/// the network threads (<see cref="ServerOptions.InlineIo"/>, <c>sanoo serve --inline-io</c>) or are handed to the thread pool as
/// they arrive (the default). Kestrel's half of the setting only: the runtime's (<see cref="SanooServer.PrepareProcess"/>)
/// is the whole process's, and this one has made sockets; <c>sanoo serve</c> with both is run by the command's tests.
/// </summary>
public sealed class InlineIoTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_server_counts_a_protocol_and_answers_many_readers_at_once_its_requests_on_the_network_threads_or_not(bool inline)
    {
        var server = new ServerFixture { InlineIo = inline };
        await server.InitializeAsync();
        try
        {
            var protocol = ServerFixture.Sample.Hand.First(p => p.Contest.Value == "list");
            using (var accepted = await server.SubmitAsync(new { protocol = ServerFixture.ProtocolJson(protocol) }, ServerFixture.AdminToken))
            {
                Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
            }
            await server.WaitForSnapshotAsync(server.Log.Position);
            var published = server.Published;
            var expected = await server.Client.GetByteArrayAsync("/api/v1/results?source=hand");
            var hotBefore = published.Responses.HotServed;

            var reads = await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
            {
                using var client = new HttpClient { BaseAddress = server.Address };
                var bodies = new List<byte[]>();
                for (var i = 0; i < 10; i++)
                {
                    bodies.Add(await client.GetByteArrayAsync("/api/v1/results?source=hand"));
                }
                return bodies;
            }));

            Assert.All(reads.SelectMany(b => b), body => Assert.Equal(expected, body));
            // The national results with the protocol counted, not an empty answer.
            using var results = System.Text.Json.JsonDocument.Parse(expected);
            Assert.Equal(1, results.RootElement.GetProperty("reporting").GetProperty("stations").GetInt32());
            if (ReferenceEquals(published, server.Published))
            {
                Assert.Equal(hotBefore + 320, published.Responses.HotServed);
            }
        }
        finally
        {
            await server.DisposeAsync();
        }
    }
}
