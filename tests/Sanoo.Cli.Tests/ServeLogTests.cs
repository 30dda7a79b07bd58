using System.Diagnostics;
using System.Text.Json;

namespace Sanoo.Cli.Tests;

/// <summary><c>sanoo serve --log-format json</c>: standard output carries one JSON object a line, for a log collector.</summary>
public sealed class ServeLogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-logs-").FullName;

    [Fact]
    public async Task Json_logs_are_one_json_object_a_line_on_standard_output()
    {
        var definition = Path.Combine(_folder, "election.json");
        await File.WriteAllBytesAsync(definition, Samples.Kyrgyzstan2021.Kg2021Generator.Generate().DefinitionJson);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "sanoo.dll"), "serve", "--definition", definition,
            "--db", "sqlite:" + Path.Combine(_folder, "sanoo.db"), "--urls", "http://127.0.0.1:0", "--log-format", "json" })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var lines = new List<string>();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            string? address = null;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            while (address is null && await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                using var entry = JsonDocument.Parse(line);
                if (entry.RootElement.GetProperty("State").TryGetProperty("address", out var listening))
                {
                    address = listening.GetString();
                }
            }
            Assert.True(address is not null, string.Join('\n', lines));
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            Assert.Equal("ready\n", await http.GetStringAsync("/readyz"));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        lines.AddRange((await process.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.All(lines, line =>
        {
            using var entry = JsonDocument.Parse(line);
            Assert.True(entry.RootElement.TryGetProperty("LogLevel", out _), line);
            Assert.True(entry.RootElement.TryGetProperty("Timestamp", out _), line);
        });
        Assert.Contains("Serving election", await errors, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
