using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Sanoo.Web.Site.Components;

namespace Sanoo.Web.Site;

/// <summary>
/// Renders the site's Razor components to HTML: the same code serves the live pages and the
/// files written by <c>sanoo publish</c>. Thread-safe.
/// </summary>
/// <remarks>
/// ASP.NET's <c>HtmlRenderer</c> keeps every root component it rendered, with its parameters and render tree, until it is disposed
/// (it has no way to drop one): tens of kilobytes a page at the Kyrgyz sample's size and some 135 KB a district page of a
/// million-station election, so a server rendering pages all night would grow without end. This renderer hands each page to the
/// current <c>HtmlRenderer</c> and replaces it after <see cref="PagesPerRenderer"/> pages; the old one is disposed once the pages
/// it is rendering are done. Ten pages a renderer: at a million stations a district page's render tree is about a megabyte (some
/// 700 rows), and a hundred pages a renderer held 125 MB of them in <c>sanoo verify</c>'s pages' check (a renderer a core); a new
/// renderer costs far less than the ten pages it renders (the check's time did not move).
/// </remarks>
public sealed class SiteRenderer : IAsyncDisposable
{
    /// <summary>How many pages one <c>HtmlRenderer</c> renders before it is replaced.</summary>
    public const int PagesPerRenderer = 10;

    /// <summary>Text is written as UTF-8, not as character references: Kyrgyz and Russian pages are a third of the size.</summary>
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
        .AddSingleton(JavaScriptEncoder.Create(UnicodeRanges.All))
        .BuildServiceProvider();
    private readonly Lock _gate = new();
    private Generation _current;
    private bool _disposed;

    /// <summary>A renderer whose pages ask for a newer snapshot every <paramref name="refresh"/>.</summary>
    public SiteRenderer(TimeSpan refresh)
    {
        _current = new Generation(new HtmlRenderer(_services, NullLoggerFactory.Instance));
        RefreshMilliseconds = (int)refresh.TotalMilliseconds;
    }

    /// <summary>How many <c>HtmlRenderer</c>s were made so far (the first included): for tests of the renewal.</summary>
    internal int Renderers { get; private set; } = 1;

    /// <summary>How often pages ask whether a newer snapshot is out.</summary>
    public int RefreshMilliseconds { get; }

    /// <summary>An area page's HTML.</summary>
    public Task<string> AreaAsync(AreaPage page) => RenderAsync<AreaView>(new()
    {
        [nameof(AreaView.Page)] = page,
        [nameof(AreaView.RefreshMilliseconds)] = RefreshMilliseconds,
    });

    /// <summary>A station page's HTML.</summary>
    public Task<string> StationAsync(StationPage page) => RenderAsync<StationView>(new()
    {
        [nameof(StationView.Page)] = page,
        [nameof(StationView.RefreshMilliseconds)] = RefreshMilliseconds,
    });

    /// <summary>The discrepancy ledger's HTML.</summary>
    public Task<string> LedgerAsync(LedgerPage page) => RenderAsync<LedgerView>(new()
    {
        [nameof(LedgerView.Page)] = page,
        [nameof(LedgerView.RefreshMilliseconds)] = RefreshMilliseconds,
    });

    /// <summary>The page listing every single-member contest.</summary>
    public Task<string> SingleMemberAsync(SingleMemberPage page) => RenderAsync<SingleMemberView>(new()
    {
        [nameof(SingleMemberView.Page)] = page,
        [nameof(SingleMemberView.RefreshMilliseconds)] = RefreshMilliseconds,
    });

    /// <summary>An area's observers' reports page.</summary>
    public Task<string> ReportsAsync(Reports.ReportsPage page) => RenderAsync<ReportsView>(new()
    {
        [nameof(ReportsView.Page)] = page,
        [nameof(ReportsView.RefreshMilliseconds)] = RefreshMilliseconds,
    });

    /// <summary>The "how to check these numbers" page.</summary>
    public Task<string> VerifyAsync(VerifyPage page) => RenderAsync<VerifyView>(new()
    {
        [nameof(VerifyView.Page)] = page,
        [nameof(VerifyView.RefreshMilliseconds)] = RefreshMilliseconds,
    });

    /// <summary>The risk-limiting audit's page.</summary>
    public Task<string> AuditAsync(Audits.AuditPage page) => RenderAsync<AuditView>(new()
    {
        [nameof(AuditView.Page)] = page,
        [nameof(AuditView.RefreshMilliseconds)] = RefreshMilliseconds,
    });

