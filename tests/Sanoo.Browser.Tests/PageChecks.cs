using Microsoft.Playwright;

namespace Sanoo.Browser.Tests;

/// <summary>
/// What must hold on every results page, read from the page itself in the browser: no share
/// total over 100%, no total over its base, no progress over its whole.
/// </summary>
public static class PageChecks
{
    private const string Script = """
        () => {
          const problems = [];
          const num = (el, name) => Number(el.getAttribute(name));
          for (const contest of document.querySelectorAll('section.contest')) {
            const id = contest.getAttribute('data-contest');
            for (const count of contest.querySelectorAll('ul.counts li[data-source]')) {
              const source = count.getAttribute('data-source');
              const reporting = num(count, 'data-reporting'), expected = num(count, 'data-expected');
              const participation = num(count, 'data-participation'), valid = num(count, 'data-valid'), registered = num(count, 'data-registered');
              if (reporting > expected) problems.push(`${id}/${source}: ${reporting} stations reporting of ${expected}`);
              if (valid > participation) problems.push(`${id}/${source}: ${valid} valid votes but ${participation} took part`);
              if (participation > registered) {
                problems.push(`${id}/${source}: ${participation} took part but ${registered} registered at the stations counted`);
              }
              let votes = 0, shares = 0;
              for (const cell of contest.querySelectorAll(`td[data-source="${source}"][data-votes]`)) votes += num(cell, 'data-votes');
              for (const cell of contest.querySelectorAll(`td[data-source="${source}"][data-share]`)) shares += num(cell, 'data-share');
              if (votes !== valid) problems.push(`${id}/${source}: choices add up to ${votes}, valid votes are ${valid}`);
              if (shares > 100.0000001) problems.push(`${id}/${source}: shares add up to ${shares}%`);
            }
            const seats = [...contest.querySelectorAll('.legend li[data-seats]')].reduce((s, li) => s + num(li, 'data-seats'), 0);
            const circles = contest.querySelectorAll('.hemicycle circle').length;
            if (seats !== circles) problems.push(`${id}: legend shows ${seats} seats, hemicycle ${circles}`);
          }
          for (const cell of document.querySelectorAll('td[data-reporting]')) {
            if (num(cell, 'data-reporting') > num(cell, 'data-expected')) problems.push(`area row: ${cell.textContent}`);
          }
          return problems;
        }
        """;

    /// <summary>Every impossible number on the page; empty when the page is sound.</summary>
    public static Task<string[]> ProblemsAsync(IPage page) => page.EvaluateAsync<string[]>(Script);

    /// <summary>Asserts the page holds no impossible number and declares its language.</summary>
    public static async Task AssertSoundAsync(IPage page, string language)
    {
        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        var problems = await ProblemsAsync(page);
        Assert.True(problems.Length == 0, $"{page.Url}: {string.Join("; ", problems)}");
    }
}
