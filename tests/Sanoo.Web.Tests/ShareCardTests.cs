using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Sanoo.Log;
using Sanoo.Storage;
using Sanoo.Testing;
using Sanoo.Web.Site;
using SkiaSharp;

namespace Sanoo.Web.Tests;

/// <summary>A server of the kg-2021 sample with every machine count in, told where the public reaches it.</summary>
public sealed class SharedSite : IAsyncLifetime
{
    public static readonly Uri PublicAddress = new("https://results.example.org/");
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"sanoo-share-{Guid.NewGuid():N}.db");
    private WebApplication? _app;
    private ElectionLog? _log;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var sample = ServerFixture.Sample;
        _log = await ElectionLog.OpenAsync(await StoreAddress.OpenAsync("sqlite:" + _file), sample.DefinitionJson);
        await _log.SubmitAsync([.. sample.Machine.Select(p => new Submission(p.Checked(sample.Election), new Sender.File("sample")))]);
        _app = SanooServer.Create(_log, new ServerOptions
        {
            Urls = "http://127.0.0.1:0", PublishInterval = TimeSpan.FromMilliseconds(50), PublicAddress = PublicAddress,
        });
        await SanooServer.StartAsync(_app);
        Client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
        for (var tries = 0; (await Client.GetAsync("/en/")).StatusCode != HttpStatusCode.OK && tries < 100; tries++)
        {
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync()
    {
        await _app!.StopAsync();
        await _app.DisposeAsync();
        await _log!.DisposeAsync();
        await _log.Store.DisposeAsync();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(path);
        }
    }
}

