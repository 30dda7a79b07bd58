using System.Net;

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
}
