using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sanoo.Web.Site;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Holds an area's HTML pages (<c>index.html</c> and its twin in ballot order, <c>ballot.html</c>) to the pages the verifier renders
/// itself, with the site's own renderer (<see cref="SiteRenderer"/>), from the page model it built from its verified snapshot: byte
/// for byte, but for what the protocols do not give, which is taken from the page's data (itself held to the verified snapshot for
/// everything else) or from the page, as the site's own addresses and settings:
/// <list type="bullet">
/// <item>from the page's <c>data.json</c>: the snapshot the page is of, when it was published (the footer and the summary's "as of"),
/// the stage of the count in words, a pause, and the signed tree head named;</item>
/// <item>from the page itself, none of them a figure: the seconds between the page's checks for a newer snapshot
/// (<c>data-interval</c>), the site's public address in the share card's links, whether an audit page is linked (an audit plan is a
/// commission act), whether the page carries the commission key for its own check (the key shown must then be the verified one);
/// the stage paragraph, whose text must be the stage its data states; and the line naming the witnesses who cosigned the head ("…
/// 3 min ago", read against the clock when the page was made; the cosignatures are checked in step 7), which is left out.</item>
/// </list>
/// A difference is named by file, with the text the page shows, the text the verified protocols give, and the heading and row it
/// stands in (<see cref="HtmlDifference"/>).
/// </summary>
internal sealed partial class AreaHtmlCheck(Core.Definitions.Election election, string commissionKey) : IAsyncDisposable
{
    private readonly ConcurrentBag<SiteRenderer> _renderers = [];
    private readonly ConcurrentBag<SiteRenderer> _all = [];

    /// <summary>Pages compared.</summary>
    public int Pages => Volatile.Read(ref _pages);

    private int _pages;

    /// <summary>
    /// Compares the published <paramref name="html"/> of <paramref name="page"/> (built by the verifier, its frame as yet of the head)
    /// of <paramref name="area"/> at <paramref name="path"/>, whose data is <paramref name="data"/>; <paramref name="ballot"/> for the
    /// page in ballot order.
    /// </summary>
    public async Task CompareAsync(
        string path, byte[] html, AreaPage page, Core.Definitions.Area area, JsonObject data, bool ballot, FigureProblems problems)
    {
        Interlocked.Increment(ref _pages);
        var published = Encoding.UTF8.GetString(html);
        var rebuilt = await RenderAsync(Shown(page, area, data, published), ballot);
        // The stage paragraph: its text is the stage the page's data states (held there to nothing: it is the commission's act).
        if (StageParagraph().Match(published) is { Success: true } stage)
        {
            var (said, stated) = (HtmlDifference.Text(stage.Value), data["stage"]?.ToString() ?? "");
            if (said != HtmlDifference.Text(WebEncoded(stated)))
            {
                problems.Add($"{path}: the page states the stage \"{said}\" where its data states \"{stated}\"");
            }
            published = string.Concat(published.AsSpan(0, stage.Index), StageParagraph().Match(rebuilt).Value,
                published.AsSpan(stage.Index + stage.Length));
        }
        published = Witnesses().Replace(published, "");
        if (Interval().Match(rebuilt) is { Success: true } interval)
        {
            published = Interval().Replace(published, interval.Value, 1);
        }
        if (published != rebuilt)
        {
            problems.Add(HtmlDifference.Of(path, published, rebuilt));
        }
    }

    /// <summary>
    /// The page as published: its frame given what the protocols do not decide, from <paramref name="data"/> and the
    /// <paramref name="published"/> HTML.
    /// </summary>
    private AreaPage Shown(AreaPage page, Core.Definitions.Area area, JsonObject data, string published)
    {
        var at = data["publishedAt"]?.GetValue<DateTimeOffset>() ?? DateTimeOffset.UnixEpoch;
        var head = data["treeHead"] is JsonObject h
            ? new Core.Transparency.TreeHead(
                "", [], h["size"]!.GetValue<long>(), Convert.FromHexString(h["root"]!.GetValue<string>()), 0, [],
                h["timestamp"]!.GetValue<DateTimeOffset>())
            : null;
        var language = page.Frame.Language;
        var frame = page.Frame with
        {
            Snapshot = data["snapshot"]!.GetValue<long>(),
            PublishedAt = at,
            Stage = data["stage"]?.GetValue<string>() ?? "",
            Halted = data["halted"]?.GetValue<string>(),
            TreeHead = head,
            StageStatement = null,
            Witnesses = null,
            HasAudit = published.Contains(" data-audit-link>", StringComparison.Ordinal),
            Check = head is not null && published.Contains(" data-commission-key>", StringComparison.Ordinal)
                ? new PageCheck(area.Id.Value, commissionKey)
                : null,
        };
        page = page with
        {
            Frame = frame,
            Summary = page.Results is { } main ? FoldSummary.Of(main, at, frame.TimeZone, election.Definition.Date, language) : null,
        };
        var root = Canonical().Match(published) is { Success: true } c && c.Groups[1].Value.EndsWith(frame.Path, StringComparison.Ordinal)
            ? c.Groups[1].Value[..^frame.Path.Length]
            : "";
        return page with { Frame = page.Frame with { Share = ShareCards.Of(page, root.Length == 0 ? null : new Uri(root)) } };
    }

    private async Task<string> RenderAsync(AreaPage page, bool ballot)
    {
        if (!_renderers.TryTake(out var renderer))
        {
            renderer = new SiteRenderer(TimeSpan.FromSeconds(5));
            _all.Add(renderer);
        }
        try
        {
            return await renderer.AreaAsync(ballot
                ? page with { BallotOrder = true, Frame = page.Frame with { File = SitePaths.BallotOrder } }
                : page);
        }
        finally
        {
            _renderers.Add(renderer);
        }
    }

    private static string WebEncoded(string text) => System.Net.WebUtility.HtmlEncode(text);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var renderer in _all)
        {
            await renderer.DisposeAsync();
        }
    }

    [GeneratedRegex("<p class=\"stage\" data-stage>.*?</p>", RegexOptions.Singleline)]
    private static partial Regex StageParagraph();

    [GeneratedRegex("<br><span class=\"witnesses\">[^<]*</span>")]
    private static partial Regex Witnesses();

    [GeneratedRegex("data-interval=\"[0-9]+\"")]
    private static partial Regex Interval();

    [GeneratedRegex("<link rel=\"canonical\" href=\"([^\"]*)\">")]
    private static partial Regex Canonical();
}
