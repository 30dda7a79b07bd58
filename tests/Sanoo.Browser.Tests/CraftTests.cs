using Microsoft.Playwright;

namespace Sanoo.Browser.Tests;

/// <summary>
/// What a reader's hands, eyes and printer meet: tap targets, the focus ring, named progress bars, file names, print, a shared
/// link's card and the footer's local time.
/// </summary>
[Collection(ResultsSiteGroup.Name)]
public sealed class CraftTests(ResultsSite site)
{
    [Fact]
    public async Task Links_to_tap_are_44_px_and_progress_bars_are_named()
    {
        await using var context = await site.Browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(site.Address, "/ru/area/batken/").ToString());
        var small = await page.EvalOnSelectorAllAsync<string[]>(
            "nav a, header .more a, .downloads a, .order a, summary, .children tbody th a",
            "els => els.map(e => [e, e.getBoundingClientRect()]).filter(([, r]) => r.height < 44 || r.width < 44)"
            + ".map(([e, r]) => `${e.textContent.trim()}: ${r.width}×${r.height}`)");
        Assert.True(small.Length == 0, string.Join("; ", small));
        var unnamed = await page.EvalOnSelectorAllAsync<int>("progress", "bars => bars.filter(b => !b.getAttribute('aria-label')).length");
        Assert.Equal(0, unnamed);
        Assert.True(await page.Locator("progress").CountAsync() > 0);
    }

    [Fact]
    public async Task The_focus_ring_stands_out_at_least_three_to_one()
    {
        await using var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(site.Address, "/en/").ToString());
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        var ring = await page.EvaluateAsync<double[]>("""
            () => {
              const s = getComputedStyle(document.activeElement);
              const rgb = s.outlineColor.match(/\d+/g).map(Number);
              const lin = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
              const l = 0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2]);
              return [1.05 / (l + 0.05), parseFloat(s.outlineWidth)];
            }
            """);
        Assert.True(ring[0] >= 3, $"the focus ring is {ring[0]:0.00}:1 against white");
        Assert.True(ring[1] >= 2, $"the focus ring is {ring[1]} px wide");
    }

    [Fact]
    public async Task Downloads_are_named_after_what_they_hold_and_print_keeps_the_bars()
    {
        await using var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(site.Address, "/ky/area/batken/").ToString());
        var id = ResultsSite.Sample.Election.Definition.Id.Value;
        Assert.Equal(
            [$"{id}-ky-area-batken.csv", $"{id}-ky-area-batken.json", $"{id}-protocols.csv"],
            await page.EvalOnSelectorAllAsync<string[]>(".downloads a", "links => links.map(a => a.getAttribute('download'))"));
        await page.GotoAsync(new Uri(site.Address, "/ru/").ToString());
        Assert.Equal($"{id}-ru-results.csv", await page.GetAttributeAsync(".downloads a", "download"));

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.Equal("none", await page.EvalOnSelectorAsync<string>("nav.langs", "n => getComputedStyle(n).display"));
        Assert.Equal("exact", await page.EvalOnSelectorAsync<string>(".bar span", "b => getComputedStyle(b).printColorAdjust"));
    }

    [Fact]
    public async Task A_shared_link_says_who_leads_in_the_pages_language_and_its_preview_is_a_1200_by_630_picture()
    {
        await using var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(site.Address, "/ky/area/batken/").ToString());
        string Meta(string property) => $"meta[property='{property}']";
        var title = await page.GetAttributeAsync(Meta("og:title"), "content");
        Assert.StartsWith(await page.Locator("h1").InnerTextAsync() + ":", title, StringComparison.Ordinal);
        Assert.Contains("алдыда", title, StringComparison.Ordinal);
        Assert.Contains((await page.Locator(".summary .lead strong").InnerTextAsync()).Trim(), title, StringComparison.Ordinal);
        Assert.Contains("Саналды", await page.GetAttributeAsync(Meta("og:description"), "content"), StringComparison.Ordinal);
        var image = await page.GetAttributeAsync(Meta("og:image"), "content");
        Assert.StartsWith("/ky/area/batken/preview.png?s=", image, StringComparison.Ordinal);
        var drawn = await page.EvaluateAsync<int[]>("""
            async src => {
              const img = new Image();
              img.src = src;
              await img.decode();
              const canvas = document.createElement('canvas');
              canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
              const g = canvas.getContext('2d');
              g.drawImage(img, 0, 0);
              const px = g.getImageData(0, 0, canvas.width, canvas.height).data;
              const seen = new Set();
              let dark = 0;
              for (let i = 0; i < px.length; i += 16) {
                seen.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
                if (px[i] + px[i + 1] + px[i + 2] < 200) dark++;
              }
              return [img.naturalWidth, img.naturalHeight, seen.size, dark];
            }
            """, image);
        Assert.Equal(1200, drawn[0]);
        Assert.Equal(630, drawn[1]);
        Assert.True(drawn[2] > 50 && drawn[3] > 1000, $"the preview looks blank: {drawn[2]} colours, {drawn[3]} dark pixels");
    }

    [Fact]
    public async Task The_footer_says_when_the_snapshot_was_published_in_Bishkek_time()
    {
        await using var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(site.Address, "/en/").ToString());
        var proof = await page.Locator("footer .proof").InnerTextAsync();
        var at = TimeZoneInfo.ConvertTime(site.Published.PublishedAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Bishkek"));
        Assert.Contains(
            $"published {at.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)} UTC+06:00",
            proof,
            StringComparison.Ordinal);
    }
}
