using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Storage;
using Sanoo.Testing;
using Xunit.Abstractions;

namespace Sanoo.Web.Tests;

/// <summary>
/// Two servers of the kg-2021 sample with every machine count in: one with the regions' boundaries from the shared data
/// (../shared/data/kg_2021/geo, read in place; always there in CI, where it must be), one without any geometry. The first is
/// started only where the boundaries are (<see cref="MapSiteTests.GeometryFile"/>), and only the tests that need them use it.
/// </summary>
public sealed class MapSites : IAsyncLifetime
{
    private readonly List<(WebApplication App, ElectionLog Log, string File)> _servers = [];

    /// <summary>The sample with COD-AB's nine regions.</summary>
    public static GeneratedElection WithGeometry => Geometry.Value;

    private static readonly Lazy<GeneratedElection> Geometry = new(() => Kg2021Generator.Generate(
        Kg2021Generator.DefaultSeed, Kg2021Geography.Read(File.ReadAllBytes(SharedData.PathOf("kg_2021", "geo", Kg2021Geography.FileName)))));

    /// <summary>A client of the server with geometry (null where the boundaries are not).</summary>
    public HttpClient Mapped { get; private set; } = null!;

    /// <summary>A client of the server without.</summary>
    public HttpClient Tiled { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (SharedData.SkipReason([MapSiteTests.GeometryFile]) is null)
        {
            Mapped = await StartAsync(WithGeometry);
        }
        Tiled = await StartAsync(ServerFixture.Sample);
    }

    private async Task<HttpClient> StartAsync(GeneratedElection sample)
    {
        var file = Path.Combine(Path.GetTempPath(), $"sanoo-maps-{Guid.NewGuid():N}.db");
        var log = await ElectionLog.OpenAsync(await StoreAddress.OpenAsync("sqlite:" + file), sample.DefinitionJson);
        await log.SubmitAsync([.. sample.Machine.Select(p => new Submission(p.Checked(sample.Election), new Sender.File("sample")))]);
        var app = SanooServer.Create(log, new ServerOptions { Urls = "http://127.0.0.1:0", PublishInterval = TimeSpan.FromMilliseconds(50) });
        await SanooServer.StartAsync(app);
        _servers.Add((app, log, file));
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        for (var tries = 0; (await client.GetAsync("/en/")).StatusCode != System.Net.HttpStatusCode.OK && tries < 100; tries++)
        {
            await Task.Delay(50);
        }
        return client;
    }

    public async Task DisposeAsync()
    {
        foreach (var (app, log, file) in _servers)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            await log.DisposeAsync();
            await log.Store.DisposeAsync();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }
}

public sealed class MapSiteTests(MapSites sites, ITestOutputHelper output) : IClassFixture<MapSites>
{
    /// <summary>The boundaries the server with geometry draws, in the shared data.</summary>
    public const string GeometryFile = "kg_2021/geo/" + Kg2021Geography.FileName;

    private static int Count(string html, string pattern) => Regex.Count(html, pattern);

    private static int Bytes(string text) => System.Text.Encoding.UTF8.GetByteCount(text);

    [RealDataFact(GeometryFile)]
    public async Task With_the_shared_boundaries_the_national_page_draws_the_nine_regions_and_abroad_as_a_tile()
    {
        var html = await sites.Mapped.GetStringAsync("/en/");
        Assert.Contains("data-map=\"leader\" data-geographic=\"true\"", html, StringComparison.Ordinal);
        Assert.Equal(9, Count(html, "<path id=\"map-"));
        Assert.Equal(1, Count(html, "<rect id=\"map-abroad\""));
        foreach (var region in new[] { "batken", "osh-oblast", "osh-city", "jalal-abad", "talas", "chui", "bishkek", "naryn", "issyk-kul" })
        {
            // Each region links to its page on both maps, and the turnout map draws the leader map's outline again.
            Assert.Equal(2, Count(html, $"<a href=\"/en/area/{region}/\" fill=\"#[0-9a-f]{{6}}\""));
            Assert.Contains($"<path id=\"map-{region}\" d=\"M", html, StringComparison.Ordinal);
            Assert.Contains($"<use href=\"#map-{region}\"", html, StringComparison.Ordinal);
        }
        Assert.Contains("CC BY-IGO 3.0", html, StringComparison.Ordinal);
        var ru = await sites.Mapped.GetStringAsync("/ru/");
        var maps = Regex.Match(ru, "<section class=\"maps\".*?</section>", RegexOptions.Singleline).Value;
        var paths = string.Concat(Regex.Matches(ru, " d=\"[^\"]*\"").Select(m => m.Value));
        var form = Regex.Match(ru, "<form class=\"find\".*?</form>", RegexOptions.Singleline).Value;
        output.WriteLine($"/ru/: {Bytes(ru):N0} bytes; maps {Bytes(maps):N0} (outlines {Bytes(paths):N0}); search form {Bytes(form):N0}");
    }