/// <summary>Links shared from the site show who leads, how much is counted and a preview image; the footer's time is local.</summary>
public sealed class ShareCardTests(SharedSite site) : IClassFixture<SharedSite>
{
    private static string Meta(string html, string property)
    {
        var match = Regex.Match(html, $"<meta (?:property|name)=\"{Regex.Escape(property)}\" content=\"([^\"]*)\"");
        Assert.True(match.Success, $"no {property}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [Theory]
    [InlineData("ru", "/ru/area/batken/", "лидирует", "Обработано")]
    [InlineData("ky", "/ky/", "алдыда", "Саналды")]
    [InlineData("en", "/en/area/osh-oblast/", "leads with", "Counted")]
    public async Task An_area_page_carries_a_share_card_saying_who_leads_and_how_much_is_counted_in_its_language(
        string language, string path, string leads, string counted)
    {
        var html = await site.Client.GetStringAsync(path);
        var data = await site.Client.GetFromJsonAsync(path + "data.json", Contracts.WireJson.Default.AreaPageData);
        var results = data!.Results!;
        var leader = results.Rows.MaxBy(r => r.Votes[results.Primary])!;
        var title = Meta(html, "og:title");
        Assert.StartsWith(data.Area.Name + ":", title, StringComparison.Ordinal);
        Assert.Contains(leads, title, StringComparison.Ordinal);
        Assert.Contains(leader.Name, title, StringComparison.Ordinal);
        Assert.Contains(SiteLanguage.Of(language).Percent(leader.Share[results.Primary]), title, StringComparison.Ordinal);
        var description = Meta(html, "og:description");
        Assert.Contains(counted, description, StringComparison.Ordinal);
        Assert.Contains(data.Stage, description, StringComparison.Ordinal);
        Assert.Equal(description, Meta(html, "description"));
        var url = new Uri(SharedSite.PublicAddress, path).ToString();
        Assert.Equal(url, Meta(html, "og:url"));
        Assert.Contains($"<link rel=\"canonical\" href=\"{url}\" />", html, StringComparison.Ordinal);
        Assert.Equal($"{url}preview.png?s={data.Snapshot}", Meta(html, "og:image"));
        Assert.Equal("1200", Meta(html, "og:image:width"));
        Assert.Equal("630", Meta(html, "og:image:height"));
        Assert.Equal("summary_large_image", Meta(html, "twitter:card"));
        Assert.Contains(data.Area.Name, Meta(html, "og:image:alt"), StringComparison.Ordinal);

        // The ballot-order twin is the same page: its card sends to the page itself.
        Assert.Equal(url, Meta(await site.Client.GetStringAsync(path + "ballot.html"), "og:url"));
    }

    [Fact]
    public async Task The_preview_is_a_1200_by_630_png_with_the_leaders_bar_and_is_cached_with_the_snapshot()
    {
        var data = await site.Client.GetFromJsonAsync("/ru/area/batken/data.json", Contracts.WireJson.Default.AreaPageData);
        var response = await site.Client.GetAsync("/ru/area/batken/preview.png");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"W/\"{data!.Snapshot}\"", response.Headers.ETag!.ToString());
        Assert.Contains("public", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        using var bitmap = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((PreviewImage.Width, PreviewImage.Height), (bitmap.Width, bitmap.Height));
        var colours = new HashSet<SKColor>();
        for (var y = 0; y < bitmap.Height; y += 2)
        {
            for (var x = 0; x < bitmap.Width; x += 2)
            {
                colours.Add(bitmap.GetPixel(x, y));
            }
        }
        Assert.True(colours.Count > 50, $"only {colours.Count} colours: the image is near blank");
        var results = data.Results!;
        var leader = results.Rows.MaxBy(r => r.Votes[results.Primary])!;
        Assert.Contains(SKColor.Parse(leader.Color), colours);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/ru/area/batken/preview.png");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await site.Client.SendAsync(again)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Client.GetAsync("/ru/station/s0001/preview.png")).StatusCode);
    }

    [Fact]
    public void The_previews_typeface_has_every_letter_of_every_name_in_every_language()
    {
        var election = ServerFixture.Sample.Election;
        foreach (var language in election.Definition.Languages)
        {
            var names = string.Concat(election.Definition.Choices.Select(c => c.Name.In(language))
                .Concat(election.Areas.Where(a => !a.IsStation).Select(a => a.DisplayName(language)))
                .Append(election.Definition.Name.In(language)));
            var found = Typefaces.Machine.For(names);
            Assert.True(found.Missing is null, $"{found.Typeface.FamilyName} lacks '{found.Missing}' of {language}");
            Assert.True(Typefaces.Covers(found.Typeface, names), $"{found.Typeface.FamilyName} lacks letters of {language}");
        }
    }

    [Fact]
    public async Task The_footer_says_when_the_snapshot_was_published_in_the_elections_time_zone_with_its_offset()
    {
        var marker = await site.Client.GetFromJsonAsync("/snapshot.json", Contracts.WireJson.Default.SnapshotMarker);
        var html = WebUtility.HtmlDecode(await site.Client.GetStringAsync("/ru/"));
        var bishkek = TimeZoneInfo.ConvertTime(marker!.PublishedAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Bishkek"));
        Assert.Contains(
            $"опубликован {bishkek.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC+06:00", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "2021-11-28 14:15:03 UTC")]
    [InlineData("Asia/Bishkek", "2021-11-28 20:15:03 UTC+06:00")]
    [InlineData("America/New_York", "2021-11-28 09:15:03 UTC-05:00")]
    [InlineData("Nowhere/Atlantis", "2021-11-28 14:15:03 UTC")]
    public void A_stamp_is_local_to_the_second_and_names_its_offset(string? zone, string expected) =>
        Assert.Equal(expected, FoldSummary.Stamp(new DateTimeOffset(2021, 11, 28, 14, 15, 3, TimeSpan.Zero), zone));

    [Theory]
    [InlineData("ftp://results.example.org/")]
    [InlineData("file:///srv/site/")]
    public void A_public_address_is_an_http_address(string address) =>
        Assert.Contains(new ServerOptions { PublicAddress = new Uri(address) }.Validate(), p => p.Contains("--public-url", StringComparison.Ordinal));
}
