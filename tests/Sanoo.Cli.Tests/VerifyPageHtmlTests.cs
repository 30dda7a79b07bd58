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

    private Task<(int Code, string Output)> VerifiedAsync((string Path, Func<string, string> Change)? alter) =>
        TamperDrill.VerifiedAsync(Run(), Sample.DefinitionJson, _commission, async log =>
        {
            var token = SHA256.HashData("ann"u8);
            await log.Store.AddOperatorAsync(new Operator("ann", OperatorRole.Admin, null, token));
            var list = Sample.Hand.Where(p => p.Contest.Value == "list").ToList();
            await log.SubmitAsync([.. list.Select(p => new Submission(p.Checked(Sample.Election), new Sender.Operator("ann")))]);
        }, alterText: alter);

    /// <summary>A store and server of their own for each verification (the second must not find the first's operator).</summary>
    private string Run() => Directory.CreateDirectory(Path.Combine(_folder, Guid.NewGuid().ToString("N"))).FullName;

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

    [GeneratedRegex("data-votes=\"[0-9]+\">([^<]+)<")]
    private static partial Regex Votes();
}
