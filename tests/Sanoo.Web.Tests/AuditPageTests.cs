using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Sanoo.Core.Audits;
using Sanoo.Core.Definitions;
using Sanoo.Core.Register;
using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Testing;
using Sanoo.Web.Audits;
using Sanoo.Web.Publishing;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.Tests;

/// <summary>
/// <c>GET /api/v1/audit</c> and the audit's page <c>/{lang}/audit/</c> on a real server: without an audit both answer 404 and no
/// page links to it; with an audit of the kg-2021 party-list hand count recorded through the log (the plan, the first round from
/// the seed, every drawn station recounted by two operators as counted), they show the seed, the stations drawn and, once the
/// recounts are in, the decision, in three languages.
/// </summary>
public sealed class AuditPageTests : IAsyncLifetime
{
    private const string Seed = "32805417963180645971";
    private static readonly GeneratedElection Sample = Kg2021Generator.Generate();
    private static readonly ContestId List = new("list");
    private LoopbackServer _server = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync(Sample.DefinitionJson, _ => Task.CompletedTask);
        await _server.Log.SubmitAsync([.. Sample.Hand.Where(p => p.Contest == List)
            .Select(p => new Submission(p.Checked(Sample.Election), new Sender.File("hand.jsonl")))]);
    }

    /// <inheritdoc />
    public async Task DisposeAsync() => await _server.DisposeAsync();

    private HttpClient Client => _server.Client;

    private ElectionLog Log => _server.Log;

    [Fact]
    public async Task Without_an_audit_the_api_and_the_page_are_not_found_and_nothing_links_to_them()
    {
        await UntilAsync(async () => (await Client.GetAsync("/en/")).IsSuccessStatusCode);
        var answer = await Client.GetAsync("/api/v1/audit");
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var problem = await answer.Content.ReadFromJsonAsync(Wire.WireJson.Default.Problem);
        Assert.Equal("No audit", problem!.Title);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/en/audit/")).StatusCode);
        Assert.DoesNotContain("data-audit-link", await Client.GetStringAsync("/en/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_is_served_from_its_records_round_by_round_with_the_decision_in_three_languages()
    {
        var comparison = AuditManifest.Comparison(await Log.FreezeAsync(), [Sample.Election.Contest(List)!], new SourceId("hand"));
        var plan = new AuditPlanRecord(0, 0, DateTimeOffset.UtcNow, "cec", Seed, "0.05", "hand", ["list"]);
        await Log.RecordAuditAsync<int>((_, _) =>
        {
            var started = AuditBook.Of([plan]);
            return ([plan, .. started.Due(started.Course(comparison), comparison, plan.At, "cec")], 0);
        });

        var planned = await AuditAsync(a => a.Rounds.Count == 1);
        Assert.Equal(
            ("recounting", Seed, "0.05", "hand", Log.Position), (planned.State, planned.Seed, planned.RiskLimit, planned.Source, planned.LogSize));
        Assert.Equal(comparison.Batches.Length, planned.Stations);
        Assert.Equal(comparison.TotalWeight, planned.TotalWeight);
        Assert.Equal(comparison.Margins, planned.Assertions.Select(a => a.Margin));
        var round = planned.Rounds[0];
        var expected = AuditSampler.Draw(Seed, 1, round.Draws.Count, comparison.Weights).Select(b => comparison.Batches[b].Station.Value);
        Assert.Equal(expected, round.Draws);
        Assert.Equal(round.Draws.Count, round.Stations.Sum(s => s.Times));
        Assert.All(round.Stations, s => Assert.Equal(round.Draws.Count(d => d == s.Station), s.Times));
        Assert.All(round.Stations, s => Assert.False(s.Recounted));
        Assert.Null(round.Risk);
        var waiting = WebUtility.HtmlDecode(await Client.GetStringAsync("/en/audit/"));
        Assert.Contains(AuditWords.For("en").Recounting, waiting, StringComparison.Ordinal);
        Assert.Contains($"data-audit-seed>{Seed}<", waiting, StringComparison.Ordinal);
        Assert.Contains("data-audit-link", await Client.GetStringAsync("/ru/"), StringComparison.Ordinal);

        // Every drawn station recounted as counted, by two operators; a third station's single entry does not count.
        var drawn = round.Stations.Select(s => comparison.Batches.First(b => b.Station.Value == s.Station)).ToList();
        RegisterRecord[] entries = [.. drawn.SelectMany(b => new[] { "ann", "bob" }.Select(by =>
            new AuditRecountRecord(0, 0, DateTimeOffset.UtcNow, by, b.Station.Value, "list", b.Counts[0].Ballots, b.Counts[0].Votes)))];
        await Log.RecordAuditAsync<int>((_, _) => (entries, 0));
        var book = await Log.AuditAsync();
        await Log.RecordAuditAsync<int>((_, _) => (book.Due(book.Course(comparison), comparison, DateTimeOffset.UtcNow, "cec"), 0));

        var decided = await AuditAsync(a => a.State != "recounting");
        Assert.Equal("confirmed", decided.State);
        var done = Assert.Single(decided.Rounds);
        Assert.Equal("confirmed", done.Decision);
        Assert.True(double.Parse(done.Risk!, System.Globalization.CultureInfo.InvariantCulture) <= 0.05, done.Risk);
        Assert.All(done.Stations, s => Assert.Equal((true, 0.0, 2), (s.Recounted, s.Taint, s.Counts[0].Entries)));
        Assert.All(done.Stations, s => Assert.Equal(s.Counts[0].Reported, s.Counts[0].Recount));

        foreach (var lang in new[] { "en", "ru", "ky" })
        {
            var words = AuditWords.For(lang);
            var page = WebUtility.HtmlDecode(await Client.GetStringAsync($"/{lang}/audit/"));
            Assert.Contains(string.Format(Site.SiteLanguage.Of(lang).Culture, words.ConfirmedFormat, "5%"), page, StringComparison.Ordinal);
            Assert.Contains(words.NotCovered, page, StringComparison.Ordinal);
            Assert.Contains($"data-audit-seed>{Seed}<", page, StringComparison.Ordinal);
            Assert.Contains("sanoo verify --url URL --commission-key ", page, StringComparison.Ordinal);
            Assert.All(done.Stations, s => Assert.Contains($"<a href=\"/{lang}/station/{s.Station}/\">", page, StringComparison.Ordinal));
            Assert.Equal(done.Stations.Count, page.Split("data-audit-station=").Length - 1);
            Assert.True(lang == "en" || Latin(page, lang).Count == 0, $"English on /{lang}/audit/: {string.Join(" ", Latin(page, lang))}");
            var data = await Client.GetFromJsonAsync($"/{lang}/audit/data.json", Wire.WireJson.Default.AuditStatus);
            Assert.Equal(decided.Rounds[0].Draws, data!.Rounds[0].Draws);
        }
        Assert.Contains("The audit confirmed the reported outcome at a 5% risk limit.", await Client.GetStringAsync("/en/audit/"),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_published_copy_holds_the_audit_page_and_its_data_in_every_language()
    {
        var comparison = AuditManifest.Comparison(await Log.FreezeAsync(), [Sample.Election.Contest(List)!], new SourceId("hand"));
        var plan = new AuditPlanRecord(0, 0, DateTimeOffset.UtcNow, "cec", Seed, "0.05", "hand", ["list"]);
        await Log.RecordAuditAsync<int>((_, _) => ([plan], 0));
        using var commission = CommissionKey.Ephemeral();
        var (published, _) = await SnapshotPublisher.FreezeAsync(Log, commission, DateTimeOffset.UtcNow, null);
        await using var renderer = new Site.SiteRenderer(TimeSpan.FromSeconds(30));
        var folder = Path.Combine(Path.GetTempPath(), $"sanoo-audit-site-{Guid.NewGuid():N}");
        try
        {
            await new Site.StaticSite(new Site.SiteContent(Log, renderer)).WriteAsync(published!, folder, commissionKey: commission.PublicKey);
            foreach (var lang in new[] { "en", "ru", "ky" })
            {
                var page = await File.ReadAllTextAsync(Path.Combine(folder, lang, "audit", "index.html"));
                Assert.Contains($"data-audit-seed>{Seed}<", page, StringComparison.Ordinal);
                // The key as the reader sees it: HTML writes a base64 "+" as a character reference.
                Assert.Contains(Convert.ToBase64String(commission.PublicKey), System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
                var data = System.Text.Json.JsonSerializer.Deserialize(
                    await File.ReadAllBytesAsync(Path.Combine(folder, lang, "audit", "data.json")), Wire.WireJson.Default.AuditStatus);
                var drawn = AuditSampler.Draw(Seed, 1, data!.Rounds[0].Draws.Count, comparison.Weights);
                Assert.Equal(drawn.Select(b => comparison.Batches[b].Station.Value), data.Rounds[0].Draws);
                Assert.Contains("data-audit-link", await File.ReadAllTextAsync(Path.Combine(folder, lang, "index.html")), StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// The words in Latin letters a reader sees on a page in <paramref name="language"/>: outside tags, <c>code</c>, <c>pre</c>, the
    /// script and elements marked with another <c>lang</c>, less hashes, the definition's ids (a station without a name is shown by
    /// its id) and the names of formats, as the browser's <c>LanguageTests</c> keep them.
    /// </summary>
    private static List<string> Latin(string html, string language)
    {
        const RegexOptions Options = RegexOptions.Singleline;
        var text = Regex.Replace(html, "<(code|pre|script|style|title)[^>]*>.*?</\\1>", " ", Options);
        text = Regex.Replace(text, $"<(a|span)[^>]*\\blang=\"(?!{language}\")[^\"]*\"[^>]*>.*?</\\1>", " ", Options);
        text = Regex.Replace(Regex.Replace(text, "<[^>]+>", " "), "\\b[0-9a-f]{16,}\\b", " ");
        var ids = Sample.Election.Areas.Select(a => a.Id.Value).ToHashSet(StringComparer.Ordinal);
        return [.. Regex.Matches(text, "[A-Za-z][A-Za-z0-9]*").Select(m => m.Value)
            .Where(w => !ids.Contains(w) && w is not ("JSON" or "URL" or "CSV" or "SHA" or "UTC")).Distinct()];
    }

    private async Task<Wire.AuditStatus> AuditAsync(Func<Wire.AuditStatus, bool> until)
    {
        Wire.AuditStatus? audit = null;
        await UntilAsync(async () =>
        {
            var answer = await Client.GetAsync("/api/v1/audit");
            audit = answer.IsSuccessStatusCode ? await answer.Content.ReadFromJsonAsync(Wire.WireJson.Default.AuditStatus) : null;
            return audit is not null && until(audit);
        });
        return audit!;
    }

    private static async Task UntilAsync(Func<Task<bool>> done)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the audit was not published in time");
            await Task.Delay(50);
        }
    }
}
