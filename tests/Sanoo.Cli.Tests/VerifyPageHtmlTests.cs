using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Storage.Access;
using Sanoo.Testing;
using Sanoo.Web.Publishing;

namespace Sanoo.Cli.Tests;

/// <summary>
/// <c>sanoo verify --url</c> holds a live server's area pages' HTML to the pages it renders itself from its verified snapshot: a figure
/// a front holding the server changes in the nation's page is named by file, the text shown and the text the protocols give.
/// </summary>
public sealed partial class VerifyPageHtmlTests : IDisposable
{
    private static readonly GeneratedElection Sample = Kg2021Generator.Generate();
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-verify-html-").FullName;
    private readonly CommissionKey _commission = CommissionKey.Ephemeral();

    private Task<(int Code, string Output)> VerifiedAsync((string Path, Func<string, string> Change)? alter, params string[] options) =>
        CountedAsync(p => p.Contest.Value == "list", alter, options);

    /// <summary>
    /// Verifies a live server that counted the hand protocols <paramref name="counted"/> picks, its answers altered by <paramref name="alter"/>.
    /// </summary>
    private Task<(int Code, string Output)> CountedAsync(
        Func<Core.Protocols.Protocol, bool> counted, (string Path, Func<string, string> Change)? alter, params string[] options) =>
        TamperDrill.VerifiedAsync(Run(), Sample.DefinitionJson, _commission, async log =>
        {
            var token = SHA256.HashData("ann"u8);
            await log.Store.AddOperatorAsync(new Operator("ann", OperatorRole.Admin, null, token));
            var chosen = Sample.Hand.Where(counted).ToList();
            await log.SubmitAsync([.. chosen.Select(p => new Submission(p.Checked(Sample.Election), new Sender.Operator("ann")))]);
        }, alterText: alter, options: options);

    /// <summary>The HTML pages of the areas just above the stations (districts, a grouping's areas), every language, both orders.</summary>
    private static int DistrictPages => Sample.Election.Areas.Count(a => !a.IsStation
        && (a.Level == Sample.Election.Definition.TreeDepth - 2 || Sample.Election.InGrouping(Sample.Election.AreaIndex(a.Id))))
        * Sample.Election.Definition.Languages.Length * 2;

    /// <summary>The HTML pages of the areas above the stations, in every language, both orders.</summary>
    private static int AreaPages => Sample.Election.Areas.Count(a => !a.IsStation) * Sample.Election.Definition.Languages.Length * 2;

    /// <summary>A store and server of their own for each verification (the second must not find the first's operator).</summary>
    private string Run() => Directory.CreateDirectory(Path.Combine(_folder, Guid.NewGuid().ToString("N"))).FullName;

