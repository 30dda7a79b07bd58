using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Sanoo.Cli.Commands;
using Sanoo.Cli.Commands.Verify;
using Sanoo.Log;
using Sanoo.Storage;
using Sanoo.Testing;
using Sanoo.Web;
using Spectre.Console;

namespace Sanoo.Cli.Tests;

/// <summary>
/// What the demo's store shows of paper: the station page of every station has the scan of a signed protocol, and a scan
/// changed on the server's disk makes <c>sanoo verify</c> fail, naming the station.
/// </summary>
internal static partial class DemoScans
{
    [GeneratedRegex("<p data-image=\"([0-9a-f]{64})\"><a href=\"/api/v1/images/\\1\"><img src=\"/api/v1/thumbnails/\\1\"")]
    private static partial Regex Thumbnail();

    /// <summary>Serves the demo's store in <paramref name="folder"/> under its commission key and checks its scans.</summary>
    public static async Task EveryStationPageShowsItsScanAndAChangedScanFailsVerifyAsync(string folder)
    {
        var db = Path.Combine(folder, "sanoo.db");
        var store = await StoreAddress.OpenAsync("sqlite:" + db);
        var log = await ElectionLog.OpenAsync(store, null);
        var commission = await CommissionKeyFile.LoadAsync(
            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }),
            new FileInfo(Path.Combine(folder, "commission.key")), CancellationToken.None);
        var url = $"http://127.0.0.1:{Loopback.FreePort()}";
        var app = SanooServer.Create(
            log, new ServerOptions { Urls = url, PublishInterval = TimeSpan.FromMilliseconds(50) }, commission: commission);
        await SanooServer.StartAsync(app);
        try
        {
            // 2,494 pages from one address meet the server's public read limit on a fast machine: read as a patient client does.
            using var http = new HttpClient(new PatientHandler(TimeSpan.FromMinutes(5))) { BaseAddress = new Uri(url) };
            while ((await http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/status")).GetProperty("snapshot").GetInt64() < 1)
            {
                await Task.Delay(20);
            }
            var election = log.Election;
            var missing = new List<string>();
            string? firstStation = null, firstScan = null;
            for (var ordinal = 0; ordinal < election.StationCount; ordinal++)
            {
                var station = election.Areas[election.StationAreaIndex(ordinal)].Id.Value;
                var page = await http.GetStringAsync($"/en/station/{station}/");
                var scan = Thumbnail().Match(page);
                if (!scan.Success)
                {
                    missing.Add(station);
                }
                else if (firstStation is null)
                {
                    (firstStation, firstScan) = (station, scan.Groups[1].Value);
                }
            }
            Assert.True(missing.Count == 0, $"{missing.Count} station pages show no scan, e.g. {string.Join(", ", missing.Take(5))}");

            // Someone with the server's disk swaps one scan for other bytes under the same name (its hash).
            var key = Convert.ToBase64String(commission.PublicKey);
            var file = Path.Combine(db + ".images", firstScan![..2], firstScan[2..]);
            Assert.True(File.Exists(file), file);
            var bytes = await File.ReadAllBytesAsync(file);
            bytes[^20] ^= 0x5a;
            await File.WriteAllBytesAsync(file, bytes);
            var (code, report) = CliRun.Sanoo(
                "verify", "--url", url, "--commission-key", key, "--state", Path.Combine(folder, "verify-state.json"));
            Assert.True(code == VerifyCommand.Mismatch, report);
            Assert.Contains("IMAGE CHANGED", report, StringComparison.Ordinal);
            Assert.Contains($"(station {firstStation})", report, StringComparison.Ordinal);
            // Thousands of images read from one address meet the server's public read limit: the verifier waits as the server
            // asks instead of taking a limited read for a withheld image.
            Assert.DoesNotContain("not served", report, StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            await log.DisposeAsync();
            await log.Store.DisposeAsync();
        }
    }
}
