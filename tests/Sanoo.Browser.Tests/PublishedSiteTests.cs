using Sanoo.Testing;
using Sanoo.Web.Site;

namespace Sanoo.Browser.Tests;

/// <summary>The site written by <c>sanoo publish</c>, served by nginx, reads like the live one.</summary>
[Collection(ResultsSiteGroup.Name)]
public sealed class PublishedSiteTests(ResultsSite site)
{
    [Fact]
    public async Task The_published_folder_served_by_nginx_is_the_same_site()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("sanoo-published-").FullName, "site");
        try
        {
            var published = site.Published;
            var summary = await new StaticSite(site.Service<SiteContent>()).WriteAsync(published, folder);
            Assert.Equal(3 * ResultsSite.Sample.Election.Areas.Length, summary.Pages);
            // page files; snapshot, root index, protocols, style, script; the ledger in 3 languages; the reports page of every
            // area above the stations in 3 languages; the forensics page and its data.json of every such area in 3 languages
            var reportPages = 3 * ResultsSite.Sample.Election.Areas.Count(a => !a.IsStation);
            Assert.Equal((3 * summary.Pages) + 5 + 9 + reportPages + (2 * reportPages), summary.Files);
            using var nginx = await NginxServer.StartAsync(folder);

            await using var context = await site.Browser.NewContextAsync(
                new() { Locale = "ky-KG", ViewportSize = new() { Width = 390, Height = 844 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync(nginx.Address.ToString());
            await page.WaitForURLAsync("**/ky/");
            await PageChecks.AssertSoundAsync(page, "ky");
            Assert.Equal(
                published.Snapshot!.Position.ToString(System.Globalization.CultureInfo.InvariantCulture),
                await page.GetAttributeAsync("body", "data-snapshot"));
            foreach (var next in new[] { "tr[data-area=osh-oblast] a", "tr[data-area] a", "tr[data-area] a" })
            {
                await page.ClickAsync(next);
                await PageChecks.AssertSoundAsync(page, "ky");
            }
            Assert.Contains("/ky/station/", page.Url, StringComparison.Ordinal);
            Assert.True(await page.Locator("table.versions").CountAsync() > 0);

            using var http = new HttpClient { BaseAddress = nginx.Address };
            var csv = await http.GetAsync("/en/data.csv");
            Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
            Assert.StartsWith(string.Join(',', Web.OpenData.ResultsCsv.Columns), await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var live = await site.Client.GetStringAsync("/data/protocols.csv");
            var rows = (await http.GetStringAsync("/data/protocols.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length;
            Assert.Equal(published.Snapshot.Position + 1, rows);
            Assert.True(live.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length >= rows);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }
}
