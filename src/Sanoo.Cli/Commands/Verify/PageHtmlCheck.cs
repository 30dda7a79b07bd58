using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sanoo.Web.Site;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Holds the site's HTML pages (an area's <c>index.html</c> and its twin in ballot order, <c>ballot.html</c>, the single-member
/// districts' page, a station's page, the pages of the whole election) to the pages the verifier renders itself
/// (<see cref="RenderedPage"/>), with the site's own renderer (<see cref="SiteRenderer"/>), from the page model it built from its
/// verified snapshot and the commission's acts its register replay holds (<see cref="RegisterReplay.CommissionActs"/>: the stage in
/// words, a certification's statement, whether the audit page is linked): byte for byte, but for what neither gives, which is taken
/// from the page's data (itself held to the verified snapshot for everything else) or from the page, as the site's own addresses
/// and settings:
/// <list type="bullet">
/// <item>from the page's <c>data.json</c> (the site's snapshot marker for the "how to check" page, which has none): the snapshot the
/// page is of, when it was published (the footer and the summary's "as of"), a pause (the server's, when a newer snapshot failed its
/// check), and the signed tree head named;</item>
/// <item>from the page itself, none of them a figure: the seconds between the page's checks for a newer snapshot
/// (<c>data-interval</c>), the site's public address in the share card's links, whether the page carries the commission key for its
/// own check (the key shown must then be the verified one), and in the line naming the witnesses who cosigned the head, how many
/// minutes ago each did ("… 3 min ago", read against the clock when the page was made). The witnesses it names must be ones whose
/// cosignature of that head the verifier verified (<see cref="VouchedWitnesses"/>; a published folder holds none).</item>
/// </list>
/// A difference is named by file, with the text the page shows, the text the verified protocols give, and the heading and row it
/// stands in (<see cref="HtmlDifference"/>); a stage, an audit link or a witness the register and cosignatures do not give, in words.
/// </summary>
/// <param name="election">The election.</param>
/// <param name="commissionKey">The commission key verified (base64), which a page's own check must show.</param>
/// <param name="witnesses">The witnesses whose cosignatures a live server's listing gave and the verifier verified (its pages name
/// their witnesses on every page); null for a published folder, which holds no cosignature (its pages name none).</param>
internal sealed partial class PageHtmlCheck(
    Core.Definitions.Election election, string commissionKey, VouchedWitnesses? witnesses) : IAsyncDisposable
{
    private readonly ConcurrentBag<SiteRenderer> _renderers = [];
    private readonly ConcurrentBag<SiteRenderer> _all = [];

    /// <summary>Area pages compared (the districts' page is not counted: the share a live server's round reads is of area pages).</summary>
    public int Pages => Volatile.Read(ref _pages);

    private int _pages;

    /// <summary>The pages compared in each language (by code) and the differences found in their bytes.</summary>
    private readonly ConcurrentDictionary<string, LanguagePages> _languages = new(StringComparer.Ordinal);

    /// <summary>
    /// Compares the published HTML (<paramref name="published"/>, decoded) at <paramref name="path"/>, whose data is <paramref name="data"/>
    /// (a station's <c>data.json</c>, the progress page's, the site's snapshot marker for the "how to check" page, which has no data of its own),
    /// with the <paramref name="page"/> the verifier renders itself, framed from that data (<see cref="Framed"/>). Before an act, or any
    /// difference, is named, <paramref name="movedOn"/> asks whether the server's register moved past the head's since (its acts were
    /// then read anew, its pages made again).
    /// </summary>
    /// <returns>False when the server moved on meanwhile: check again.</returns>
    public Task<bool> CompareAsync(
        string path,
        string published,
        RenderedPage page,
        JsonObject data,
        FigureProblems problems,
        Func<Task<bool>> movedOn,
        CancellationToken cancellationToken)
    {
        switch (page)
        {
            case RenderedPage.OfArea(var model, var area, var ballot):
                Interlocked.Increment(ref _pages);
                var shown = Shown(model, area, data, published);
                return CompareFramedAsync(path, published, shown.Frame, frame => RenderAsync(renderer => renderer.AreaAsync(ballot
                    ? shown with { BallotOrder = true, Frame = frame with { File = SitePaths.BallotOrder } }
                    : shown with { Frame = frame })), problems, movedOn, cancellationToken);
            case RenderedPage.Districts(var districts):
                // Its own check is of the nation's area, as its page model says (SingleMemberPages).
                return CompareFramedAsync(path, published, Framed(districts.Frame, election.Areas[0].Id.Value, data, published),
                    frame => RenderAsync(renderer => renderer.SingleMemberAsync(districts with { Frame = frame })), problems, movedOn,
                    cancellationToken);
            case RenderedPage.OfStation(var model, var station):
                return CompareFramedAsync(path, published, Framed(model.Frame, station.Id.Value, data, published),
                    frame => RenderAsync(renderer => renderer.StationAsync(model with { Frame = frame })), problems, movedOn, cancellationToken);
            case RenderedPage.Whole(var whole, var render):
                return CompareFramedAsync(path, published, Framed(whole, "", data, published) with { Check = null },
                    frame => RenderAsync(renderer => render(renderer, frame)), problems, movedOn, cancellationToken);
            default:
                throw new ArgumentOutOfRangeException(nameof(page));
        }
    }

    /// <summary>
    /// Compares a published page with the one <paramref name="render"/> renders from <paramref name="frame"/> (given what neither the
    /// protocols nor the register give): the witnesses named, the audit link and the stage first, each named in words.
    /// </summary>
    private async Task<bool> CompareFramedAsync(
        string path,
        string published,
        PageFrame frame,
        Func<PageFrame, Task<string>> render,
        FigureProblems problems,
        Func<Task<bool>> movedOn,
        CancellationToken cancellationToken)
    {
        var (moved, marks) = await WitnessesAsync(path, published, frame, problems, cancellationToken);
        if (moved)
        {
            return false;
        }
        frame = frame with { Witnesses = marks };
        var linked = published.Contains(" data-audit-link>", StringComparison.Ordinal);
        if (linked != frame.HasAudit)
        {
            if (await movedOn())
            {
                return false;
            }
            problems.Add(linked
                ? $"{path}: the page links the audit page, but the register holds no audit plan"
                : $"{path}: the page does not link the audit page, though the register holds the audit plan");
            frame = frame with { HasAudit = linked };
        }
        var rebuilt = await render(frame);
        // The stage in words, and the certification's statement quoted, are the register's acts' at the head.
        if (StageParagraph().Match(published) is { Success: true } stage && StageParagraph().Match(rebuilt) is { Success: true } given
            && stage.Value != given.Value)
        {
            if (await movedOn())
            {
                return false;
            }
            problems.Add($"{path}: the page states the stage \"{HtmlDifference.Text(stage.Value)}\" where the register's acts and the "
                + $"verified count give \"{HtmlDifference.Text(given.Value)}\"");
            published = string.Concat(published.AsSpan(0, stage.Index), given.Value, published.AsSpan(stage.Index + stage.Length));
        }
        if (Interval().Match(rebuilt) is { Success: true } interval)
        {
            published = Interval().Replace(published, interval.Value, 1);
        }
        var language = _languages.GetOrAdd(frame.Language.Code, _ => new LanguagePages());
        language.Count();
        if (published != rebuilt)
        {
            // A server that read a new act since made its pages anew, with a new publication time: this page may be of that
            // publication and its data of the one before (check again). Where the register did not move, the difference is named.
            if (await movedOn())
            {
                return false;
            }
            language.Differences.Enqueue(HtmlDifference.Of(path, published, rebuilt));
        }
        return true;
    }

    /// <summary>
    /// Adds the differences found in the pages' bytes to <paramref name="problems"/>, each named by file; but where every page of a
    /// language compared differs, one line for them all (with the first), naming the language and the words held to: a site worded
    /// otherwise than its register (<see cref="RegisterWords"/>) differs so in every page, and a figure changed in one page would be
    /// lost in the wall of them.
    /// </summary>
    public void AddDifferences(FigureProblems problems)
    {
        foreach (var (code, pages) in _languages.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            var differences = pages.Differences.ToArray();
            if (differences.Length > 1 && differences.Length == pages.Compared)
            {
                var words = Web.Catalogs.WordCatalogs.Catalog(code)?.Source ?? $"the built-in {Web.Catalogs.WordCatalogs.Fallback} words";
                problems.Add($"/{code}/: every one of the {differences.Length:N0} HTML pages compared in this language differs from the page "
                    + $"the verifier renders with the words in force for {code} ({words}): the site's {code} pages are worded with words "
                    + "the register does not hold (a word catalog never recorded, or changed after it was). A site published before Sanoo "
                    + $"recorded its word catalogs is verified with the folder it was published with (sanoo verify --words FOLDER). The first: {
                        differences[0]}");
                continue;
            }
            foreach (var difference in differences)
            {
                problems.Add(difference);
            }
        }
    }

    /// <summary>
    /// The witnesses the page names, each held to the cosignatures verified of the head its frame names (a problem for each that is
    /// not), with the minutes the page shows: what the verifier renders. A folder's page names none, a server's page always has the
    /// line (null: none). Moved when the server moved on (a witness cosigned a newer head meanwhile).
    /// </summary>
    private async Task<(bool Moved, IReadOnlyList<WitnessMark>? Marks)> WitnessesAsync(
        string path, string published, PageFrame frame, FigureProblems problems, CancellationToken cancellationToken)
    {
        var marks = Witnesses().Match(published) is { Success: true } line
            ? WitnessLine.Read(line.Groups[1].Value, frame.Language)
            : null;
        var (size, root) = frame.TreeHead is { } head ? (head.Size, Convert.ToHexStringLower(head.Root)) : (0, "");
        foreach (var name in (marks ?? []).Select(m => m.Name).Distinct(StringComparer.Ordinal))
        {
            switch (witnesses is null ? false : await witnesses.VouchedAsync(name, size, root, cancellationToken))
            {
                case null:
                    return (true, null);
                case false:
                    problems.Add($"{path}: the page names {name} as a witness who verified its tree head, but "
                        + (witnesses is not null ? $"no cosignature by {name} of the head of {size:N0} entries (root {root}) verifies"
                            : "a published folder holds no cosignature for the verifier to check"));
                    break;
            }
        }
        return (false, witnesses is not null ? marks ?? [] : marks is { Count: > 0 } ? marks : null);
    }

    /// <summary>
    /// The area's page as published: its frame given what the protocols do not decide, from <paramref name="data"/> and the
    /// <paramref name="published"/> HTML (<see cref="Framed"/>), and the summary and share card that follow from it.
    /// </summary>
    private AreaPage Shown(AreaPage page, Core.Definitions.Area area, JsonObject data, string published)
    {
        var frame = Framed(page.Frame, area.Id.Value, data, published);
        page = page with
        {
            Frame = frame,
            Summary = page.Results is { } main
                ? FoldSummary.Of(main, frame.PublishedAt, frame.TimeZone, election.Definition.Date, frame.Language)
                : null,
        };
        var root = Canonical().Match(published) is { Success: true } c && c.Groups[1].Value.EndsWith(frame.Path, StringComparison.Ordinal)
            ? c.Groups[1].Value[..^frame.Path.Length]
            : "";
        return page with { Frame = page.Frame with { Share = ShareCards.Of(page, root.Length == 0 ? null : new Uri(root)) } };
    }

    /// <summary>
    /// A page's frame as published: the snapshot, publication time, pause and tree head its <paramref name="data"/> states, and the
    /// commission key for its own check (of <paramref name="area"/>) where the <paramref name="published"/> page carries one. A page's
    /// data in one language states the pause in its words; data the same in every language (a station's, the progress page's, the
    /// snapshot marker) as a flag, which the page shows in its language's words. A tree head's time is not shown on a page (the
    /// marker does not state it).
    /// </summary>
    private PageFrame Framed(PageFrame frame, string area, JsonObject data, string published)
    {
        var at = data["publishedAt"]?.GetValue<DateTimeOffset>() ?? DateTimeOffset.UnixEpoch;
        var head = data["treeHead"] is JsonObject h
            ? new Core.Transparency.TreeHead(
                "", [], h["size"]!.GetValue<long>(), Convert.FromHexString(h["root"]!.GetValue<string>()), 0, [],
                h["timestamp"]?.GetValue<DateTimeOffset>() ?? DateTimeOffset.UnixEpoch)
            : null;
        return frame with
        {
            Snapshot = data["snapshot"]!.GetValue<long>(),
            PublishedAt = at,
            Halted = data["halted"] is JsonValue halted && halted.TryGetValue<bool>(out var paused)
                ? (paused ? frame.Language.Words.Halted : null)
                : data["halted"]?.GetValue<string>(),
            TreeHead = head,
            Check = head is not null && published.Contains(" data-commission-key>", StringComparison.Ordinal)
                ? new PageCheck(area, commissionKey)
                : null,
        };
    }

    private async Task<string> RenderAsync(Func<SiteRenderer, Task<string>> render)
    {
        if (!_renderers.TryTake(out var renderer))
        {
            renderer = new SiteRenderer(TimeSpan.FromSeconds(5));
            _all.Add(renderer);
        }
        try
        {
            return await render(renderer);
        }
        finally
        {
            _renderers.Add(renderer);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var renderer in _all)
        {
            await renderer.DisposeAsync();
        }
    }

    /// <summary>The HTML pages of one language compared so far, and the differences found in their bytes (in the order found).</summary>
    private sealed class LanguagePages
    {
        private int _compared;

        /// <summary>Pages whose bytes were compared.</summary>
        public int Compared => Volatile.Read(ref _compared);

        /// <summary>Counts one more page compared.</summary>
        public void Count() => Interlocked.Increment(ref _compared);

        /// <summary>Each page that differs, named by file (<see cref="HtmlDifference"/>).</summary>
        public ConcurrentQueue<string> Differences { get; } = new();
    }

    [GeneratedRegex("<p class=\"stage\" data-stage>.*?</p>", RegexOptions.Singleline)]
    private static partial Regex StageParagraph();

    [GeneratedRegex("<br><span class=\"witnesses\">([^<]*)</span>")]
    private static partial Regex Witnesses();

    [GeneratedRegex("data-interval=\"[0-9]+\"")]
    private static partial Regex Interval();

    [GeneratedRegex("<link rel=\"canonical\" href=\"([^\"]*)\">")]
    private static partial Regex Canonical();
}
