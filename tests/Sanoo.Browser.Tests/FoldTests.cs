using Microsoft.Playwright;
using Sanoo.Core.Definitions;

namespace Sanoo.Browser.Tests;

/// <summary>
/// Election night on a phone: the national page says who leads, the seats, how much is counted and as of when before any
/// scrolling, with the official count in view; the whole parliament and every single-member district; live updates that leave
/// the reader's open sections and focus alone.
/// </summary>
[Collection(ResultsSiteGroup.Name)]
public sealed class FoldTests(ResultsSite site)
{
    private static readonly BrowserNewContextOptions Phone = PhoneOf(390);

    private static BrowserNewContextOptions PhoneOf(int width) => new()
    {
        ViewportSize = new() { Width = width, Height = 844 },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
        Locale = "ky-KG",
    };

    private static int SingleMemberContests => ResultsSite.Sample.Election.Contests.Count(c => c.Contest.Kind == ContestKind.SingleMember);

    [Theory]
    [InlineData("ky", 390)]
    [InlineData("ru", 390)]
    [InlineData("en", 390)]
    [InlineData("ky", 360)]
    [InlineData("ru", 360)]
    public async Task On_a_phone_the_national_page_shows_the_summary_above_the_fold_and_the_official_count_without_sideways_scroll(
        string language, int width)
    {
        await using var context = await site.Browser.NewContextAsync(PhoneOf(width));
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(site.Address, $"/{language}/").ToString());

