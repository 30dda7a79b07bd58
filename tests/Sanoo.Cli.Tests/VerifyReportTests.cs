using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Sanoo.Core.Definitions;
using Sanoo.Core.Register;
using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Storage.Access;
using Sanoo.Storage.Acts;
using Sanoo.Web;
using Sanoo.Web.Publishing;

namespace Sanoo.Cli.Tests;

/// <summary>
/// <c>sanoo verify</c> replays observers' reports: honest reports by accredited observers, answered once by an admin, verify; a
/// report written into the store by someone who was no observer, one outside the observer's accreditation, and a second answer by a
/// district operator each fail the verification, naming the record.
/// </summary>
public sealed class VerifyReportTests : IDisposable
{
    private static readonly GeneratedElection Sample = Kg2021Generator.Generate();
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-verify-reports-").FullName;
    private readonly CommissionKey _commission = CommissionKey.Ephemeral();

    private string Db => Path.Combine(_folder, "store.db");

    private static AreaId D01 => new("d01");

    private static string InD01 => Sample.Election.Areas.First(a => a.IsStation && a.Parent == D01).Id.Value;

    private static string Outside => Sample.Election.Areas.First(a => a.IsStation && a.Parent?.Value == "d26").Id.Value;

    private Task<(ElectionLog Log, WebApplication App)> StartAsync() => TamperDrill.StartAsync(
        Db,
        Sample.DefinitionJson,
        new ServerOptions { Urls = "http://127.0.0.1:0", PublishInterval = TimeSpan.FromMilliseconds(50) },
        _commission);

    private async Task<(int Code, string Output)> VerifyAsync(WebApplication app)
    {
        // The tree head is signed over every register record written so far before the verifier fetches it.
        await app.Services.GetRequiredService<SnapshotPublisher>().ActedAsync();
        return Verify(app);
    }

    private (int Code, string Output) Verify(WebApplication app) =>
        CliRun.Sanoo("verify", "--url", app.Urls.First(), "--commission-key", Convert.ToBase64String(_commission.PublicKey), "--state",
            Path.Combine(_folder, $"state-{Guid.NewGuid():N}.json"));

    private static ReportRecord Report(string by, string station, string what = "not-posted", string text = "") =>
        new(0, 0, DateTimeOffset.UtcNow, by, 0, station, null, what, text, null);

    /// <summary>An admin, a district operator of d01, an observer of d01; a recount, two reports by the observer, one answered.</summary>
    private static async Task HonestAsync(ElectionLog log)
    {
        await log.Store.AddOperatorAsync(new Operator("cec", OperatorRole.Admin, null, SHA256.HashData("cec"u8)));
        await log.Store.AddOperatorAsync(new Operator("dec", OperatorRole.District, D01, SHA256.HashData("dec"u8)));
        await log.Store.AddOperatorAsync(new Operator("aigul", OperatorRole.Observer, D01, SHA256.HashData("aigul"u8)));
        var (order, _) = await log.OrderRecountUnlessOpenAsync(
            new RecountOrder(0, new AreaId(InD01), new ContestId("list"), "an observer's report", "dec", DateTimeOffset.UtcNow));
        var filed = await log.FileReportAsync(Report("aigul", InD01, "image-differs", "312 on the photo, 321 on the site"), 30, 500);
        Assert.NotNull(filed.Report);
        await log.FileReportAsync(Report("aigul", InD01, "other", "the seals were broken"), 30, 500);
        var (outcome, _) = await log.AnswerReportAsync(
            new ReportAnswerRecord(0, 0, DateTimeOffset.UtcNow, "cec", filed.Report.Number, "accepted", "", order.Sequence, null));
        Assert.Equal(AnswerOutcome.Recorded, outcome);
    }

    [Fact]
    public async Task Honest_reports_and_answers_verify_and_are_counted()
    {
        var (log, app) = await StartAsync();
        await HonestAsync(log);
        var (code, output) = await VerifyAsync(app);
        await TamperDrill.StopAsync(log, app);
        Assert.True(code == 0, output);
        Assert.Contains("Register: observers' reports: 2 (1 open, 1 accepted, 0 rejected).", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_forged_by_an_insider_for_someone_who_was_no_observer_fails_the_verification()
    {
        var (log, app) = await StartAsync();
        await HonestAsync(log);
        // The insider writes to the store, past the API's checks: a report by the district operator, one outside the observer's
        // accreditation, and a second answer to report 1 by the district operator.
        await log.FileReportAsync(Report("dec", InD01), 30, 500);
        await log.FileReportAsync(Report("aigul", Outside), 30, 500);
        await log.Store.RecordOverKindsAsync<bool>([], (_, slot) =>
            ([new ReportAnswerRecord(slot.Next, slot.LogSize, DateTimeOffset.UtcNow, "dec", 1, "rejected", "no", null, null)], true));
        await log.CatchUpAsync(); // the store was written behind the log's back: the log reads it into the register's tree now
        var (code, output) = await VerifyAsync(app);
        await TamperDrill.StopAsync(log, app);
        Assert.Equal(Commands.VerifyCommand.Mismatch, code);
        var text = output.ReplaceLineEndings("");
        Assert.Contains(
            $"report 3 of station {InD01} is by dec, who was not then an enrolled observer or party agent", text, StringComparison.Ordinal);
        Assert.Contains($"report 4 is on station {Outside}, outside aigul's accreditation (d01)", text, StringComparison.Ordinal);
        Assert.Contains("the answer to report 1 is a second answer", text, StringComparison.Ordinal);
        Assert.Contains("the answer to report 1 is by dec, who was not then an enrolled admin", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_observers_photo_changed_on_the_servers_disk_fails_the_verification_naming_the_report()
    {
        var (log, app) = await StartAsync();
        await HonestAsync(log);
        var (image, _, problem) = Web.Images.ImageCheck.Check(Testing.TestImages.Jpeg(shade: 90), "image/jpeg", 1 << 20);
        Assert.True(image is not null, problem);
        await log.PutImageAsync(image);
        var hex = Convert.ToHexStringLower(image.Sha256);
        var filed = await log.FileReportAsync(Report("aigul", InD01, "copy-differs", "our copy") with { PhotoSha256 = [.. image.Sha256] }, 30, 500);
        var (honest, said) = await VerifyAsync(app);
        Assert.True(honest == 0, said);
        Assert.Contains("Images: 0 named by entries and 1 by reports only, each downloaded and re-hashed", said, StringComparison.Ordinal);

        // Someone with the server's disk swaps the photo for another one under the same name (its hash).
        File.WriteAllBytes(Path.Combine(_folder, "store.db.images", hex[..2], hex[2..]), Testing.TestImages.Jpeg(shade: 20));
        var (code, output) = Verify(app);
        await TamperDrill.StopAsync(log, app);
        Assert.Equal(Commands.VerifyCommand.Mismatch, code);
        Assert.Contains($"IMAGE CHANGED: report {filed.Report!.Number} (station {InD01}) names image {hex[..16]}",
            output.ReplaceLineEndings(""), StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _commission.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
