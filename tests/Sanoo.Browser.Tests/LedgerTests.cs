using Sanoo.Core.Reconciliation;

namespace Sanoo.Browser.Tests;

/// <summary>The public discrepancy ledger: machine count against hand count, station by station.</summary>
[Collection(ResultsSiteGroup.Name)]
public sealed class LedgerTests(ResultsSite site)
{
    [Fact]
    public async Task The_ledger_is_reached_from_every_page_and_its_totals_add_up()
    {
        await using var context = await site.Browser.NewContextAsync(new() { Locale = "en-GB" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(site.Address, "/en/area/d01/").ToString());
        var differ = int.Parse(
            (await page.GetAttributeAsync("section.contest[data-contest=list] [data-reconciliation]", "data-differ"))!,
            System.Globalization.CultureInfo.InvariantCulture);
        await page.ClickAsync("header .more a[href$='/discrepancies/']");
        Assert.EndsWith("/en/discrepancies/", page.Url, StringComparison.Ordinal);
        await PageChecks.AssertSoundAsync(page, "en");

        var ledger = site.Published.Ledger!;
        var rows = await page.EvaluateAsync<int[][]>(
            "() => [...document.querySelectorAll('tr[data-compared]')]" +
                ".map(r => ['compared','match','within','differ','one-only'].map(n => Number(r.getAttribute('data-' + n))))");
        Assert.All(rows, r => Assert.Equal(r[0], r[1] + r[2] + r[3]));
        var regions = await page.EvaluateAsync<int[]>(
            "() => [...document.querySelectorAll('section[aria-labelledby=ledger-region] tr[data-differ]')]" +
                ".map(r => Number(r.getAttribute('data-differ')))");
        var list = ResultsSite.Sample.Election.DefaultContest.Contest.Id;
        Assert.Equal(ledger.Area(ResultsSite.Sample.Election.Areas[0].Id, list)!.Discrepancy, regions.Sum());
        Assert.Equal(
            differ,
            await page.GetAttributeAsync("section[aria-labelledby=ledger-district] tr[data-area=d01]", "data-differ") is { } d
                ? int.Parse(d, System.Globalization.CultureInfo.InvariantCulture)
                : -1);

        var largest = await page.EvaluateAsync<long[]>(
            "() => [...document.querySelectorAll('tr[data-votes-apart]')].map(r => Number(r.getAttribute('data-votes-apart')))");
        Assert.Equal(Math.Min(50, ledger.Stations.Count(s => s.Class == ReconciliationClass.Discrepancy)), largest.Length);
        Assert.Equal(largest.OrderByDescending(v => v), largest);
        await page.ClickAsync("tr[data-votes-apart] a");
        Assert.Contains("/en/station/", page.Url, StringComparison.Ordinal);
        Assert.Equal("true", await page.GetAttributeAsync("[data-comparison][data-differs=true]", "data-differs"));

        var csv = (await site.Client.GetStringAsync("/en/discrepancies/data.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ledger.Stations.Count + 1, csv.Length);
        Assert.Equal(
            ledger.Stations.Count(s => s.Class == ReconciliationClass.Discrepancy),
            csv.Count(l => l.Contains(",discrepancy,", StringComparison.Ordinal)));
    }
}