    [RealDataFact(GeometryFile)]
    public async Task Each_area_on_the_map_names_its_leader_and_its_turnout_as_the_table_does()
    {
        var html = await sites.Mapped.GetStringAsync("/en/");
        var title = Regex.Match(html, "data-area=\"batken\"><title>([^<]*)</title>").Groups[1].Value;
        Assert.StartsWith("Batken Region: ", title, StringComparison.Ordinal);
        var row = Regex.Match(html, "<tr data-area=\"batken\">.*?</tr>", RegexOptions.Singleline).Value;
        var leader = title["Batken Region: ".Length..];
        Assert.Contains(leader, row, StringComparison.Ordinal);
        var turnout = Regex.Match(html, "data-area=\"batken\"><title>Batken Region: turnout ([0-9.]+%)</title>").Groups[1].Value;
        Assert.Contains($"<td class=\"num\">{turnout}</td>", row, StringComparison.Ordinal);
        // The leader's colour is the legend's, and the turnout legend has its five steps and "no figures yet".
        var legend = Regex.Match(html, "id=\"map-turnout-caption\">.*?</figcaption>", RegexOptions.Singleline).Value;
        Assert.Equal(6, Count(legend, "<li>"));
    }

    [Fact]
    public async Task Without_geometry_the_national_page_draws_a_tile_per_region()
    {
        var html = await sites.Tiled.GetStringAsync("/ru/");
        Assert.Contains("data-map=\"leader\" data-geographic=\"false\"", html, StringComparison.Ordinal);
        Assert.Equal(0, Count(html, "<path id=\"map-"));
        Assert.Equal(10, Count(html, "<rect id=\"map-"));
        Assert.DoesNotContain("CC BY-IGO", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"map-heading\">Карта</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Явка", html, StringComparison.Ordinal);
    }

    [RealDataFact(GeometryFile)]
    public async Task A_region_draws_its_districts_as_tiles_and_a_district_has_no_map_of_its_stations()
    {
        var region = await sites.Mapped.GetStringAsync("/ru/area/batken/");
        var districts = MapSites.WithGeometry.Election.Areas.Count(a => a.Parent?.Value == "batken");
        Assert.True(districts > 1);
        Assert.Equal(districts, Count(region, "<rect id=\"map-d"));
        var district = await sites.Mapped.GetStringAsync("/ru/area/d01/");
        Assert.DoesNotContain("data-map=", district, StringComparison.Ordinal);
        output.WriteLine($"/ru/area/batken/: {System.Text.Encoding.UTF8.GetByteCount(region):N0} bytes; /ru/area/d01/: "
            + $"{System.Text.Encoding.UTF8.GetByteCount(district):N0} bytes");
    }

    [RealDataFact(GeometryFile)]
    public async Task Area_pages_with_maps_stay_within_the_page_budget()
    {
        foreach (var lang in new[] { "ky", "ru", "en" })
        {
            foreach (var path in new[] { $"/{lang}/", $"/{lang}/area/osh-oblast/", $"/{lang}/area/chui/" })
            {
                var bytes = (await sites.Mapped.GetByteArrayAsync(path)).Length;
                output.WriteLine($"{path}: {bytes:N0} bytes");
                Assert.True(bytes < 50_000, $"{path} is {bytes:N0} bytes");
            }
        }
    }
}
