using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using NSec.Cryptography;
using Sanoo.Cli.Commands;
using Sanoo.Cli.Sheets;
using Sanoo.Core.Protocols;
using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Testing;
using Sanoo.Web;
using Sanoo.Web.Publishing;
using SkiaSharp;

namespace Sanoo.Cli.Tests;

/// <summary>
/// A printed protocol sheet, photographed with a phone: <c>sanoo protocol-sheet</c> renders a counted Kyrgyz station from a real
/// server, the test "photographs" it (tilted, scaled down, blurred, noisy, JPEG), and <c>sanoo check-sheet</c> reads it back and
/// finds the log entry; a sheet with one figure changed is refused, naming the figure.
/// </summary>
public sealed class ProtocolSheetTests : IDisposable
{
    private static readonly GeneratedElection Sample = Kg2021Generator.Generate();
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-sheet-").FullName;
    private readonly CommissionKey _commission = CommissionKey.Ephemeral();

    private string Db => Path.Combine(_folder, "store.db");

    private string PathOf(string name) => Path.Combine(_folder, name);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A server holding 40 hand counts and station s0001's machine count signed by its enrolled device.</summary>
    private async Task<(ElectionLog Log, WebApplication App, long Sequence)> StartAsync()
    {
        var (log, app) = await TamperDrill.StartAsync(
            Db,
            Sample.DefinitionJson,
            new ServerOptions { Urls = "http://127.0.0.1:0", PublishInterval = TimeSpan.FromMilliseconds(50) },
            _commission);
        using var device = Key.Create(SignatureAlgorithm.Ed25519);
        await log.Store.EnrolDeviceAsync(new Storage.Access.DeviceKey(
            new Core.Definitions.AreaId("s0001"), device.PublicKey.Export(KeyBlobFormat.RawPublicKey), DateTimeOffset.UtcNow.AddHours(-1), "cec"));
        await log.Store.AddOperatorAsync(
            new Storage.Access.Operator("test", Storage.Access.OperatorRole.Admin, null, SHA256.HashData("test"u8)));
        await log.SubmitAsync([.. Sample.Hand.Take(40).Select(p => new Submission(p.Checked(Sample.Election), new Sender.Operator("test")))]);
        var machine = Sample.Machine.First(p => p.Station.Value == "s0001");
        var receipt = await log.SubmitAsync(new Submission(machine.Checked(Sample.Election), new Sender.Device(machine.Station),
            SignatureAlgorithm.Ed25519.Sign(device, ProtocolWriter.Canonical(Sample.Election, machine))));
        await log.SubmitAsync(
            [.. Sample.Hand.Skip(40).Take(20).Select(p => new Submission(p.Checked(Sample.Election), new Sender.Operator("test")))]);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        while ((await http.GetFromJsonAsync<JsonElement>("/api/v1/status")).GetProperty("snapshot").GetInt64() < 61)
        {
            await Task.Delay(20);
        }
        return (log, app, receipt.Sequence);
    }

    /// <summary>Runs check-sheet; its output with every run of white space made one space, as the console wraps long lines.</summary>
    private (int Code, string Output) Check(string image, WebApplication app)
    {
        var (code, output) = CliRun.Sanoo(
            "check-sheet", image, "--url", app.Urls.First(), "--commission-key", Convert.ToBase64String(_commission.PublicKey));
        return (code, System.Text.RegularExpressions.Regex.Replace(output, @"\s+", " "));
    }