        await page.ScreenshotAsync(new() { Path = Path.Combine(ResultsSite.Screenshots, $"phone-fold-{language}-{width}.png") });
        var summary = page.Locator("#summary");
        Assert.Equal("polite", await summary.GetAttributeAsync("aria-live"));
        var box = (await summary.BoundingBoxAsync())!;
        Assert.True(box.Y + box.Height <= 844, $"the summary ends at {box.Y + box.Height} px, below the fold");
        // The leader is the first row (rows are sorted by votes), its seats are a projection (the hand count is partial), and the
        // time is the election's (Asia/Bishkek, so no "UTC").
        var first = page.Locator("table.results tbody tr").First;
        var leader = (await summary.Locator(".lead strong").TextContentAsync())!.Trim();
        Assert.Contains(leader, await first.Locator("th").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await summary.Locator(".seats").GetAttributeAsync("data-projected"));
        var asOf = (await summary.Locator("time").TextContentAsync())!;
        Assert.Matches(@"\d\d:\d\d", asOf);
        Assert.DoesNotContain("UTC", asOf, StringComparison.Ordinal);
        var bishkek = TimeZoneInfo.ConvertTime(
            DateTimeOffset.Parse((await summary.Locator("time").GetAttributeAsync("datetime"))!, System.Globalization.CultureInfo.InvariantCulture),
            TimeZoneInfo.FindSystemTimeZoneById("Asia/Bishkek"));
        Assert.Contains(bishkek.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), asOf, StringComparison.Ordinal);

        // Nothing scrolls sideways as a whole, and the official count's votes and shares and the seats are in view as the page
        // opens; the preliminary count comes after them.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"));
        var official = ResultsSite.Sample.Election.Definition.Sources.Single(s => s.Official).Id.Value;
        var cells = page.Locator($"table.results tbody tr:first-child td[data-source={official}], table.results tbody tr:first-child td[data-seats]");
        Assert.Equal(3, await cells.CountAsync());
        for (var i = 0; i < 3; i++)
        {
            var cell = (await cells.Nth(i).BoundingBoxAsync())!;
            Assert.True(
                cell.X + cell.Width <= width,
                $"cell {i} ends at {cell.X + cell.Width} px, beyond the screen; the first row's cells are "
                + string.Join(", ", await page.EvalOnSelectorAllAsync<double[]>(
                    "table.results tbody tr:first-child > *", "cells => cells.map(c => c.getBoundingClientRect().width)")));
        }
        Assert.Equal(official, await first.Locator("td[data-source]").First.GetAttributeAsync("data-source"));

        // Sorted by the primary count's votes, most first.
        var primary = (await page.Locator("table.results tbody tr:first-child td[data-source]").Last.GetAttributeAsync("data-source"))!;
        var votes = await page.EvalOnSelectorAllAsync<long[]>(
            $"section.contest[data-contest=list] td[data-source={primary}][data-votes]", "cells => cells.map(c => Number(c.dataset.votes))");
        Assert.Equal(votes.OrderByDescending(v => v), votes);
        await PageChecks.AssertSoundAsync(page, language);
    }

    [Fact]
    public async Task Ballot_order_is_one_click_away_without_javascript()
    {
        await using var context = await site.Browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(site.Address, "/ru/area/batken/").ToString());
        await page.ClickAsync("p.order a");
        Assert.EndsWith("/ru/area/batken/ballot.html", page.Url, StringComparison.Ordinal);
        var ids = await page.EvalOnSelectorAllAsync<string[]>(
            "section.contest[data-contest=list] table.results tbody tr", "rows => rows.map(r => r.dataset.choice)");
        var ballot = ResultsSite.Sample.Election.DefaultContest.Choices.Select(c => c.Id.Value).ToArray();
        Assert.Equal(ballot, ids);
        await PageChecks.AssertSoundAsync(page, "ru");
        // The language switch keeps the order.
        Assert.EndsWith("/ky/area/batken/ballot.html", await page.GetAttributeAsync("nav.langs a[lang=ky]", "href"), StringComparison.Ordinal);
        await page.ClickAsync("p.order a");
        Assert.EndsWith("/ru/area/batken/", page.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ky")]
    [InlineData("ru")]
    [InlineData("en")]
    public async Task The_whole_parliament_and_every_single_member_district_are_shown(string language)
    {
        await using var context = await site.Browser.NewContextAsync(Phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(site.Address, $"/{language}/").ToString());
        var listSeats = ResultsSite.Sample.Election.DefaultContest.Contest.Seats;
        Assert.Equal(listSeats + SingleMemberContests, await page.Locator(".hemicycle circle").CountAsync());
        await page.Locator(".hemicycle").ScreenshotAsync(new() { Path = Path.Combine(ResultsSite.Screenshots, $"phone-parliament-{language}.png") });
        await PageChecks.AssertSoundAsync(page, language);

        await page.ClickAsync("header ul.more a[href$='/single-member/']");
        Assert.EndsWith($"/{language}/single-member/", page.Url, StringComparison.Ordinal);
        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(ResultsSite.Screenshots, $"phone-single-member-{language}.png") });
        var rows = page.Locator("table.districts tbody tr[data-contest]");
        Assert.Equal(SingleMemberContests, await rows.CountAsync());
        // Every district has a winner (with the runner-up and margin) or says why not.
        Assert.Equal(SingleMemberContests, await page.Locator("td[data-winner], td[data-no-winner]").CountAsync());
        Assert.True(await page.Locator("td[data-winner]").CountAsync() > 0);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth + 1"));
        await page.ClickAsync("table.districts tbody tr[data-contest] th a");
        Assert.Contains($"/{language}/area/", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_live_update_keeps_open_sections_and_focus_and_announces_only_the_summary()
    {
        await using var context = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(site.Address, "/en/area/d25/").ToString());
        var hand = page.Locator("section.contest[data-contest=list] li[data-source=hand]");
        Assert.Equal("0", await hand.GetAttributeAsync("data-reporting"));
        var lines = page.Locator("section.contest[data-contest=list] details:not([data-seat-steps]) > summary");
        await lines.ClickAsync();
        await lines.FocusAsync();
        await page.EvaluateAsync("() => { document.getElementById('summary').dataset.mark = 'before'; }");
        Assert.Equal(1, await page.Locator("[aria-live]").CountAsync());

        var station = ResultsSite.Sample.Election.Areas.First(a => a.Parent?.Value == "d25");
        var protocol = ResultsSite.Sample.Hand.First(p => p.Station == station.Id && p.Contest.Value == "list");
        Assert.True((await site.SubmitHandAsync(protocol)).IsSuccessStatusCode);
        await Assertions.Expect(hand).ToHaveAttributeAsync("data-reporting", "1", new() { Timeout = 10_000 });

        Assert.True(await page.EvaluateAsync<bool>(
            "() => document.querySelector('section.contest[data-contest=list] details:not([data-seat-steps])').open"));
        Assert.True(await page.EvaluateAsync<bool>(
            "() => document.activeElement === "
            + "document.querySelector('section.contest[data-contest=list] details:not([data-seat-steps]) > summary')"));
        // The summary is the same element (a live region a screen reader knows), the only one announced.
        Assert.Equal("before", await page.GetAttributeAsync("#summary", "data-mark"));
        Assert.Equal(1, await page.Locator("[aria-live]").CountAsync());
        await PageChecks.AssertSoundAsync(page, "en");
    }
}
