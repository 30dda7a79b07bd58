using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Sanoo.Core.Protocols;
using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Storage;
using Sanoo.Testing;
using Sanoo.Web;
using Sanoo.Web.Publishing;

namespace Sanoo.Cli.Tests;

/// <summary>
/// A station device sends its protocol with the photo of the signed paper (<c>sanoo submit --image</c>); an observer's
/// <c>sanoo verify</c> re-hashes every image a log entry names and catches one changed in the store, naming the station.
/// </summary>
public sealed class ImageCommandTests : IDisposable
{
    private static readonly GeneratedElection Sample = Kg2021Generator.Generate();
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-images-").FullName;
    private readonly CommissionKey _commission = CommissionKey.Ephemeral();

    private string PathOf(string name) => Path.Combine(_folder, name);


    private (int Code, string Output) Verify(string url, params string[] more) =>
        CliRun.Sanoo([
            "verify", "--url", url, "--commission-key", Convert.ToBase64String(_commission.PublicKey), "--state", PathOf("state.json"), .. more]);

    [Fact]
    public async Task A_photo_sent_with_sanoo_submit_is_stripped_signed_and_verified_and_a_changed_image_file_fails_verify_naming_the_station()
    {
        var db = $"sqlite:{PathOf("store.db")}";
        var store = await StoreAddress.OpenAsync(db);
        var log = await ElectionLog.OpenAsync(store, Sample.DefinitionJson);
        var (made, keyOutput) = CliRun.Sanoo("keys", "new", "--station", "s0001", "--out", PathOf("s0001.key"));
        Assert.True(made == 0, keyOutput);
        var publicKey = keyOutput.Trim().Split('\n')[^1].Trim();
        Assert.Equal(0, CliRun.Sanoo("keys", "enrol", "--db", db, "--station", "s0001", "--public-key", publicKey).ExitCode);
        var machine = Sample.Machine.First(p => p.Station.Value == "s0001" && p.Contest.Value == "list");
        File.WriteAllText(PathOf("s0001.jsonl"), Encoding.UTF8.GetString(ProtocolWriter.Canonical(Sample.Election, machine)) + "\n");
        File.WriteAllBytes(PathOf("photo.jpg"), TestImages.JpegWithGps());
        var port = Loopback.FreePort();
        var url = $"http://127.0.0.1:{port}";
        var app = SanooServer.Create(
            log,
            new ServerOptions { Urls = url, PublishInterval = TimeSpan.FromMilliseconds(50), AccessRefresh = TimeSpan.FromMilliseconds(100) },
            commission: _commission);
        await SanooServer.StartAsync(app);
        try
        {
            var (code, output) = CliRun.Sanoo(
                "submit", "--key", PathOf("s0001.key"), "--url", url, "--image", PathOf("photo.jpg"), PathOf("s0001.jsonl"));
            Assert.True(code == 0, output);
            Assert.Contains("metadata stripped", output, StringComparison.Ordinal);
            Assert.Contains("accepted at log position 1", output, StringComparison.Ordinal);
            var entry = (await log.StationEntriesAsync(new Core.Definitions.AreaId("s0001"))).Single();
            var named = ProtocolImage.InCanonical(entry.Canonical.AsSpan());
            Assert.NotNull(named);
            Assert.Equal("image/jpeg", named.MediaType);
            var stored = await log.ImageAsync([.. named.Sha256]);
            Assert.NotNull(stored);
            Assert.Equal(named.Hex, Convert.ToHexStringLower(SHA256.HashData(stored.Bytes)));
            Assert.DoesNotContain("Exif", Encoding.Latin1.GetString(stored.Bytes), StringComparison.Ordinal);
            using (var http = new HttpClient { BaseAddress = new Uri(url) })
            {
                while ((await http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/status")).GetProperty("snapshot").GetInt64() < 1)
                {
                    await Task.Delay(20);
                }
            }

            var (verified, report) = Verify(url);
            Assert.True(verified == 0, report);
            Assert.Contains("Images: 1 named by entries and 0 by reports only, each downloaded and re-hashed", report, StringComparison.Ordinal);

            // sanoo publish writes the image and its thumbnail at the server's addresses, and the station page links them.
            var site = PathOf("site");
            var (published, said) = CliRun.Sanoo("publish", "--db", db, "--out", site);
            Assert.True(published == 0, said);
            Assert.Equal(stored.Bytes, File.ReadAllBytes(Path.Combine(site, "api", "v1", "images", named.Hex)));
            Assert.True(File.Exists(Path.Combine(site, "api", "v1", "thumbnails", named.Hex)));
            var page = File.ReadAllText(Path.Combine(site, "en", "station", "s0001", "index.html"));
            Assert.Contains($"/api/v1/thumbnails/{named.Hex}", page, StringComparison.Ordinal);

            // Someone with the server's disk swaps the photo for another one, keeping its file name (its hash).
            var file = Path.Combine(PathOf("store.db.images"), named.Hex[..2], named.Hex[2..]);
            Assert.True(File.Exists(file));
            File.WriteAllBytes(file, TestImages.Jpeg(shade: 10));
            var (caught, alarm) = Verify(url);
            Assert.Equal(Commands.VerifyCommand.Mismatch, caught);
            Assert.Contains("IMAGE CHANGED", alarm, StringComparison.Ordinal);
            Assert.Contains("station s0001", alarm, StringComparison.Ordinal);
            var (skipped, quiet) = Verify(url, "--skip-images");
            Assert.True(skipped == 0, quiet);
            Assert.Contains("not downloaded (--skip-images)", quiet, StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            await log.DisposeAsync();
            await log.Store.DisposeAsync();
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
