using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Sanoo.Browser.Tests;

/// <summary>
/// A Kyrgyz or Russian reader sees no English: every page of the site, read as the browser shows it (text and the labels a
/// screen reader speaks), has no word in Latin letters but what is Latin on purpose: hashes, ids and commands in
/// <c>code</c>, names the definition gives in the page's language, text marked with another <c>lang</c> (a definition's
/// text given only in another language), text people entered (<c>data-entered</c>: a correction's or recount's reason, an
/// observer's report, shown as typed), hashes and paths in running text, and a short list of abbreviations, names and a
/// citation kept as they are.
/// </summary>
[Collection(ResultsSiteGroup.Name)]
public sealed partial class LanguageTests(ResultsSite site, ITestOutputHelper output)
{
    /// <summary>Latin kept as it is in Russian and Kyrgyz text: formats, standards, units and a journal's name.</summary>
    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal)
    {
        "SHA", "CSV", "JSON", "UTC", "Ed", "URL", "KEY", "PDF", "API", "HTTP", "QR", "NET", "Sanoo", "p", "Annals", "of", "Applied", "Statistics",
    };

    /// <summary>Every page of the site a reader can reach: the nation, a region, a district, a station with a rejected version …</summary>
    private static readonly string[] Pages =
    [
        "/{0}/", "/{0}/area/batken/", "/{0}/area/d01/", "/{0}/station/s0001/", "/{0}/station/s0002/", "/{0}/discrepancies/",
        "/{0}/turnout/", "/{0}/verify/", "/{0}/search/?q=s00", "/{0}/search/?q=zzzz", "/{0}/single-member/", "/{0}/forensics/",
        "/{0}/reports/", "/{0}/area/d01/turnout/", "/{0}/enter/", "/{0}/no-such-page", "/{0}/station/NOPE/",
    ];

    /// <summary>The visible text, with every element that is Latin on purpose (or hidden) left out, and the spoken labels.</summary>
    private const string VisibleText = """
        (lang) => {
          const skip = el => el.closest('code, pre, script, style, [hidden], [aria-hidden=true], [data-entered]')
            || (el.closest('[lang]') && el.closest('[lang]').getAttribute('lang') !== lang);
          const parts = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const el = node.parentElement;
            if (!el || skip(el) || !el.checkVisibility()) continue;
            if (node.textContent.trim()) parts.push(node.textContent.trim());
          }
          for (const el of document.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
            if (skip(el)) continue;
            for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
              if (el.getAttribute(name)) parts.push(el.getAttribute(name));
            }
          }
          parts.push(document.title);
          return parts;
        }
        """;

    [Theory]
    [InlineData("ky")]
    [InlineData("ru")]
    public async Task No_page_in_kyrgyz_or_russian_shows_a_word_of_english(string language)
    {
        var named = Named(language);
        await using var context = await site.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var leaks = new List<string>();
        foreach (var pattern in Pages)
        {
            var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, language);
            var response = await page.GotoAsync(new Uri(site.Address, path).ToString());
            Assert.NotNull(response);
            Assert.StartsWith("text/html", response!.Headers["content-type"], StringComparison.Ordinal);
            Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
            var text = await page.EvaluateAsync<string[]>(VisibleText, language);
            Assert.NotEmpty(text);
            foreach (var part in text)
            {
                var english = Latin().Matches(HashOrPath().Replace(part, " ")).Select(m => m.Value)
                    .Where(w => !Kept.Contains(w) && !named.Contains(w)).ToList();
                if (english.Count > 0)
                {
                    leaks.Add($"{path}: {string.Join(" ", english.Distinct())}  in «{Shorten(part)}»");
                }
            }
        }
        foreach (var leak in leaks.Distinct())
        {
            output.WriteLine(leak);
        }
        Assert.True(leaks.Count == 0, $"English on the {language} pages:\n{string.Join("\n", leaks.Distinct().Take(60))}");
    }

    /// <summary>
    /// The Latin words the definition itself says in <paramref name="language"/> (a party named in Latin letters) and its ids,
    /// which pages show as names and as the last resort of a name.
    /// </summary>
    private static HashSet<string> Named(string language)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        using var definition = JsonDocument.Parse(ResultsSite.Sample.DefinitionJson);
        Walk(definition.RootElement);
        return words;

        void Walk(JsonElement element)
        {
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item);
                }
            }
            else if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String && (property.Name == "id" || property.Name == language))
                    {
                        words.UnionWith(Latin().Matches(property.Value.ToString()).Select(m => m.Value));
                    }
                    Walk(property.Value);
                }
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";

    [GeneratedRegex(@"\b[0-9a-f]{16,}\b|(?<!\w)/[\w./{}?=*-]+")]
    private static partial Regex HashOrPath();

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex Latin();
}
