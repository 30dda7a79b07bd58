using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Sanoo.Browser.Tests;

/// <summary>A reader follows the election from the national page down to a station, in three languages, on a phone and a desktop.</summary>
[Collection(ResultsSiteGroup.Name)]
public sealed class NavigationTests(ResultsSite site, ITestOutputHelper output)
{
    private static readonly BrowserNewContextOptions Phone = new()
    {
        ViewportSize = new() { Width = 390, Height = 844 },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
        Locale = "ru-RU",
    };
    private static readonly BrowserNewContextOptions Desktop = new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "en-GB" };

    [Fact]
    public async Task A_reader_goes_from_the_nation_to_a_station_and_switches_language()
    {
        await using var context = await site.Browser.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);

        await page.GotoAsync(new Uri(site.Address, "/").ToString());
        Assert.EndsWith("/ru/", page.Url, StringComparison.Ordinal);
        await PageChecks.AssertSoundAsync(page, "ru");
        Assert.Contains("идёт официальный ручной подсчёт", await page.TextContentAsync(".stage"), StringComparison.Ordinal);
        var machineIn = ResultsSite.Sample.Machine.Count(p => p.Contest.Value == "list" && !ResultsSite.Silent.Contains(p.Station.Value));
        var russian = System.Globalization.CultureInfo.GetCultureInfo("ru");
        Assert.Contains(
            $"{machineIn.ToString("N0", russian)} из {2494.ToString("N0", russian)} участков",
            await page.TextContentAsync("li[data-source=machine]"),
            StringComparison.Ordinal);
        // The whole parliament: 54 list seats and 36 single-member districts.
        Assert.Equal(90, await page.Locator(".hemicycle circle").CountAsync());
        await Shot(page, "phone-national-ru");

        await page.ClickAsync("tr[data-area=batken] a");
        await PageChecks.AssertSoundAsync(page, "ru");
        Assert.Equal("Баткенская область", (await page.TextContentAsync("h1"))!.Trim());

        await page.ClickAsync("tr[data-area=d01] a");
        await PageChecks.AssertSoundAsync(page, "ru");
        Assert.Equal(2, await page.Locator("section.contest").CountAsync());
        Assert.NotNull(await page.TextContentAsync("[data-outcome]"));
        Assert.Contains("не поступил", await page.TextContentAsync("tr[data-area=s0002]"), StringComparison.Ordinal);
        await Shot(page, "phone-district-ru");

        await page.ClickAsync("tr[data-area=s0001] a");
        Assert.EndsWith("/ru/station/s0001/", page.Url, StringComparison.Ordinal);
        Assert.Equal(3, await page.Locator("section.count").Nth(1).Locator("table.versions tbody tr").CountAsync());
        Assert.Contains(
            "отклонён",
            await page.Locator("section.count").Nth(1).Locator("table.versions").TextContentAsync(),
            StringComparison.Ordinal);
        Assert.Contains(
            "figures re-entered from the paper protocol",
            await page.Locator("section.count").Nth(1).TextContentAsync(),
            StringComparison.Ordinal);
        Assert.True(await page.Locator("li[data-relation][data-holds=true]").CountAsync() > 0);
        await Shot(page, "phone-station-ru");

        await page.ClickAsync("nav.langs a[lang=ky]");
        Assert.EndsWith("/ky/station/s0001/", page.Url, StringComparison.Ordinal);
        Assert.Equal("ky", await page.GetAttributeAsync("html", "lang"));
        await page.ClickAsync("nav.langs a[lang=en]");
        await PageChecks.AssertSoundAsync(page, "en");
        Assert.StartsWith("Polling station", (await page.TextContentAsync("h1"))!.Trim(), StringComparison.Ordinal);

        Assert.All(requests, url => Assert.StartsWith(site.Address.ToString(), url, StringComparison.Ordinal));
    }

    /// <summary>
    /// What a page may weigh as it travels (Brotli, as the browser asks for it): within the first round trip of a new
    /// connection (ten segments of 1,460 bytes, RFC 6928), what a phone on a poor mobile network waits for.
    /// </summary>
    private const int MostSent = 14_000;

    /// <summary>What a page may weigh as HTML once decompressed: little for even a low-end phone to parse and lay out.</summary>
    private const int MostHtml = 64_000;

    [Fact]
    public async Task Every_area_page_in_every_language_is_sound_and_small()
    {
        await using var context = await site.Browser.NewContextAsync(Desktop);
        var page = await context.NewPageAsync();
        var pages = 0;
        foreach (var language in new[] { "ky", "ru", "en" })
        {
            foreach (var area in ResultsSite.Sample.Election.Areas.Where(a => !a.IsStation))
            {
                var path = Web.Site.SitePaths.Area(language, area);
                var response = await page.GotoAsync(new Uri(site.Address, path).ToString());
                Assert.Equal(200, response!.Status);
                var size = (await response.BodyAsync()).Length;
                Assert.True(size < MostHtml, $"{path} is {size} bytes of HTML");
                var headers = await response.AllHeadersAsync();
                Assert.Equal("br", headers.GetValueOrDefault("content-encoding"));
                var sent = int.Parse(headers["content-length"], System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(sent < MostSent, $"{path} travels as {sent} bytes");
                await PageChecks.AssertSoundAsync(page, language);
                pages++;
            }
        }
        Assert.Equal(3 * 47, pages);
        await page.GotoAsync(new Uri(site.Address, "/en/").ToString());
        await Shot(page, "desktop-national-en");
        await page.GotoAsync(new Uri(site.Address, "/en/area/d27/").ToString());
        await Shot(page, "desktop-district-en");
    }

    [Fact]
    public async Task Pages_pass_an_accessibility_audit()
    {
        await using var context = await site.Browser.NewContextAsync(Desktop);
        var page = await context.NewPageAsync();
        string[] paths =
        [
            "/ky/", "/ru/area/batken/", "/en/area/d01/", "/en/station/s0001/", "/en/discrepancies/", "/ru/enter/s0001/", "/ky/enter/queue/",
            "/ky/single-member/", "/ru/ballot.html", "/ru/turnout/", "/ky/verify/", "/ky/search/?q=17", "/ru/search/",
            "/ky/forensics/", "/ru/area/batken/forensics/", "/ky/progress/", "/en/area/d01/progress/",
        ];
        foreach (var path in paths)
        {
            await page.GotoAsync(new Uri(site.Address, path).ToString());
            var result = await page.RunAxe();
            Assert.True(
                result.Violations.Length == 0,
                $"{path}: " + string.Join(
                    "; ",
                    result.Violations.Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length} nodes, e.g. {v.Nodes.FirstOrDefault()?.Html})")));
        }
    }

    [Fact]
    public async Task The_page_updates_itself_when_a_new_protocol_is_counted()
    {
        await using var context = await site.Browser.NewContextAsync(Desktop);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(site.Address, "/en/area/d20/").ToString());
        var hand = page.Locator("section.contest[data-contest=list] li[data-source=hand]");
        Assert.Equal("0", await hand.GetAttributeAsync("data-reporting"));
        var before = await page.GetAttributeAsync("body", "data-snapshot");

        var station = ResultsSite.Sample.Election.Areas.First(a => a.Parent?.Value == "d20");
        var protocol = ResultsSite.Sample.Hand.First(p => p.Station == station.Id && p.Contest.Value == "list");
        Assert.True((await site.SubmitHandAsync(protocol)).IsSuccessStatusCode);

        await Assertions.Expect(hand).ToHaveAttributeAsync("data-reporting", "1", new() { Timeout = 10_000 });
        Assert.NotEqual(before, await page.GetAttributeAsync("body", "data-snapshot"));
        Assert.Equal("polite", await page.GetAttributeAsync("#summary", "aria-live"));
        await PageChecks.AssertSoundAsync(page, "en");
        var voted = protocol.Votes.Sum(v => (long)v);
        Assert.Equal(voted.ToString(System.Globalization.CultureInfo.InvariantCulture), await hand.GetAttributeAsync("data-valid"));
    }

    private async Task Shot(IPage page, string name)
    {
        var path = Path.Combine(ResultsSite.Screenshots, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
