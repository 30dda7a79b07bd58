using Sanoo.Testing;
using Sanoo.Web.Site;

namespace Sanoo.Browser.Tests;

/// <summary>
/// The pages pin the files they load: in Chromium, a published copy served by nginx whose site script was replaced with one that
/// rewrites the figures shown runs no script at all (the page reads as without script), while the honest copy's script runs.
/// </summary>
[Collection(ResultsSiteGroup.Name)]
public sealed class PinnedAssetsTests(ResultsSite site)
{
    [Fact]
    public async Task A_published_copy_whose_site_script_was_replaced_runs_none_of_it_in_the_readers_browser()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("sanoo-pinned-").FullName, "site");
        try
        {
            await new StaticSite(site.Service<SiteContent>()).WriteAsync(
                site.Published, folder, commissionKey: site.Service<Sanoo.Web.Publishing.CommissionKey>().PublicKey);
            using var nginx = await NginxServer.StartAsync(folder);
            await using var context = await site.Browser.NewContextAsync();
            var page = await context.NewPageAsync();
            var address = new Uri(nginx.Address, "/en/area/d01/").ToString();
            await page.GotoAsync(address);
            // The honest script runs: it makes the check's link a button.
            await page.Locator("[data-verify] button").WaitForAsync(new() { Timeout = 10_000 });
            var shown = await page.Locator("[data-votes]").First.InnerTextAsync();

            var script = Path.Combine(folder, "site.js");
            await File.AppendAllTextAsync(
                script, "\nwindow.doctored = true; document.querySelectorAll('[data-votes]').forEach(function (c) { c.textContent = '999,999'; });");
            File.Delete(script + ".gz");
            File.Delete(script + ".br");
            // A reader who never held the honest script (a new context: nothing cached).
            await using var fresh = await site.Browser.NewContextAsync();
            var reader = await fresh.NewPageAsync();
            await reader.GotoAsync(address, new() { WaitUntil = Microsoft.Playwright.WaitUntilState.NetworkIdle });

            Assert.False(await reader.EvaluateAsync<bool>("() => window.doctored === true"), "the replaced script ran");
            Assert.Equal(shown, await reader.Locator("[data-votes]").First.InnerTextAsync());
            Assert.Equal(0, await reader.Locator("[data-verify] button").CountAsync());
            Assert.Equal(1, await reader.Locator("[data-verify] a[data-verify-start]").CountAsync());
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }
}
