using System.Net;
using System.Net.Http.Json;
using Sanoo.Log;
using Sanoo.Testing;

namespace Sanoo.Web.Tests;

/// <summary>
/// The commission's statements, reasons and outcomes in several languages: the text as entered, the language it is written in
/// and translations into the definition's languages, refused when a code is not one of them, shown by each page in its language.
/// </summary>
public class TranslatedActsTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Refused = "The request cannot be read";

    private async Task<HttpResponseMessage> Post(string path, object body, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token);
        return await server.Client.SendAsync(request);
    }

    private async Task<string> RefusedAsync(string path, object body, string token)
    {
        var answer = await Post(path, body, token);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var text = await answer.Content.ReadAsStringAsync();
        Assert.Contains(Refused, text, StringComparison.Ordinal);
        return text;
    }

    [Fact]
    public async Task A_code_the_definition_lacks_an_empty_or_too_long_translation_is_refused_naming_it_and_nothing_is_recorded()
    {
        var district = ServerFixture.DistrictToken;
        Assert.Contains("$.translations.de", await RefusedAsync(
            "/api/v1/recounts",
            new { station = "s0004", contest = "list", reason = "seals broken", translations = new { de = "Siegel gebrochen" } },
            district), StringComparison.Ordinal);
        Assert.Contains("$.language", await RefusedAsync(
            "/api/v1/recounts", new { station = "s0004", contest = "list", reason = "seals broken", language = "de" }, district),
            StringComparison.Ordinal);
        Assert.Contains("$.translations.ru: is empty", await RefusedAsync(
            "/api/v1/recounts",
            new { station = "s0004", contest = "list", reason = "seals broken", translations = new { ru = "  " } },
            district), StringComparison.Ordinal);
        Assert.Contains("$.translations.ru: is 1,001 characters long; at most 1,000", await RefusedAsync(
            "/api/v1/recounts",
            new { station = "s0004", contest = "list", reason = "seals broken", translations = new { ru = new string('я', 1001) } },
            district), StringComparison.Ordinal);
        Assert.Contains("$.translations.en: is in 'en'", await RefusedAsync(
            "/api/v1/recounts",
            new { station = "s0004", contest = "list", reason = "seals broken", language = "en", translations = new { en = "again" } },
            district), StringComparison.Ordinal);
        Assert.Contains("$.translations: expected an object", await RefusedAsync(
            "/api/v1/recounts", new { station = "s0004", contest = "list", reason = "seals broken", translations = "ru" }, district),
            StringComparison.Ordinal);
        Assert.Contains("$.translations.xx", await RefusedAsync(
            "/api/v1/certifications", new { statement = "certified", translations = new { xx = "?" } }, ServerFixture.AdminToken),
            StringComparison.Ordinal);
        Assert.Contains("$.translations.ky", await RefusedAsync(
            "/api/v1/recounts/1/outcome", new { outcome = "confirmed", translations = new { ky = 5 } }, ServerFixture.AdminToken),
            StringComparison.Ordinal);

        var recounts = await server.Client.GetFromJsonAsync("/api/v1/recounts", Contracts.WireJson.Default.RecountList);
        Assert.DoesNotContain(recounts!.Recounts, r => r.Station == "s0004");
    }

    [Fact]
    public async Task A_recount_given_in_several_languages_is_recorded_read_back_and_shown_in_each_pages_language()
    {
        var ordered = await Post(
            "/api/v1/recounts",
            new
            {
                station = "s0005",
                contest = "list",
                reason = "machine and hand counts differ by 9 votes",
                language = "en",
                translations = new { ru = "данные АСУ и ручного подсчёта расходятся на 9 голосов" },
            },
            ServerFixture.DistrictToken);
        Assert.Equal(HttpStatusCode.Created, ordered.StatusCode);
        var order = (await ordered.Content.ReadFromJsonAsync(Contracts.WireJson.Default.RecountOrdered))!.Recount;
        Assert.Equal("en", order.Language);
        Assert.Equal("данные АСУ и ручного подсчёта расходятся на 9 голосов", order.Translations!["ru"]);
        var found = await Post(
            $"/api/v1/recounts/{order.Sequence}/outcome",
            new
            {
                outcome = "кол менен эсептөө тастыкталды",
                language = "ky",
                translations = new { ru = "ручной подсчёт подтверждён", en = "the hand count was confirmed" },
            },
            ServerFixture.DistrictToken);
        Assert.Equal(HttpStatusCode.Created, found.StatusCode);

        var recounts = await server.Client.GetFromJsonAsync("/api/v1/recounts", Contracts.WireJson.Default.RecountList);
        var recount = Assert.Single(recounts!.Recounts, r => r.Id == order.Sequence);
        Assert.Equal("en", recount.Language);
        Assert.Equal(["ru"], recount.Translations!.Keys);
        Assert.Equal("ky", recount.Outcomes[0].Language);
        Assert.Equal("the hand count was confirmed", recount.Outcomes[0].Translations!["en"]);

        var ru = WebUtility.HtmlDecode(await server.Client.GetStringAsync("/ru/station/s0005/"));
        Assert.Contains("<td>данные АСУ и ручного подсчёта расходятся на 9 голосов</td>", ru, StringComparison.Ordinal);
        Assert.Contains("<td>ручной подсчёт подтверждён</td>", ru, StringComparison.Ordinal);
        Assert.DoesNotContain("differ by 9 votes", ru, StringComparison.Ordinal);
        var en = WebUtility.HtmlDecode(await server.Client.GetStringAsync("/en/station/s0005/"));
        Assert.Contains("<td>machine and hand counts differ by 9 votes</td>", en, StringComparison.Ordinal);
        Assert.Contains("<td>the hand count was confirmed</td>", en, StringComparison.Ordinal);
        var ky = WebUtility.HtmlDecode(await server.Client.GetStringAsync("/ky/station/s0005/"));
        Assert.Contains(
            "<span lang=\"en\" data-entered>machine and hand counts differ by 9 votes</span>", ky, StringComparison.Ordinal);
        Assert.Contains("<td>кол менен эсептөө тастыкталды</td>", ky, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certification_in_several_languages_is_quoted_by_the_stage_sentence_in_the_pages_language()
    {
        var sample = ServerFixture.Sample;
        await server.Log.SubmitAsync([.. sample.Hand.Select(p => new Submission(p.Checked(sample.Election), new Sender.File("hand.jsonl")))]);
        await server.WaitForSnapshotAsync(server.Log.Position);
        var certified = await Post(
            "/api/v1/certifications",
            new
            {
                statement = "The CEC certifies the result.",
                language = "en",
                translations = new { ru = "ЦИК утверждает результаты выборов." },
            },
            ServerFixture.AdminToken);
        Assert.Equal(HttpStatusCode.Created, certified.StatusCode);
        await server.WaitForSnapshotAsync(server.Log.Position);

        var certifications = await server.Client.GetFromJsonAsync("/api/v1/certifications", Contracts.WireJson.Default.CertificationList);
        var certification = Assert.Single(certifications!.Certifications);
        Assert.Equal("en", certification.Language);
        Assert.Equal("ЦИК утверждает результаты выборов.", certification.Translations!["ru"]);

        var ru = WebUtility.HtmlDecode(await server.Client.GetStringAsync("/ru/"));
        Assert.Contains("«ЦИК утверждает результаты выборов.»</p>", ru, StringComparison.Ordinal);
        Assert.DoesNotContain("The CEC certifies", ru, StringComparison.Ordinal);
        var en = WebUtility.HtmlDecode(await server.Client.GetStringAsync("/en/"));
        Assert.Contains("“The CEC certifies the result.”</p>", en, StringComparison.Ordinal);
        var ky = WebUtility.HtmlDecode(await server.Client.GetStringAsync("/ky/"));
        Assert.Contains("«<span lang=\"en\" data-entered>The CEC certifies the result.</span>»</p>", ky, StringComparison.Ordinal);
    }
}
