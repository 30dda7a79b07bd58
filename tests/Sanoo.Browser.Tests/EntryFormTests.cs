using Microsoft.Playwright;
using Sanoo.Core.Protocols;

namespace Sanoo.Browser.Tests;

/// <summary>Two district operators type the same paper protocol in the entry form; it is counted when they agree.</summary>
[Collection(ResultsSiteGroup.Name)]
public sealed class EntryFormTests(ResultsSite site)
{
    private static async Task TypeAsync(IPage page, Protocol protocol)
    {
        var plan = ResultsSite.Sample.Election.Contest(protocol.Contest)!;
        var form = page.Locator($"form.protocol[data-contest='{protocol.Contest}']");
        for (var i = 0; i < plan.Form.Lines.Length; i++)
        {
            await form.Locator($"input[name='line:{plan.Form.Lines[i].Id}']")
                .FillAsync(protocol.Lines[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        for (var i = 0; i < plan.Choices.Length; i++)
        {
            await form.Locator($"input[name='vote:{plan.Choices[i].Id}']")
                .FillAsync(protocol.Votes[i].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task An_operator_sees_a_broken_relation_as_they_type_and_the_second_operator_completes_the_pair()
    {
        var station = ResultsSite.Sample.Election.Areas.Where(a => a.Parent?.Value == "d21").Skip(2).First();
        var protocol = ResultsSite.Sample.Hand.First(p => p.Station == station.Id && p.Contest.Value == "list");
        var form = $"form.protocol[data-contest='list']";

        await using var first = await site.Browser.NewContextAsync(new() { Locale = "en-GB" });
        var page = await first.NewPageAsync();
        await page.GotoAsync(new Uri(site.Address, "/en/enter/").ToString());
        await page.FillAsync("input[name=station]", station.Id.Value);
        await page.ClickAsync("form.pick button");
        Assert.EndsWith($"/en/enter/{station.Id}/", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#token", ResultsSite.FirstOperatorToken);
        await page.DispatchEventAsync("#token", "change");

        var valid = ResultsSite.Sample.Election.Contest(protocol.Contest)!.LineIndex[new Core.Definitions.LineId("valid")];
        await TypeAsync(page, protocol with { Lines = protocol.Lines.SetItem(valid, protocol.Lines[valid] + 7) });
        var broken = page.Locator($"{form} li[data-relation=valid_equals_votes]");
        Assert.Equal("false", await broken.GetAttributeAsync("data-holds"));
        Assert.Contains("7 apart", await broken.TextContentAsync(), StringComparison.Ordinal);
        await page.Locator($"{form} input[name='line:valid']")
            .FillAsync(protocol.Lines[valid].ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, await page.Locator($"{form} li[data-holds=false]").CountAsync());

        await page.ClickAsync($"{form} button[type=submit]");
        await Assertions.Expect(page.Locator($"{form} .answer")).ToHaveAttributeAsync("data-status", "awaiting");

        await using var second = await site.Browser.NewContextAsync(new() { Locale = "ru-RU" });
        var other = await second.NewPageAsync();
        await other.GotoAsync(new Uri(site.Address, $"/ru/enter/{station.Id}/").ToString());
        await other.FillAsync("#token", ResultsSite.SecondOperatorToken);
        await TypeAsync(other, protocol);
        await other.ClickAsync($"{form} button[type=submit]");
        await Assertions.Expect(other.Locator($"{form} .answer")).ToHaveAttributeAsync("data-status", "matched");
        Assert.Contains("протокол учтён", await other.Locator($"{form} .answer").TextContentAsync(), StringComparison.Ordinal);

        var pageOfStation = await first.NewPageAsync();
        await pageOfStation.GotoAsync(new Uri(site.Address, $"/en/station/{station.Id}/").ToString());
        await Assertions.Expect(pageOfStation.Locator("section.count").Nth(1).Locator("table.versions"))
            .ToContainTextAsync("entries:d21-a+d21-b", new() { Timeout = 10_000 });
    }

    [Fact]
    public async Task A_mismatch_shows_the_second_operator_the_lines_to_check_with_their_own_figures_only()
    {
        var station = ResultsSite.Sample.Election.Areas.Where(a => a.Parent?.Value == "d21").Skip(3).First();
        var paper = ResultsSite.Sample.Hand.First(p => p.Station == station.Id && p.Contest.Value == "list");
        var theirs = paper.Votes[0] + 54_321;
        var form = $"form.protocol[data-contest='list']";

        await using var context = await site.Browser.NewContextAsync(new() { Locale = "en-GB" });
        foreach (var (token, protocol, second) in new[]
        {
            (ResultsSite.FirstOperatorToken, paper with { Votes = paper.Votes.SetItem(0, theirs) }, false),
            (ResultsSite.SecondOperatorToken, paper, true),
        })
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(site.Address, $"/en/enter/{station.Id}/").ToString());
            await page.FillAsync("#token", token);
            await TypeAsync(page, protocol);
            await page.ClickAsync($"{form} button[type=submit]");
            await Assertions.Expect(page.Locator($"{form} .answer")).ToHaveAttributeAsync("data-status", second ? "mismatch" : "awaiting");
            if (second)
            {
                var line = page.Locator($"{form} .answer li[data-item=p01]");
                Assert.Equal($"p01: {paper.Votes[0]}", await line.TextContentAsync());
                Assert.DoesNotContain(
                    theirs.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    await page.Locator($"{form} .answer").TextContentAsync(),
                    StringComparison.Ordinal);
            }
        }
    }
}