    [Fact]
    public async Task A_photographed_sheet_is_read_back_and_found_in_the_log_and_one_changed_figure_is_refused_by_name()
    {
        var (log, app, sequence) = await StartAsync();
        try
        {
            var (code, output) = CliRun.Sanoo("protocol-sheet", "--station", "s0001", "--url", app.Urls.First(), "--source", "machine",
                "--out", PathOf("s0001.pdf"), "--png", PathOf("s0001.png"));
            Assert.True(code == 0, output);
            Assert.Contains($"log position {sequence}", output, StringComparison.Ordinal);
            using (var pdf = PdfSharp.Pdf.IO.PdfReader.Open(PathOf("s0001.pdf"), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import))
            {
                Assert.Equal(1, pdf.PageCount);
                Assert.Equal(595, pdf.Pages[0].Width.Point, 3);
            }
            Assert.DoesNotContain("Fonts:", output, StringComparison.Ordinal); // the Cyrillic names found a font

            var phone = new SheetPhoto.Conditions(Degrees: 4, Scale: 0.55f, Blur: 1.2f, Noise: 28, Quality: 60);
            File.WriteAllBytes(PathOf("photo.jpg"), SheetPhoto.Take(File.ReadAllBytes(PathOf("s0001.png")), phone));
            (code, output) = Check(PathOf("photo.jpg"), app);
            Assert.True(code == SanooCli.Ok, output);
            Assert.Contains("MATCH", output, StringComparison.Ordinal);
            Assert.Contains($"exactly log entry {sequence}", output, StringComparison.Ordinal);
            Assert.Contains("device signature, verified", output, StringComparison.Ordinal);
            Assert.Contains("verified inclusion proof", output, StringComparison.Ordinal);

            // The same station's sheet with one vote moved onto the first party: drawn as protocol-sheet draws, photographed the same way.
            var machine = Sample.Machine.First(p => p.Station.Value == "s0001");
            var forged = machine with { Votes = machine.Votes.SetItem(0, machine.Votes[0] + 1) };
            var published = await SignedPayload(app, machine);
            Assert.Equal(machine, published.Protocol);
            var (png, _) = SheetRenderer.RenderPng(Sample.Election, published with { Protocol = forged }, "ky");
            File.WriteAllBytes(PathOf("forged.jpg"), SheetPhoto.Take(png, new SheetPhoto.Conditions(-3, 0.6f, 1f, 20, 70)));
            (code, output) = Check(PathOf("forged.jpg"), app);
            var first = Sample.Election.DefaultContest.Choices[0].Id;
            Assert.True(code == VerifyCommand.Mismatch, output);
            Assert.Contains("MISMATCH", output, StringComparison.Ordinal);
            Assert.Contains($"choice {first} (", output, StringComparison.Ordinal);
            Assert.Contains($"published {machine.Votes[0]}, sheet {machine.Votes[0] + 1}", output, StringComparison.Ordinal);
            Assert.Contains("does not verify over the sheet's figures", output, StringComparison.Ordinal);

            // One form line changed instead: the valid ballots, one more than counted.
            var form = Sample.Election.DefaultContest.Form.Lines;
            var valid = form.IndexOf(form.First(l => l.Id.Value == "valid"));
            var line = machine with { Lines = machine.Lines.SetItem(valid, machine.Lines[valid] + 1) };
            (png, _) = SheetRenderer.RenderPng(Sample.Election, published with { Protocol = line }, "ru");
            File.WriteAllBytes(PathOf("line.jpg"), SheetPhoto.Take(png, new SheetPhoto.Conditions(2, 0.5f, 1f, 20, 70)));
            (code, output) = Check(PathOf("line.jpg"), app);
            Assert.True(code == VerifyCommand.Mismatch, output);
            Assert.Contains("line valid (", output, StringComparison.Ordinal);
            Assert.Contains($"published {machine.Lines[valid]}, sheet {machine.Lines[valid] + 1}", output, StringComparison.Ordinal);
            Assert.DoesNotContain("choice ", output, StringComparison.Ordinal);
        }
        finally
        {
            await TamperDrill.StopAsync(log, app);
        }
        // The store gives the same sheet as the server's public API, pixel for pixel.
        var (fromStore, said) = CliRun.Sanoo("protocol-sheet", "--station", "s0001", "--db", $"sqlite:{Db}", "--source", "machine",
            "--out", PathOf("store.pdf"), "--png", PathOf("store.png"));
        Assert.True(fromStore == 0, said);
        Assert.Equal(File.ReadAllBytes(PathOf("s0001.png")), File.ReadAllBytes(PathOf("store.png")));
    }

    [Fact]
    public void An_image_without_a_qr_code_and_a_server_that_cannot_be_reached_are_each_said_plainly()
    {
        using (var blank = new SKBitmap(900, 1200))
        {
            using (var canvas = new SKCanvas(blank))
            {
                canvas.Clear(SKColors.White);
                using var ink = new SKPaint { Color = SKColors.Black };
                canvas.DrawRect(100, 100, 300, 40, ink);
                canvas.DrawRect(100, 200, 600, 40, ink);
            }
            using var image = SKImage.FromBitmap(blank);
            using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 80);
            File.WriteAllBytes(PathOf("blank.jpg"), jpeg.ToArray());
        }
        var (code, output) = CliRun.Sanoo("check-sheet", PathOf("blank.jpg"), "--url", "http://127.0.0.1:1/");
        Assert.Equal(CheckSheetCommand.Unreadable, code);
        Assert.Contains("UNREADABLE", output, StringComparison.Ordinal);
        Assert.Contains("no QR code could be read", output, StringComparison.Ordinal);

        var (notAnImage, said) = CliRun.Sanoo("check-sheet", WriteDefinition(), "--url", "http://127.0.0.1:1/");
        Assert.Equal(CheckSheetCommand.Unreadable, notAnImage);
        Assert.Contains("not an image", said, StringComparison.Ordinal);

        // A real sheet, and no server where the URL points.
        var machine = Sample.Machine.First(p => p.Station.Value == "s0002");
        var (png, _) = SheetRenderer.RenderPng(Sample.Election, new SheetPayload(machine, [.. new byte[64]]), "ru");
        File.WriteAllBytes(PathOf("s0002.png"), png);
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // a port nobody listens on
        (code, output) = CliRun.Sanoo("check-sheet", PathOf("s0002.png"), "--url", $"http://127.0.0.1:{port}/");
        Assert.Equal(CheckSheetCommand.Unreachable, code);
        Assert.Contains("UNREACHABLE", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    private string WriteDefinition()
    {
        File.WriteAllBytes(PathOf("election.json"), Sample.DefinitionJson);
        return PathOf("election.json");
    }

    /// <summary>The payload the server's entry gives for <paramref name="protocol"/>: its published signature.</summary>
    private static async Task<SheetPayload> SignedPayload(WebApplication app, Protocol protocol)
    {
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var (found, why) = await CountedProtocol.FromServerAsync(http, protocol.Station.Value, null, protocol.Source.Value, CancellationToken.None);
        return found?.Payload ?? throw new InvalidOperationException(why);
    }
}
