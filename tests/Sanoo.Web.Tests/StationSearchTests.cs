using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sanoo.Core.Definitions;
using Sanoo.Samples.Synthetic;
using Sanoo.Testing;
using Sanoo.Web.Site;
using Xunit.Abstractions;

namespace Sanoo.Web.Tests;

public sealed class StationSearchTests(MapSites sites, ITestOutputHelper output) : IClassFixture<MapSites>
{
    private static List<string> Found(string html) => [.. Regex.Matches(html, "<li data-station=\"([^\"]+)\"").Select(m => m.Groups[1].Value)];

    [Fact]
    public async Task A_station_is_found_by_its_number_with_or_without_its_letter_and_zeros()
    {
        foreach (var query in new[] { "s0017", "0017", "17", "S0017" })
        {
            var html = await sites.Tiled.GetStringAsync($"/en/search/?q={query}");
            Assert.Equal("s0017", Found(html).First());
            Assert.Contains("href=\"/en/station/s0017/\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_search_page_speaks_the_pages_language_and_says_when_nothing_is_found()
    {
        var html = await sites.Tiled.GetStringAsync("/ky/search/?q=zzzz");
        Assert.Contains("Эч нерсе табылган жок", html, StringComparison.Ordinal);
        Assert.Empty(Found(html));
        var ru = await sites.Tiled.GetStringAsync("/ru/search/?q=s00");
        Assert.Contains("Показаны первые 50", ru, StringComparison.Ordinal);
        Assert.Equal(50, Found(ru).Count);
        Assert.Contains("value=\"s00\"", ru, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_query_the_search_page_lists_the_regions_to_browse_and_the_home_page_has_the_form()
    {
        var html = await sites.Tiled.GetStringAsync("/en/search/");
        Assert.Contains("href=\"/en/area/batken/\"", html, StringComparison.Ordinal);
        Assert.Contains("data-index=\"stations.json\"", html, StringComparison.Ordinal);
        var home = await sites.Tiled.GetStringAsync("/en/");
        Assert.Contains("<form class=\"find\" role=\"search\" action=\"/en/search/\" method=\"get\"", home, StringComparison.Ordinal);
        var station = await sites.Tiled.GetStringAsync("/en/station/s0001/");
        Assert.Contains("href=\"/en/search/\"", station, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_index_for_a_published_copy_lists_every_station()
    {
        var json = JsonNode.Parse(await sites.Tiled.GetStringAsync("/ru/search/stations.json"))!.AsArray();
        Assert.Equal(2494, json.Count);
        Assert.Equal("s0001", json[0]![0]!.GetValue<string>());
    }

    [Fact]
    public void Stations_are_found_by_address_and_name_in_any_language_and_with_e_for_yo()
    {
        var json = DefinitionJson.With(root =>
        {
            var areas = root["areas"]!.AsArray().Select(a => a!.AsObject()).ToDictionary(a => a["id"]!.GetValue<string>());
            areas["s1"]["address"] = new JsonObject { ["en"] = "12 Manas Avenue, Bishkek", ["ru"] = "Бишкек, пр. Манаса, 12" };
            areas["s2"]["address"] = new JsonObject { ["ru"] = "ул. Берёзовая, 7" };
        });
        var election = ((DefinitionResult.Loaded)DefinitionJson.Load(json)).Election;
        var index = StationIndex.Of(election);
        string Ids(string query) => string.Join(",", index.Search(query, 10).Areas.Select(i => election.Areas[i].Id.Value));
        Assert.Equal("s1", Ids("манаса 12"));
        Assert.Equal("s1", Ids("Manas av"));
        Assert.Equal("s2", Ids("березовая"));
        Assert.Equal("s3", Ids("embassy"));
        Assert.Equal("", Ids("манаса 7"));
        Assert.Equal("s1,s2,s3", Ids("s"));
        Assert.Equal(0, index.Search("  ,. ", 10).Total);
    }

    [Fact]
    public void A_million_stations_are_searched_in_milliseconds_once_the_index_is_built()
    {
        using var file = new MemoryStream();
        SyntheticElection.WriteDefinition(file, 1_000_000, 7);
        var election = ((DefinitionResult.Loaded)DefinitionReader.Read(file.ToArray())).Election;
        var clock = Stopwatch.StartNew();
        var index = StationIndex.Of(election);
        var built = clock.Elapsed;
        var station = election.Areas.Last(a => a.IsStation).Id.Value;
        clock.Restart();
        var queries = 0;
        foreach (var query in new[] { station, station[^5..], "s12345", "999", "nothing-like-it" })
        {
            for (var i = 0; i < 20; i++, queries++)
            {
                index.Search(query, SearchPages.Limit);
            }
        }
        var each = clock.Elapsed / queries;
        output.WriteLine($"index of 1,000,000 stations built in {built.TotalSeconds:F1} s; a query takes {each.TotalMilliseconds:F2} ms");
        Assert.Equal(station, election.Areas[index.Search(station, 1).Areas[0]].Id.Value);
        Assert.True(each < TimeSpan.FromMilliseconds(50), $"a query took {each.TotalMilliseconds:F1} ms");
    }
}
