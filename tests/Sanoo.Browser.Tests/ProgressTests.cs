using Deque.AxeCore.Playwright;
using Xunit.Abstractions;

namespace Sanoo.Browser.Tests;

/// <summary>The count through the night on a phone at 2 a.m.: both charts in view, nothing sideways, the figures one tap away.</summary>
[Collection(ResultsSiteGroup.Name)]
public sealed class ProgressTests(ResultsSite site, ITestOutputHelper output)
{
    [Theory]
    [InlineData("ky")]
    [InlineData("ru")]
    [InlineData("en")]
    public async Task On_a_phone_the_charts_fit_the_screen_name_their_lines_and_open_to_their_figures(string language)
    {
        await using var context = await site.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 }, DeviceScaleFactor = 2, IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(site.Address, $"/{language}/").ToString());
        await page.ClickAsync("a[data-progress-link]");
        Assert.EndsWith($"/{language}/progress/", page.Url, StringComparison.Ordinal);

        foreach (var chart in new[] { "reporting", "shares" })
        {
            var svg = page.Locator($"figure[data-progress-chart={chart}] svg");
            Assert.True(await svg.IsVisibleAsync(), chart);
            var box = await svg.BoundingBoxAsync();
            Assert.True(box!.Width is > 300 and <= 390 && box.Height > 150, $"the {chart} chart is {box.Width}×{box.Height} px");
            Assert.False(string.IsNullOrWhiteSpace(await svg.Locator("title").TextContentAsync()));
            Assert.False(string.IsNullOrWhiteSpace(await svg.Locator("desc").TextContentAsync()));
        }
        // Every line is named in words at its end: both counts on the first chart, five parties on the second.
        var sources = ResultsSite.Sample.Election.ResultSources.Select(s => s.Name.In(language)[..6]);
        var labels = await page.Locator("figure[data-progress-chart=reporting] svg text[fill]").AllTextContentsAsync();
        Assert.All(sources, name => Assert.Contains(labels, l => l.StartsWith(name, StringComparison.Ordinal)));
        Assert.Equal(5, await page.Locator("figure[data-progress-chart=shares] svg text[fill]").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "the page scrolls sideways");

        // Without script, the figures open from their summary; every count with protocols has its table.
        Assert.False(await page.Locator("details[data-progress-figures] table").First.IsVisibleAsync());
        await page.ClickAsync("details[data-progress-figures] summary");
        Assert.Equal(2, await page.Locator("details[data-progress-figures] table").CountAsync());
        Assert.True(await page.Locator("details[data-progress-figures] table").First.IsVisibleAsync());
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, string.Join("; ", result.Violations.Select(v => $"{v.Id}: {v.Help}")));
        var path = Path.Combine(ResultsSite.Screenshots, $"phone-progress-{language}.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