    [Fact]
    public void A_difference_deep_in_a_long_line_is_shown_from_a_little_before_it_and_a_short_one_from_its_start()
    {
        // The "how to check" page's head line: two 64-digit roots before the register's size.
        var line = "100 protocol versions, root " + new string('a', 64) + "; register of {0} records, root " + new string('b', 64) + ".";
        var said = Commands.Verify.HtmlDifference.Of(
            "/en/verify/index.html", $"<p>{string.Format(CultureInfo.InvariantCulture, line, 2)}</p>",
            $"<p>{string.Format(CultureInfo.InvariantCulture, line, 3)}</p>");
        Assert.Matches(
            "the page shows \"…[a ;]*register of 2 records, root b+[.]?…?\" where the verified protocols give \"…[a ;]*register of 3 records",
            said);
        Assert.Contains("the page shows \"41 222\" where the verified protocols give \"41 122\"",
            Commands.Verify.HtmlDifference.Of("/en/index.html", "<td>41 222</td>", "<td>41 122</td>"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_live_servers_area_page_verifies_and_a_figure_changed_in_its_html_does_not()
    {
        var (honest, report) = await VerifiedAsync(null);
        Assert.True(honest == 0, report);

        string? shown = null;
        var (code, complaint) = await VerifiedAsync(("/en/index.html", html =>
        {
            var votes = Votes().Match(html);
            shown = votes.Groups[1].Value;
            return string.Concat(html.AsSpan(0, votes.Groups[1].Index), "1,234,567", html.AsSpan(votes.Groups[1].Index + shown.Length));
        }));

        Assert.True(code == Commands.VerifyCommand.Mismatch, complaint);
        Assert.Contains($"/en/index.html: the page shows \"1,234,567\" where the verified protocols give \"{shown}\"",
            complaint.ReplaceLineEndings(""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_live_servers_check_holds_every_page_above_the_districts_and_a_share_of_theirs_unless_told_all()
    {
        var (code, output) = await VerifiedAsync(null);
        Assert.True(code == 0, output);
        var share = HtmlShare().Match(output.ReplaceLineEndings(""));
        Assert.True(share.Success, output);
        var (held, of) = (int.Parse(share.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture),
            int.Parse(share.Groups[2].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
        Assert.Equal(AreaPages, of);
        Assert.InRange(held, AreaPages - DistrictPages + 1, AreaPages - 1); // the pages above, some districts' and not all

        var (whole, all) = await VerifiedAsync(null, "--pages", "all");
        Assert.True(whole == 0, all);
        Assert.Contains($"Pages' HTML: {AreaPages:N0} of {AreaPages:N0} area pages", all.ReplaceLineEndings(""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_figure_changed_in_a_districts_page_is_named_when_the_round_reads_it()
    {
        var district = Sample.Election.Areas.First(a => !a.IsStation && a.Level == Sample.Election.Definition.TreeDepth - 2);
        var path = Web.Site.SitePaths.Area("en", district) + "ballot.html";
        string? shown = null;
        var (code, complaint) = await VerifiedAsync((path, html =>
        {
            var votes = Votes().Match(html);
            shown = votes.Groups[1].Value;
            return string.Concat(html.AsSpan(0, votes.Groups[1].Index), "1,234,567", html.AsSpan(votes.Groups[1].Index + shown.Length));
        }), "--pages", "all");

        Assert.True(code == Commands.VerifyCommand.Mismatch, complaint);
        Assert.Contains($"{path}: the page shows \"1,234,567\" where the verified protocols give \"{shown}\"",
            complaint.ReplaceLineEndings(""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_live_servers_single_member_districts_page_verifies_and_a_winners_votes_changed_in_its_html_do_not()
    {
        var (honest, report) = await CountedAsync(_ => true, null);
        Assert.True(honest == 0, report);

        string? shown = null;
        var (code, complaint) = await CountedAsync(_ => true, ("/en/single-member/index.html", html =>
        {
            var winner = Winner().Match(html);
            Assert.True(winner.Success, html);
            shown = Commands.Verify.HtmlDifference.Text(winner.Groups[1].Value);
            return html.Replace(winner.Value, winner.Value.Replace($">{winner.Groups[1].Value}<", ">Somebody Else: 1,234,567<",
                StringComparison.Ordinal), StringComparison.Ordinal);
        }));

        Assert.True(code == Commands.VerifyCommand.Mismatch, complaint);
        Assert.Contains($"/en/single-member/index.html: the page shows \"Somebody Else: 1,234,567\" where the verified protocols give \"{shown}\"",
            complaint.ReplaceLineEndings(""), StringComparison.Ordinal);
    }

    [Fact]
    public void The_share_of_the_district_pages_reads_each_within_its_rounds_and_differs_from_round_to_round()
    {
        var share = Commands.Verify.PageShare.Random();
        var paths = Enumerable.Range(0, 2000).Select(i => $"/en/area/d{i:D4}/index.html").ToList();
        var rounds = Enumerable.Range(0, Commands.Verify.PageShare.Rounds).Select(r => paths.Where(p => share.Reads(r, p)).ToHashSet()).ToList();

        Assert.All(paths, p => Assert.Contains(rounds, read => read.Contains(p)));
        Assert.All(rounds, read => Assert.InRange(read.Count, 1, paths.Count / 4)); // a share, not the whole
        Assert.NotEqual(rounds[0], rounds[1]);
        // Another verifier deals the pages otherwise: its slices are not these.
        var other = Commands.Verify.PageShare.Random();
        Assert.Contains(paths, p => other.Slice(p) != share.Slice(p));
        Assert.All(paths, p => Assert.True(Commands.Verify.PageShare.All.Reads(0, p)));
    }

    [Fact]
    public void A_folders_stations_pages_are_all_held_in_a_small_election_and_a_fresh_random_sample_of_a_large_ones()
    {
        const int Sampled = Commands.Verify.PageShare.SampledStations;
        var share = Commands.Verify.PageShare.Random();
        Assert.All(Enumerable.Range(0, 1000), _ => Assert.True(share.ReadsStation(Sampled)));

        const int Stations = 100 * Sampled;
        var rounds = Enumerable.Range(0, 2).Select(_ => Enumerable.Range(0, Stations).Where(_ => share.ReadsStation(Stations)).Count()).ToList();
        // Some SampledStations a round (a binomial draw: ten of its standard deviations either side), not the same stations twice.
        Assert.All(rounds, held => Assert.InRange(held, Sampled - 1000, Sampled + 1000));
        var first = Enumerable.Range(0, Stations).Where(_ => share.ReadsStation(Stations)).ToHashSet();
        var second = Enumerable.Range(0, Stations).Where(_ => share.ReadsStation(Stations)).ToHashSet();
        Assert.InRange(first.Intersect(second).Count(), 0, Sampled / 10);
        Assert.All(Enumerable.Range(0, 1000), _ => Assert.True(Commands.Verify.PageShare.All.ReadsStation(Stations)));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    [InlineData("ky")]
    public void The_witnesses_line_reads_back_into_the_names_and_minutes_it_was_rendered_from(string code)
    {
        var language = Web.Site.SiteLanguage.Of(code);
        var (words, culture) = (language.Words, language.Culture);
        Web.Site.WitnessMark[] marks = [new("Observer Mission", 3), new("ОБСЕ/БДИПЧ, Бишкек (миссия)", 1234)];
        var line = string.Format(culture, words.VerifiedByFormat, string.Join(", ", marks.Select(m =>
            string.Format(culture, words.WitnessAgoFormat, m.Name, language.Number(m.Minutes)))));

        Assert.Equal(marks, Commands.Verify.WitnessLine.Read(System.Net.WebUtility.HtmlEncode(line), language));
        Assert.Equal([], Commands.Verify.WitnessLine.Read(System.Net.WebUtility.HtmlEncode(words.NoWitness), language)!);
        Assert.Null(Commands.Verify.WitnessLine.Read("Vouched for by everyone", language));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [GeneratedRegex("Pages' HTML: ([0-9,]+) of ([0-9,]+) area pages")]
    private static partial Regex HtmlShare();

    [GeneratedRegex("data-votes=\"[0-9]+\">([^<]+)<")]
    private static partial Regex Votes();

    [GeneratedRegex("<td data-winner=\"[^\"]*\">([^<]+)</td>")]
    private static partial Regex Winner();
}
