using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sanoo.Web.Site;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Holds an area's HTML pages (<c>index.html</c> and its twin in ballot order, <c>ballot.html</c>), and the single-member districts'
/// page, to the pages the verifier renders itself (<see cref="RenderedPage"/>), with the site's own renderer
/// (<see cref="SiteRenderer"/>), from the page model it built from its verified snapshot and the commission's acts its register
/// replay holds (<see cref="RegisterReplay.CommissionActs"/>: the stage in words, a certification's statement, whether the audit
/// page is linked): byte for byte, but for what neither gives, which is taken from the page's data (itself held to
/// the verified snapshot for everything else) or from the page, as the site's own addresses and settings:
/// <list type="bullet">
/// <item>from the page's <c>data.json</c>: the snapshot the page is of, when it was published (the footer and the summary's "as of"),
/// a pause (the server's, when a newer snapshot failed its check), and the signed tree head named;</item>
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
internal sealed partial class AreaHtmlCheck(
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
    /// Compares the published <paramref name="html"/> at <paramref name="path"/>, whose data is <paramref name="data"/>, with the
    /// <paramref name="page"/> the verifier renders itself. Before an act, or any difference, is named, <paramref name="movedOn"/> asks
    /// whether the server's register moved past the head's since (its acts were then read anew, its pages made again).
    /// </summary>
    /// <returns>False when the server moved on meanwhile: check again.</returns>
    public Task<bool> CompareAsync(
        string path,
        byte[] html,
        RenderedPage page,
        JsonObject data,
        FigureProblems problems,
        Func<Task<bool>> movedOn,
        CancellationToken cancellationToken)
    {
        var published = Encoding.UTF8.GetString(html);
        switch (page)
        {
            case RenderedPage.OfArea(var model, var area, var ballot):
                Interlocked.Increment(ref _pages);
                var shown = Shown(model, area, data, published);
                return CompareAsync(path, published, shown.Frame, frame => RenderAsync(renderer => renderer.AreaAsync(ballot
                    ? shown with { BallotOrder = true, Frame = frame with { File = SitePaths.BallotOrder } }
                    : shown with { Frame = frame })), problems, movedOn, cancellationToken);
            case RenderedPage.Districts(var districts):
                // Its own check is of the nation's area, as its page model says (SingleMemberPages).
                return CompareAsync(path, published, Framed(districts.Frame, election.Areas[0].Id.Value, data, published),
                    frame => RenderAsync(renderer => renderer.SingleMemberAsync(districts with { Frame = frame })), problems, movedOn,
                    cancellationToken);
            default:
                throw new ArgumentOutOfRangeException(nameof(page));
        }
    }

    /// <summary>
    /// Compares the published <paramref name="html"/> of the page of <paramref name="station"/> at <paramref name="path"/> with the page
    /// the verifier renders from <paramref name="page"/> (built from the station's entries the verified log holds), as an area's page
    /// is compared. A station's data states only its <paramref name="snapshot"/>: when it was published, a pause's banner and the tree
    /// head named are read from the page's footer and header (<see cref="StationFrame"/>), the head held to the verified one. Its
    /// recounts and observers' reports (whose records the verifier's acts do not yet carry) are cut from both pages, where they hold
    /// nothing but their tables' markup (<see cref="WithoutActs"/>): else the difference is named.
    /// </summary>
    /// <returns>False when the server moved on meanwhile: check again.</returns>
    public Task<bool> StationAsync(
        string path,
        byte[] html,
        StationPage page,
        Core.Definitions.Area station,
        long snapshot,
        (long Size, string Root) head,
        FigureProblems problems,
        Func<Task<bool>> movedOn,
        CancellationToken cancellationToken) =>
        FramedByPageAsync(path, WithoutActs(Encoding.UTF8.GetString(html)), page.Frame, station.Id.Value, snapshot, head,
            async frame => WithoutActs(await RenderAsync(renderer => renderer.StationAsync(page with { Frame = frame }))),
            problems, movedOn, cancellationToken);

    /// <summary>
    /// Compares a page of the whole election whose data states no more than the snapshot it is of, if it has any (the "how to check"
    /// page, the night's progress), given as <paramref name="html"/> at <paramref name="path"/>, with the page <paramref name="render"/>
    /// renders from <paramref name="frame"/> (built from the verified snapshot): what it is of and when it was published are read as a
    /// station page's are (<see cref="StationFrame"/>), its snapshot from its <c>body</c>.
    /// </summary>
    /// <returns>False when the server moved on meanwhile: check again.</returns>
    public Task<bool> WholeAsync(
        string path,
        string html,
        PageFrame frame,
        (long Size, string Root) head,
        Func<SiteRenderer, PageFrame, Task<string>> render,
        FigureProblems problems,
        Func<Task<bool>> movedOn,
        CancellationToken cancellationToken) =>
        FramedByPageAsync(path, html, frame, null, BodySnapshot().Match(html) is { Success: true } body
            ? long.Parse(body.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : head.Size, head, frame => RenderAsync(renderer => render(renderer, frame)), problems, movedOn, cancellationToken);

    /// <summary>
    /// Compares a page whose frame is read from the page itself (<see cref="StationFrame"/>); its own check, of <paramref name="area"/>
    /// (none for a page of the whole election), shows the verified key.
    /// </summary>
    private Task<bool> FramedByPageAsync(
        string path,
        string published,
        PageFrame frame,
        string? area,
        long snapshot,
        (long Size, string Root) head,
        Func<PageFrame, Task<string>> render,
        FigureProblems problems,
        Func<Task<bool>> movedOn,
        CancellationToken cancellationToken)
    {
        var data = StationFrame(path, published, snapshot, frame.Language, head, problems);
        var framed = Framed(frame, area ?? "", data, published);
        return CompareAsync(path, published, area is null ? framed with { Check = null } : framed, render, problems, movedOn, cancellationToken);
    }

    /// <summary>
    /// What a station's page states that neither the log nor its data gives, in the form of an area's data (<see cref="Framed"/>): the
    /// <paramref name="snapshot"/> its data states, when it was published (the footer's stamp, its offset from UTC read whether or not
    /// the site encoded its '+'), a pause's banner, and the tree head it names, which must be of its snapshot, and the verified one
    /// (<paramref name="head"/>) when that is the head's.
    /// </summary>
    private static JsonObject StationFrame(
        string path, string published, long snapshot, SiteLanguage language, (long Size, string Root) head, FigureProblems problems)
    {
        var data = new JsonObject { ["snapshot"] = snapshot };
        if (Proof().Match(published) is { Success: true } proof
            && Stamp().Match(System.Net.WebUtility.HtmlDecode(proof.Groups[1].Value)) is { Success: true } stamp
            && DateTimeOffset.TryParseExact(stamp.Groups[1].Value + " " + (stamp.Groups[2].Success ? stamp.Groups[2].Value : "+00:00"),
                "yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var at))
        {
            data["publishedAt"] = at;
        }
        if (published.Contains("<p class=\"halted\" role=\"alert\">", StringComparison.Ordinal))
        {
            data["halted"] = language.Words.Halted;
        }
        if (NamedHead().Match(published) is { Success: true } named)
        {
            var size = long.Parse(named.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            problems.Same(path, "the size of the tree head named", size, snapshot);
            if (snapshot == head.Size)
            {
                problems.Same(path, "the root of the tree head named", named.Groups[2].Value, head.Root);
            }
            data["treeHead"] = new JsonObject { ["size"] = size, ["root"] = named.Groups[2].Value, ["timestamp"] = DateTimeOffset.UnixEpoch };
        }
        return data;
    }

    /// <summary>
    /// A station's page without its sections of recounts and observers' reports, each cut only where it holds nothing but the markup
    /// of its table (no element hidden, styled or scripted, no count): a section that does is left in, to be named as a difference.
    /// </summary>
    private static string WithoutActs(string html) => ActSection().Replace(html, m => Tags().Matches(m.Value).All(t =>
        ActTags.Contains(t.Groups[1].Value) && !Unsafe().IsMatch(t.Groups[2].Value)) ? "" : m.Value);

    private static readonly HashSet<string> ActTags =
        ["section", "h2", "div", "table", "thead", "tbody", "tr", "th", "td", "p", "small", "br", "code", "a", "strong", "span", "time"];

    /// <summary>
    /// Compares a published page with the one <paramref name="render"/> renders from <paramref name="frame"/> (given what neither the
    /// protocols nor the register give): the witnesses named, the audit link and the stage first, each named in words.
    /// </summary>
    private async Task<bool> CompareAsync(
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
    /// commission key for its own check (of <paramref name="area"/>) where the <paramref name="published"/> page carries one.
    /// </summary>
    private PageFrame Framed(PageFrame frame, string area, JsonObject data, string published)
    {
        var at = data["publishedAt"]?.GetValue<DateTimeOffset>() ?? DateTimeOffset.UnixEpoch;
        var head = data["treeHead"] is JsonObject h
            ? new Core.Transparency.TreeHead(
                "", [], h["size"]!.GetValue<long>(), Convert.FromHexString(h["root"]!.GetValue<string>()), 0, [],
                h["timestamp"]!.GetValue<DateTimeOffset>())
            : null;
        return frame with
        {
            Snapshot = data["snapshot"]!.GetValue<long>(),
            PublishedAt = at,
            Halted = data["halted"]?.GetValue<string>(),
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

    [GeneratedRegex("<body data-snapshot=\"([0-9]+)\"")]
    private static partial Regex BodySnapshot();

    [GeneratedRegex("<p class=\"proof\">([^<]*)")]
    private static partial Regex Proof();

    [GeneratedRegex("([0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}) UTC([+-][0-9]{2}:[0-9]{2})?")]
    private static partial Regex Stamp();

    [GeneratedRegex("<br><span data-tree-size=\"([0-9]+)\" data-tree-root=\"([0-9a-f]*)\">")]
    private static partial Regex NamedHead();

    [GeneratedRegex("<section class=\"(?:recounts|reports)\" aria-labelledby=\"(?:recounts|reports)\">.*?</section>\n?", RegexOptions.Singleline)]
    private static partial Regex ActSection();

    [GeneratedRegex("</?([a-z0-9]+)([^>]*)>")]
    private static partial Regex Tags();

    [GeneratedRegex("(?:^|\\s)(?:hidden|style|on[a-z]+|data-counted|data-line|data-choice)(?:[\\s=/]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Unsafe();
}
