using System.Globalization;
using Sanoo.Testing;

namespace Sanoo.Cli.Tests;

/// <summary>
/// <c>sanoo serve</c> answers reads already answered from the snapshot at the connection, before Kestrel reads HTTP, unless
/// <c>--no-connection-reads</c> sends them all through Kestrel; the same bytes either way, as <c>/metrics</c> tells which way it was.
/// </summary>
public sealed class ServeConnectionReadsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-connection-reads-").FullName;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reads_already_answered_are_answered_at_the_connection_unless_turned_off(bool off)
    {
        var definition = Path.Combine(_folder, "election.json");
        await File.WriteAllBytesAsync(definition, Samples.Kyrgyzstan2021.Kg2021Generator.Generate().DefinitionJson);
        var port = Loopback.FreePort();
        string[] args = ["serve", "--definition", definition, "--db", "sqlite:" + Path.Combine(_folder, "sanoo.db"),
            "--urls", $"http://127.0.0.1:{port}"];
        using var server = CliRun.Start(null, off ? [.. args, "--no-connection-reads"] : args);
        try
        {
            // The server listens only once its first snapshot is published (SanooServer.StartAsync).
            await Loopback.WaitForListenerAsync(port, TimeSpan.FromSeconds(90), () => "the server did not start");
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            var reads = new List<byte[]>();
            for (var i = 0; i < 5; i++)
            {
                reads.Add(await client.GetByteArrayAsync("/api/v1/results"));
            }
            Assert.All(reads, read => Assert.Equal(reads[0], read));
            var atConnection = (await client.GetStringAsync("/metrics")).Split('\n')
                .Where(line => line.StartsWith("sanoo_reads_at_connection_total", StringComparison.Ordinal))
                .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
            if (off)
            {
                Assert.Equal(0, atConnection);
            }
            else
            {
                // The first read of the address is answered by Kestrel behind the connection, which remembers it; the rest in front.
                Assert.True(atConnection >= 2, $"{atConnection} reads answered at the connection");
            }
        }
        finally
        {
            server.Kill();
            await server.WaitForExitAsync();
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
