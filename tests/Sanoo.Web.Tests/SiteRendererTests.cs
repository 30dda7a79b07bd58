using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Web.Site;

namespace Sanoo.Web.Tests;

/// <summary>
/// The site's renderer does not keep the pages it made: a server renders pages all night, and ASP.NET's renderer holds every
/// page it rendered until it is disposed, so <see cref="SiteRenderer"/> replaces it after <see cref="SiteRenderer.PagesPerRenderer"/>
/// pages, while pages are being rendered on it from many threads.
/// </summary>
public sealed class SiteRendererTests
{
    private static readonly GeneratedElection Sample = Kg2021Generator.Generate();
    private static readonly PageFrame Frame = PageFrames.Notice(Sample.Election, SiteLanguage.Of("en"), "Notice");

    /// <summary>A text of 100 KB (as .NET holds it) no other page has: a renderer that kept its page would keep it.</summary>
    private static string Text(int page) => page.ToString("D8", System.Globalization.CultureInfo.InvariantCulture) + new string('x', 50_000);

    [Fact]
    public async Task Memory_does_not_grow_with_the_pages_rendered()
    {
        await using var renderer = new SiteRenderer(TimeSpan.FromSeconds(30));
        const int pages = 4 * SiteRenderer.PagesPerRenderer;
        var texts = new List<WeakReference>(pages);
        for (var page = 0; page < pages; page++)
        {
            texts.Add(await RenderAsync(renderer, page));
        }
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var kept = texts.Count(t => t.IsAlive);

        // Each page's own text, held only by what rendered it: at most one renderer's share may still be held. Measured by the
        // texts themselves, not the process's heap, which the tests running beside this one grow and shrink.
        Assert.True(kept <= SiteRenderer.PagesPerRenderer, $"{kept:N0} of {pages:N0} pages' texts still held after rendering");
        Assert.True(renderer.Renderers >= 4, $"{renderer.Renderers} renderer(s) made for {pages:N0} pages");
    }

    /// <summary>Renders page <paramref name="page"/>'s own text; the text is then held only by whatever the renderer keeps.</summary>
    private static async Task<WeakReference> RenderAsync(SiteRenderer renderer, int page)
    {
        var text = Text(page);
        await renderer.NoticeAsync(Frame, text);
        return new WeakReference(text);
    }

    [Fact]
    public async Task Pages_rendered_from_many_threads_across_renewals_are_each_their_own()
    {
        await using var renderer = new SiteRenderer(TimeSpan.FromSeconds(30));
        const int pages = 3 * SiteRenderer.PagesPerRenderer + 7;

        static string Name(int page) => "page " + page.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

        var made = await Task.WhenAll(Enumerable.Range(0, pages).Select(page => Task.Run(async () =>
            (Page: page, Html: await renderer.NoticeAsync(Frame, Name(page))))));

        Assert.All(made, m =>
        {
            Assert.StartsWith("<!DOCTYPE html>", m.Html, StringComparison.Ordinal);
            Assert.Contains(Name(m.Page), m.Html, StringComparison.Ordinal);
        });
        Assert.Equal(4, renderer.Renderers);
    }
}
