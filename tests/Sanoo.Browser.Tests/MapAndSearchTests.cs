using Microsoft.Playwright;
using Sanoo.Testing;

namespace Sanoo.Browser.Tests;

/// <summary>On a phone: the maps of the regions and finding one's polling station.</summary>
[Collection(ResultsSiteGroup.Name)]
public sealed class MapAndSearchTests(ResultsSite site)
{
    private static readonly BrowserNewContextOptions Phone = new()
    {
        ViewportSize = new() { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true, Locale = "ky-KG",
    };

    [RealDataTheory(ResultsSite.GeometryFile)]
    [InlineData("ky")]
    [InlineData("ru")]
    [InlineData("en")]
    public async Task On_a_phone_the_national_page_maps_the_nine_regions_within_the_screen_and_each_leads_to_its_region(string language)
    {
        await using var context = await site.Browser.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(site.Address, $"/{language}/").ToString());
        var leader = page.Locator("figure[data-map=leader] svg");
        Assert.Equal(9, await page.Locator("figure[data-map=leader] svg path").CountAsync());
        Assert.Equal(10, await page.Locator("figure[data-map=turnout] svg use").CountAsync());
        var box = await leader.BoundingBoxAsync();
        Assert.True(box!.Width is > 300 and <= 390, $"the map is {box.Width} px wide");
        Assert.True(box.Height > 100, $"the map is {box.Height} px tall");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "the page scrolls sideways");
        var name = ResultsSite.Sample.Election.Area(new Core.Definitions.AreaId("naryn"))!.DisplayName(language);
        var title = await page.Locator("figure[data-map=leader] a[data-area=naryn] title").TextContentAsync();
        Assert.StartsWith($"{name}: ", title, StringComparison.Ordinal);
        Assert.Contains("%", await page.Locator("figure[data-map=turnout] a[data-area=naryn] title").TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator(".maps .credit").IsVisibleAsync());
        await page.Locator(".maps").ScreenshotAsync(new() { Path = Path.Combine(ResultsSite.Screenshots, $"phone-maps-{language}.png") });
        // The region's outline is where a finger lands: a tap on the middle of it (Playwright refuses if another area is on top).
        // Other tests publish new snapshots meanwhile, and the page swaps its content in place for each: a tap on an outline being
        // replaced is lost, so the tap is tried again on the fresh one. A slow navigation may still land after a try gave up, so
        // each try first looks where the page is.
        var region = $"/{language}/area/naryn/";
        for (var attempt = 1; !new Uri(page.Url).AbsolutePath.Equals(region, StringComparison.Ordinal); attempt++)
        {
            try
            {
                await page.Locator("figure[data-map=leader] a[data-area=naryn] path").TapAsync(new() { Timeout = 10_000 });
                await page.WaitForURLAsync($"**{region}", new() { Timeout = 20_000 });
            }
            catch (TimeoutException) when (attempt < 4)
            {
            }
        }
        Assert.True(await page.Locator("figure[data-map=leader] svg rect").CountAsync() > 0, "the region's districts are tiles");
        await PageChecks.AssertSoundAsync(page, language);
    }

    [Fact]
    public async Task A_reader_finds_a_station_from_the_home_page_without_script()
    {
        await using var context = await site.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, JavaScriptEnabled = false,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(site.Address, "/ru/").ToString());
        var input = page.Locator("form.find input#q");
        var box = await input.BoundingBoxAsync();
        Assert.True(box!.Height >= 44, $"the search box is {box.Height} px tall");
        await input.FillAsync("17");
        await page.Locator("form.find button").ClickAsync();
        await page.WaitForURLAsync("**/ru/search/?q=17");
        Assert.Contains("Найдено", await page.Locator("#found-heading").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("s0017", await page.Locator(".found li").First.GetAttributeAsync("data-station"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "the page scrolls sideways");
        await page.Locator(".found li[data-station=s0017] a").ClickAsync();
        await page.WaitForURLAsync("**/ru/station/s0017/");
        // Every page links to the search.
        await page.Locator("header .more a[href='/ru/search/']").ClickAsync();
        await page.WaitForURLAsync("**/ru/search/");
        Assert.True(await page.Locator(".found a[href='/ru/area/batken/']").CountAsync() == 1);
    }
}
