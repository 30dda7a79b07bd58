using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Sanoo.Core.Definitions;
using Sanoo.Web.OpenData;

namespace Sanoo.Web.Tests;

/// <summary>The single-member districts' page offers its figures as CSV and JSON, as every other page does.</summary>
public sealed class SingleMemberDataTests(SharedSite site) : IClassFixture<SharedSite>
{
    [Fact]
    public async Task The_districts_page_links_its_csv_and_json_under_names_that_say_what_they_are()
    {
        var html = await site.Client.GetStringAsync("/ru/single-member/");
        var id = ServerFixture.Sample.Election.Definition.Id.Value;
        var links = Regex.Matches(html, "<a href=\"([^\"]+)\" download=\"([^\"]+)\"").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Contains(("/ru/single-member/data.csv", $"{id}-ru-single-member.csv"), links);
        Assert.Contains(("/ru/single-member/data.json", $"{id}-ru-single-member.json"), links);
    }

    [Fact]
    public async Task The_json_and_csv_hold_every_district_with_the_winner_runner_up_and_margin_the_page_shows()
    {
        var election = ServerFixture.Sample.Election;
        var contests = election.Contests.Where(c => c.Contest.Kind == ContestKind.SingleMember).Select(c => c.Contest.Id.Value).ToList();
        var data = await site.Client.GetFromJsonAsync("/en/single-member/data.json", Contracts.WireJson.Default.SingleMemberPageData);
        Assert.Equal(contests, data!.Districts.Select(d => d.Contest));
        var html = await site.Client.GetStringAsync("/en/single-member/");
        Assert.Contains("elected", data.Districts.Select(d => d.Outcome));
        foreach (var district in data.Districts)
        {
            var elected = html.Contains($"data-contest=\"{district.Contest}\" data-elected=\"true\"", StringComparison.Ordinal);
            Assert.Equal(elected, district.Outcome == "elected");
            if (district.Winner is { } winner)
            {
                Assert.Equal(winner.Votes - (district.RunnerUp?.Votes ?? 0), district.Margin);
                Assert.Equal(district.Contest, election.Contests.Single(c => c.Choices.Any(ch => ch.Id.Value == winner.Id)).Contest.Id.Value);
            }
        }

        var csv = (await site.Client.GetStringAsync("/en/single-member/data.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', SingleMemberCsv.Columns), csv[0]);
        Assert.Equal(data.Districts.Count, csv.Length - 1);
        var first = data.Districts[0];
        var row = csv[1].Split(',');
        Assert.Equal(first.Contest, row[0]);
        Assert.Equal(first.Outcome, row[Array.IndexOf(SingleMemberCsv.Columns, "outcome")]);
        Assert.Equal(
            first.Winner?.Votes.ToString(CultureInfo.InvariantCulture) ?? "", row[Array.IndexOf(SingleMemberCsv.Columns, "winner_votes")]);
        Assert.Equal(data.Snapshot.ToString(CultureInfo.InvariantCulture), row[^1]);
    }
}
