using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Sanoo.Contracts;
using Sanoo.Storage.Access;

namespace Sanoo.Web.Tests;

/// <summary>The "how to check these numbers" page: in every language, with the commission's key, the log's state and the commands.</summary>
public class VerifyPageTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task The_page_gives_the_commissions_key_the_logs_signed_state_and_the_exact_commands_in_kyrgyz_russian_and_english()
    {
        var key = Convert.ToBase64String(server.CommissionPublicKey);
        foreach (var (lang, words) in new[]
        {
            ("ky", Site.VerifyPageWords.For("ky")), ("ru", Site.VerifyPageWords.For("ru")), ("en", Site.VerifyPageWords.For("en")),
        })
        {
            var page = WebUtility.HtmlDecode(await server.Client.GetStringAsync($"/{lang}/verify/"));
            Assert.Contains(words.Title, page, StringComparison.Ordinal);
            Assert.Contains($"<code data-commission-key>{key}</code>", page, StringComparison.Ordinal);
            Assert.Contains($"sanoo verify --url URL --commission-key {key}", page, StringComparison.Ordinal);
            Assert.Matches("data-verify-head>[^<]*[0-9a-f]{64}[^<]*[0-9a-f]{64}", page); // the signed head: the log's root, the register's
            Assert.Contains(words.Limits, page, StringComparison.Ordinal);
            // Every page leads here.
            var home = await server.Client.GetStringAsync($"/{lang}/");
            Assert.Contains($"href=\"/{lang}/verify/\" data-verify-link", home, StringComparison.Ordinal);
            Assert.Contains( // an icon in the page: no favicon.ico asked for and missing
                $"<link rel=\"icon\" href=\"{Site.SiteAssets.IconHref}\"", WebUtility.HtmlDecode(home), StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/xx/verify/")).StatusCode);
    }

    [Fact]
    public async Task The_page_shows_the_head_signed_after_a_register_record_that_is_not_an_act_not_the_head_before_it()
    {
        // A witness enrolled moves the register, not the numbers or the acts: the server signs a new head over the same snapshot,
        // whose kept answers that head shares. The page shows the head, so it must be the new one's, under a new entity tag.
        var before = await HeadAsync();
        using var first = await server.Client.GetAsync("/en/verify/");
        Assert.Contains($"register of {before.RegisterSize:N0} records", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await server.Log.EnrolWitnessAsync(new Witness("Page Mission", RandomNumberGenerator.GetBytes(32), DateTimeOffset.UtcNow, "chair"));
        var after = before;
        for (var wait = 0; wait < 200 && after.RegisterSize == before.RegisterSize; wait++)
        {
            await Task.Delay(50);
            after = await HeadAsync();
        }
        Assert.Equal((before.TreeSize, before.RegisterSize + 1), (after.TreeSize, after.RegisterSize));
        using var again = await server.Client.GetAsync("/en/verify/");
        var page = await again.Content.ReadAsStringAsync();
        Assert.Contains($"register of {after.RegisterSize:N0} records, root {after.RegisterRoot}", page, StringComparison.Ordinal);
        Assert.NotEqual(first.Headers.ETag, again.Headers.ETag);
    }

    private async Task<TreeHead> HeadAsync() => (await server.Client.GetFromJsonAsync("/api/v1/tree-head", WireJson.Default.TreeHead))!;
}
