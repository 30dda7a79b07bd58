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
            // page files; snapshot, root index, protocols, style, script, check script, the ERR report in JSON and XML, the manifest of
            // what was written; the ledger in 3 languages;
            // the reports page, the turnout page, the ballot-order twin and the share preview image of every area above the stations
            // in 3 languages, and its forensics page with its data.json, and its page of the count through the night with its
            // data.json and data.csv; the single-member districts with their CSV and JSON and the page on how to check the numbers in
            // 3 languages; the search page and its index in 3 languages
            var areaPages = 3 * ResultsSite.Sample.Election.Areas.Count(a => !a.IsStation);
            Assert.Equal((3 * summary.Pages) + 9 + 9 + (9 * areaPages) + 9 + 3 + 6, summary.Files);
            // On disk beside them: a .gz and a .br copy of every text file but the manifest of at least 1,400 bytes (a smaller one is
            // sent as it is); nothing the manifest does not list.
            var onDisk = Directory.GetFiles(folder, "*", SearchOption.AllDirectories);
            var identity = onDisk.Where(f => !f.EndsWith(".gz", StringComparison.Ordinal) && !f.EndsWith(".br", StringComparison.Ordinal)).ToList();
            var listed = Web.Publishing.PublishManifest.Read(folder).Manifest!.AllFiles()
                .Select(f => Path.GetFullPath(Path.Combine(folder, f.TrimStart('/')))).ToHashSet(StringComparer.Ordinal);
            var unlisted = identity.Where(f => !listed.Contains(f) && Path.GetFileName(f) != Web.Publishing.PublishManifest.FileName).ToList();
            Assert.True(unlisted.Count == 0, $"written but not in the manifest: {string.Join(", ", unlisted.Take(5))}");
            Assert.Equal(summary.Files, identity.Count);
            Assert.Equal(
                2 * identity.Count(f => Web.Publishing.PublishedFolder.IsText(f) && Path.GetFileName(f) != Web.Publishing.PublishManifest.FileName
                    && File.ReadAllBytes(f).Length >= Web.Publishing.PublishedFolder.MinCopyBytes),
                onDisk.Length - identity.Count);
            using var nginx = await NginxServer.StartAsync(folder);

            await using var context = await site.Browser.NewContextAsync(
                new() { Locale = "ky-KG", ViewportSize = new() { Width = 390, Height = 844 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync(nginx.Address.ToString());
            await page.WaitForURLAsync("**/ky/");
            await PageChecks.AssertSoundAsync(page, "ky");
            // The nine regions' outlines where the shared boundaries are, else a tile for each region and abroad.
            Assert.Equal(ResultsSite.Geographic ? 9 : 0, await page.Locator("figure[data-map=leader] svg path").CountAsync());
            Assert.Equal(ResultsSite.Geographic ? 1 : 10, await page.Locator("figure[data-map=leader] svg rect[id^=map-]").CountAsync());
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

            await page.GotoAsync(new Uri(nginx.Address, "/ru/single-member/").ToString());
            Assert.Equal(
                ResultsSite.Sample.Election.Contests.Count(c => c.Contest.Kind == Core.Definitions.ContestKind.SingleMember),
                await page.Locator("table.districts tbody tr[data-contest]").CountAsync());
            await page.GotoAsync(new Uri(nginx.Address, "/ru/progress/").ToString());
            Assert.True(await page.Locator("figure[data-progress-chart=reporting] svg").IsVisibleAsync());
            await page.GotoAsync(new Uri(nginx.Address, "/ky/ballot.html").ToString());
            Assert.Equal("ky", await page.GetAttributeAsync("html", "lang"));
            Assert.Equal(1, await page.Locator("p.order a[href='./']").CountAsync());

            // No server to search: the page's script searches the index beside it, and without script the form's page lists the areas.
            await page.GotoAsync(new Uri(nginx.Address, "/ru/search/?q=0017").ToString());
            await page.Locator(".found li[data-station=s0017] a").ClickAsync();
            Assert.EndsWith("/ru/station/s0017/", page.Url, StringComparison.Ordinal);
            await page.GotoAsync(new Uri(nginx.Address, "/ky/").ToString());
            await page.FillAsync("#q", "s0021");
            await page.PressAsync("#q", "Enter");
            await page.Locator(".found li[data-station=s0021]").WaitForAsync();
            Assert.Equal(1, await page.Locator(".found li").CountAsync());
            await using (var plain = await site.Browser.NewContextAsync(new() { JavaScriptEnabled = false }))
            {
                var noScript = await plain.NewPageAsync();
                await noScript.GotoAsync(new Uri(nginx.Address, "/en/search/?q=17").ToString());
                await noScript.Locator(".found a[href='/en/area/batken/']").ClickAsync();
                Assert.EndsWith("/en/area/batken/", noScript.Url, StringComparison.Ordinal);
            }

            using var http = new HttpClient { BaseAddress = nginx.Address };
            var preview = await http.GetAsync("/ky/area/batken/preview.png");
            Assert.Equal("image/png", preview.Content.Headers.ContentType!.MediaType);
            using (var bitmap = SkiaSharp.SKBitmap.Decode(await preview.Content.ReadAsByteArrayAsync()))
            {
                Assert.Equal((1200, 630), (bitmap.Width, bitmap.Height));
            }
            Assert.StartsWith(
                string.Join(',', Web.OpenData.SingleMemberCsv.Columns),
                await http.GetStringAsync("/ru/single-member/data.csv"),
                StringComparison.Ordinal);
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