    /// <summary>An area's turnout-through-the-day page.</summary>
    public Task<string> TurnoutAsync(Turnout.TurnoutPage page) => RenderAsync<TurnoutDayView>(new()
    {
        [nameof(TurnoutDayView.Page)] = page,
        [nameof(TurnoutDayView.RefreshMilliseconds)] = RefreshMilliseconds,
    });

    /// <summary>An area's page of the count through the night.</summary>
    public Task<string> ProgressAsync(Progress.ProgressPage page) => RenderAsync<ProgressNightView>(new()
    {
        [nameof(ProgressNightView.Page)] = page,
        [nameof(ProgressNightView.RefreshMilliseconds)] = RefreshMilliseconds,
    });

    /// <summary>The page for finding one's polling station.</summary>
    public Task<string> SearchAsync(SearchPage page) => RenderAsync<SearchView>(new() { [nameof(SearchView.Page)] = page });

    /// <summary>An area's forensics page.</summary>
    public Task<string> ForensicsAsync(Forensics.ForensicsPage page) => RenderAsync<ForensicsView>(new()
    {
        [nameof(ForensicsView.Page)] = page,
        [nameof(ForensicsView.RefreshMilliseconds)] = RefreshMilliseconds,
    });

    /// <summary>The operators' entry page.</summary>
    public Task<string> EntryAsync(EntryPage page) => RenderAsync<EntryView>(new() { [nameof(EntryView.Page)] = page });

    /// <summary>The supervisor's queue page.</summary>
    public Task<string> QueueAsync(EntryPage page) => RenderAsync<QueueView>(new() { [nameof(QueueView.Page)] = page });

    /// <summary>A page that only says <paramref name="text"/> under the frame's title: no such page, or the server failed.</summary>
    public Task<string> NoticeAsync(PageFrame frame, string text) =>
        RenderAsync<NoticeView>(new() { [nameof(NoticeView.Frame)] = frame, [nameof(NoticeView.Text)] = text });

    private async Task<string> RenderAsync<T>(Dictionary<string, object?> parameters)
        where T : IComponent
    {
        var (generation, retired) = Take();
        if (retired is not null)
        {
            await retired.Renderer.DisposeAsync();
        }
        try
        {
            var renderer = generation.Renderer;
            return await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var output = await renderer.RenderComponentAsync<T>(ParameterView.FromDictionary(parameters));
                // A no-break space is valid as it is in UTF-8: two bytes, not the six of "&#xA0;" (Russian and Kyrgyz group digits with it).
                return "<!DOCTYPE html>\n" + output.ToHtmlString().Replace("&#xA0;", "\u00A0", StringComparison.Ordinal);
            });
        }
        finally
        {
            await ReturnAsync(generation);
        }
    }

    /// <summary>
    /// The renderer for one more page, a new one when the current has rendered its share; and the one it replaced, to dispose, when
    /// no page is rendering on it.
    /// </summary>
    private (Generation Current, Generation? Retired) Take()
    {
        Generation? retired = null;
        Generation current;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_current.Pages == PagesPerRenderer)
            {
                retired = Retire(_current);
                _current = new Generation(new HtmlRenderer(_services, NullLoggerFactory.Instance));
                Renderers++;
            }
            _current.Pages++;
            _current.Rendering++;
            current = _current;
        }
        return (current, retired);
    }

    /// <summary>A page done: its renderer is disposed if it was replaced meanwhile and this was its last page.</summary>
    private async ValueTask ReturnAsync(Generation generation)
    {
        bool last;
        lock (_gate)
        {
            generation.Rendering--;
            last = generation.Retired && generation.Rendering == 0;
        }
        if (last)
        {
            await generation.Renderer.DisposeAsync();
        }
    }

    /// <summary>Marks <paramref name="generation"/> replaced (under the gate); returns it when no page is rendering on it.</summary>
    private static Generation? Retire(Generation generation)
    {
        generation.Retired = true;
        return generation.Rendering == 0 ? generation : null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Generation? last;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            last = Retire(_current);
        }
        if (last is not null)
        {
            await last.Renderer.DisposeAsync();
        }
        await _services.DisposeAsync();
    }

    /// <summary>One <c>HtmlRenderer</c>, the pages it took and those it is rendering now.</summary>
    private sealed class Generation(HtmlRenderer renderer)
    {
        public HtmlRenderer Renderer { get; } = renderer;

        public int Pages { get; set; }

        public int Rendering { get; set; }

        public bool Retired { get; set; }
    }
}
