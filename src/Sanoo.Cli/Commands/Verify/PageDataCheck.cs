using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sanoo.Contracts;
using Sanoo.Core.Definitions;
using Sanoo.Web.OpenData;
using Sanoo.Web.Publishing;
using Sanoo.Web.Site;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Holds the site's page data to the verifier's own snapshot (<see cref="ExportFigures.Verified"/>): every area's
/// <c>data.json</c> and <c>data.csv</c> in every language, the single-member districts' page's (its HTML too), and, in a published folder, every
/// station's. The area and district pages are built with the site's own builders (<see cref="AreaPages"/>, <see cref="SiteJson"/>,
/// <see cref="ResultsCsv"/>, <see cref="SingleMemberPages"/>) from the verified snapshot and compared value by value; a station's
/// page is held to the versions the verified log counts (<see cref="StationPageCheck"/>); the stage in words to the commission's acts
/// the register replay holds (<see cref="RegisterReplay.CommissionActs"/>). Not held: when it was published and a pause (the server's).
/// A page kept by an incremental publish states the earlier snapshot it was made at, and its figures are those of the head (only
/// the pages whose figures changed are made again): it is compared all the same. A page of a snapshot past the head is a problem;
/// a server that answers another snapshot than the head published meanwhile (check again). Pages are read one area at a time, on
/// every core: nothing is held per station. On a live server the HTML of the lowest area pages is held for this round's share of
/// them (<see cref="PageShare"/>), every page above them every round; a folder's lowest pages' HTML and its stations' pages for this
/// round's sample of them.
/// </summary>
internal sealed partial class PageDataCheck : IAsyncDisposable
{
    private const string HtmlFile = "index.html";

    /// <summary>An area's HTML pages: in the ranking's order and in the ballot's.</summary>
    private static readonly string[] AreaHtmlFiles = [HtmlFile, SitePaths.BallotOrder];

    private readonly ExportFigures _figures;
    private readonly long _size;
    private readonly string _root;
    private readonly Published _published;
    private readonly FigureProblems _problems = new("the verified protocols");
    private readonly PageHtmlCheck _html;
    private readonly PageShare _share;
    private readonly int _round;
    private readonly long _registerSize;
    private readonly string _commissionKey;
    private readonly TreeHead? _head;
    private readonly int _lowestPages;
    private int _moved;
    private int _htmlPages;
    private int _stationsHeld;

    /// <summary>
    /// The check of the pages of <paramref name="figures"/>' snapshot, the head of <paramref name="size"/> entries and
    /// <paramref name="root"/>, signed by <paramref name="commissionKey"/> (base64: the key the pages print for their own check), whose
    /// register holds <paramref name="registerSize"/> records; a live server's lowest pages' HTML is held for the share of them
    /// <paramref name="share"/> deals to <paramref name="round"/>; <paramref name="witnesses"/>, a live server's cosignatures verified
    /// (a published folder: none); <paramref name="head"/>, the signed tree head verified, which the "how to check" page prints.
    /// </summary>
    public PageDataCheck(
        ExportFigures figures, long size, byte[] root, string commissionKey, long registerSize, PageShare share, int round,
        VouchedWitnesses? witnesses = null, TreeHead? head = null)
    {
        _commissionKey = commissionKey;
        _head = head;
        _share = share;
        _round = round;
        _registerSize = registerSize;
        _html = new PageHtmlCheck(figures.Election, commissionKey, witnesses);
        _figures = figures;
        _lowestPages = figures.Election.Areas.Count(a => !a.IsStation && Lowest(a)) * figures.Election.Definition.Languages.Length
            * AreaHtmlFiles.Length;
        _size = size;
        _root = Convert.ToHexStringLower(root);
        var acts = figures.Acts;
        _published = new Published(figures.Verified, Published.ETagOf(size, acts), DateTimeOffset.UnixEpoch, null) { Acts = acts };
    }

    private Election Election => _figures.Election;

    /// <summary>The area pages' HTML held this round and of how many (in every language, both orders), as words.</summary>
    public string HtmlShare => $"{_html.Pages:N0} of {Volatile.Read(ref _htmlPages):N0}";

    /// <summary>The stations whose pages (data, entries and HTML in every language) this round held: a folder's sample of them.</summary>
    public int StationsHeld => Volatile.Read(ref _stationsHeld);

    /// <summary>
    /// Checks every page's data, stations' too where <paramref name="stations"/>; its problems go to <paramref name="problems"/>.
    /// Returns false when a server published another snapshot meanwhile (check again).
    /// </summary>
    public async Task<bool> CheckAsync(VerifyCommand.IPublished origin, bool stations, List<string> problems, CancellationToken cancellationToken)
    {
        await AssetsAsync(origin, cancellationToken);
        await WholeElectionPagesAsync(origin, cancellationToken);
        foreach (var language in Election.Definition.Languages)
        {
            await SingleMemberAsync(origin, language, cancellationToken);
            await SearchIndexAsync(origin, language, cancellationToken);
        }
        var areas = stations ? Election.Areas : [.. Election.Areas.Where(a => !a.IsStation)];
        await Parallel.ForEachAsync(
            areas,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (area, token) =>
            {
                if (Volatile.Read(ref _moved) != 0)
                {
                    return;
                }
                if (!area.IsStation)
                {
                    await AreaAsync(origin, area, token);
                }
                else if (_share.ReadsStation(Election.StationCount))
                {
                    Interlocked.Increment(ref _stationsHeld);
                    await StationAsync(origin, area, token);
                }
            });
        if (_moved != 0)
        {
            return false;
        }
        _html.AddDifferences(_problems);
        _problems.AddTo(problems, "the pages' data");
        return true;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _html.DisposeAsync();

    /// <summary>An area's <c>data.json</c>, <c>data.csv</c> and HTML pages in every language.</summary>
    private async Task AreaAsync(VerifyCommand.IPublished origin, Area area, CancellationToken cancellationToken)
    {
        foreach (var language in Election.Definition.Languages)
        {
            var folder = SitePaths.Area(language, area);
            var (json, data) = await DataAsync(origin, folder + SitePaths.DataJson, cancellationToken);
            using var lent = json;
            if (json is null || data is null || Snapshot(folder + SitePaths.DataJson, data) is not { } snapshot)
            {
                continue;
            }
            var page = AreaPages.Of(_published, _figures.Verified, area, SiteLanguage.Of(language));
            var wire = SiteJson.Area(page);
            if (!await SameActsAsync(origin, data, wire.Stage, cancellationToken))
            {
                return;
            }
            if (Unheld(data) is not { } unheld || !Same(json, wire with
                {
                    Snapshot = snapshot, PublishedAt = unheld.PublishedAt, Halted = unheld.Halted, TreeHead = unheld.TreeHead,
                }, WireJson.Default.AreaPageData))
            {
                Compare(folder + SitePaths.DataJson, data, JsonSerializer.SerializeToNode(wire, WireJson.Default.AreaPageData)!.AsObject());
            }
            else
            {
                HeadNamed(folder + SitePaths.DataJson, data);
            }
            await CsvAsync(
                origin, folder + SitePaths.DataCsv, csv => ResultsCsv.Write(csv, _figures.Verified, area, language), 4, snapshot, cancellationToken);
            foreach (var file in AreaHtmlFiles)
            {
                Interlocked.Increment(ref _htmlPages);
                if (Lowest(area) && !(origin.Live ? _share.Reads(_round, folder + file) : _share.ReadsLowestInFolder(_lowestPages)))
                {
                    continue; // not in this round's share
                }
                if (await HtmlTextAsync(origin, folder + file, cancellationToken) is { } html && Of(origin, html, snapshot)
                    && !await HtmlAsync(origin, folder + file, html, new RenderedPage.OfArea(page, area, file == SitePaths.BallotOrder),
                        data, cancellationToken))
                {
                    return;
                }
            }
        }
    }

    /// <summary>Whether <paramref name="area"/>'s page is of the lowest above the stations (a district, an area of a grouping).</summary>
    private bool Lowest(Area area) => area.Level == Election.Definition.TreeDepth - 2 || Election.InGrouping(Election.AreaIndex(area.Id));

    /// <summary>
    /// Whether a page's data states the stage the register's acts give (<paramref name="stage"/>), or differs on a live server
    /// whose register has not moved since the head (the difference is then named): false when it moved (check again).
    /// </summary>
    private async Task<bool> SameActsAsync(VerifyCommand.IPublished origin, JsonObject data, string stage, CancellationToken token) =>
        data["stage"]?.ToString() == stage || !await RegisterMovedAsync(origin, token);

    /// <summary>
    /// What a page's <paramref name="data"/> states that neither the snapshot nor the register gives (when it was published, a pause,
    /// the tree head named), as the page data's own types; null where one is not of its type (then compared value by value).
    /// </summary>
    private static (DateTimeOffset PublishedAt, string? Halted, PageTreeHead? TreeHead)? Unheld(JsonObject data)
    {
        if (data["publishedAt"] is not JsonValue at || !at.TryGetValue<DateTimeOffset>(out var publishedAt))
        {
            return null;
        }
        string? halted = null;
        if (data["halted"] is { } h && (h is not JsonValue paused || !paused.TryGetValue(out halted)))
        {
            return null;
        }
        if (data["treeHead"] is not { } named)
        {
            return (publishedAt, halted, null);
        }
        return named is JsonObject head && head["size"] is JsonValue size && size.TryGetValue<long>(out var entries)
            && head["root"] is JsonValue root && root.TryGetValue<string>(out var hex)
            && head["timestamp"] is JsonValue signed && signed.TryGetValue<DateTimeOffset>(out var timestamp)
            ? (publishedAt, halted, new PageTreeHead(entries, hex, timestamp))
            : null;
    }

    /// <summary>
    /// Whether <paramref name="published"/> are the very bytes the site's serializer writes of <paramref name="expected"/> (the
    /// verifier's own page data, with what the page states of neither the snapshot nor the register): then the two are the same
    /// value by value, and no document of the verifier's is made; otherwise they are compared value by value to name what differs.
    /// </summary>
    private static bool Same<T>(LentBytes.Whole published, T expected, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        using var same = SameBytesStream.Of(published.Memory);
        JsonSerializer.Serialize(same, expected, type);
        return same.Same;
    }

    /// <summary>
    /// Whether a live server's register moved past the head's since (a new act, read anew into its pages): then the pages are checked
    /// again. A folder's never does.
    /// </summary>
    private async Task<bool> RegisterMovedAsync(VerifyCommand.IPublished origin, CancellationToken cancellationToken)
    {
        if (!origin.Live
            || (await origin.JsonAsync("/api/v1/tree-head", WireJson.Default.TreeHead, cancellationToken)).RegisterSize == _registerSize)
        {
            return false;
        }
        Interlocked.Exchange(ref _moved, 1);
        return true;
    }

    /// <summary>
    /// Whether a page's HTML is of <paramref name="snapshot"/>, the one its data states; a server's of another published meanwhile
    /// (check again). A folder's is compared whatever it states (its snapshot is then the difference named).
    /// </summary>
    private bool Of(VerifyCommand.IPublished origin, string html, long snapshot)
    {
        if (!origin.Live || PageSnapshot().Match(html) is not { Success: true } stated
            || stated.Groups[1].Value == snapshot.ToString(CultureInfo.InvariantCulture))
        {
            return true;
        }
        Interlocked.Exchange(ref _moved, 1);
        return false;
    }

    /// <summary>The single-member districts' page's <c>data.json</c>, <c>data.csv</c> and HTML, where the election has the page.</summary>
    private async Task SingleMemberAsync(VerifyCommand.IPublished origin, string language, CancellationToken cancellationToken)
    {
        if (SingleMemberPages.Of(_published, _figures.Verified, SiteLanguage.Of(language)) is not { } page)
        {
            return;
        }
        var path = SitePaths.SingleMember(language) + SitePaths.DataJson;
        if (await JsonAsync(origin, path, cancellationToken) is not { } data || Snapshot(path, data) is not { } snapshot)
        {
            return;
        }
        var wire = SiteJson.SingleMember(page);
        if (!await SameActsAsync(origin, data, wire.Stage, cancellationToken))
        {
            return;
        }
        Compare(path, data, JsonSerializer.SerializeToNode(wire, WireJson.Default.SingleMemberPageData)!.AsObject());
        await CsvAsync(
            origin,
            SitePaths.SingleMember(language) + SitePaths.DataCsv,
            csv => SingleMemberCsv.Write(csv, [.. page.Rows.Select(r => r.Data)], _size),
            1,
            snapshot,
            cancellationToken);
        var file = SitePaths.SingleMember(language) + HtmlFile;
        if (await HtmlTextAsync(origin, file, cancellationToken) is { } html && Of(origin, html, snapshot))
        {
            await HtmlAsync(origin, file, html, new RenderedPage.Districts(page), data, cancellationToken);
        }
    }

    /// <summary>
    /// The files every page loads (<see cref="SiteAssets.Files"/>: the style sheet, the site's script and the pages' own check),
    /// which must be the site's very bytes. The pages name each by its Subresource Integrity digest (held with their HTML), so a
    /// reader's browser refuses a doctored one; it is named here too, with its digest, since the page is then left without it.
    /// </summary>
    private async Task AssetsAsync(VerifyCommand.IPublished origin, CancellationToken cancellationToken)
    {
        foreach (var (path, text) in SiteAssets.Files)
        {
            var expected = Encoding.UTF8.GetBytes(text);
            if (await BytesAsync(origin, path, cancellationToken) is { } served && !served.AsSpan().SequenceEqual(expected))
            {
                _problems.Add($"{path}: is not the site's own file: the pages load it only as {SiteAssets.Integrity(text)}, and this one is "
                    + $"{SiteAssets.Integrity(served)} ({served.Length:N0} bytes against {expected.Length:N0}), so "
                    + "a browser refuses it");
            }
        }
    }

    /// <summary>
    /// The pages of the whole election the definition and the verified log give, rendered again and held byte for byte: a folder's
    /// root page choosing a language (a server redirects), and in every language the "how to check" page, which prints the commission
    /// key observers copy and the signed tree head (both must be the verified ones), and the main contest's count through the night
    /// (<c>/{lang}/progress/</c>, from the verified counted versions and their received times; its <c>data.json</c> is held to them
    /// too). When each was published, a pause and the tree head named are what its data states: the progress page's own, and for the
    /// "how to check" page, which has none, the site's snapshot marker (<c>/snapshot.json</c>: both are made at every publication,
    /// the marker last); on a live server the "how to check" page's line naming the witnesses of the head
    /// too (the cosignatures are checked on their own, and the area pages' witnesses held to them), and when its head was signed (a
    /// server signs the same head again every interval).
    /// </summary>
    private async Task WholeElectionPagesAsync(VerifyCommand.IPublished origin, CancellationToken cancellationToken)
    {
        if (!origin.Live && await BytesAsync(origin, "/index.html", cancellationToken) is { } chooser)
        {
            var (shown, expected) = (Encoding.UTF8.GetString(chooser), StaticSite.LanguageChoice(Election));
            if (shown != expected)
            {
                _problems.Add(HtmlDifference.Of("/index.html", shown, expected));
            }
        }
        var signed = _head is { } h
            ? new SignedTreeHead(new Core.Transparency.TreeHead(
                h.Election, Convert.FromHexString(h.DefinitionSha256), h.TreeSize, Convert.FromHexString(h.RootHash), h.RegisterSize,
                Convert.FromHexString(h.RegisterRoot), DateTimeOffset.FromUnixTimeMilliseconds(h.Timestamp)), [])
            : null;
        var main = Election.Area(Election.DefaultContest.Contest.Area)!;
        // The "how to check" page has no data of its own: it is made at every publication, of the one the site's marker states.
        var marker = await JsonAsync(origin, SitePaths.SnapshotJson, cancellationToken) is { } m && Snapshot(SitePaths.SnapshotJson, m) is not null
            ? HeadNamed(SitePaths.SnapshotJson, m)
            : null;
        foreach (var language in Election.Definition.Languages)
        {
            var lang = SiteLanguage.Of(language);
            if (marker is not null && await HtmlTextAsync(origin, VerifyPages.Path(language) + HtmlFile, cancellationToken) is { } html
                && Of(origin, html, _size))
            {
                var shownHead = signed;
                if (origin.Live && signed is not null && HeadSigned().Match(html) is { Success: true } at && DateTimeOffset.TryParseExact(
                    at.Groups[1].Value + " +00:00", "yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                {
                    // A server signs its head again every interval, the same entries and register at a later time.
                    shownHead = signed with { Head = signed.Head with { Timestamp = time } };
                }
                var page = VerifyPages.Of(
                    _published with { TreeHead = shownHead }, _figures.Verified, Convert.FromBase64String(_commissionKey), lang);
                if (origin.Live && WitnessedLine().Match(html) is { Success: true } line)
                {
                    page = page with { Witnessed = System.Net.WebUtility.HtmlDecode(line.Groups[1].Value) };
                }
                await HtmlAsync(origin, VerifyPages.Path(language) + HtmlFile, html,
                    new RenderedPage.Whole(page.Frame, (renderer, frame) => renderer.VerifyAsync(page with { Frame = frame })), marker,
                    cancellationToken);
            }
            var progressPath = Web.Progress.ProgressPages.Path(language, Election, main);
            if (Web.Progress.ProgressPages.Has(_figures.Verified, main)
                && await JsonAsync(origin, progressPath + SitePaths.DataJson, cancellationToken) is { } data
                && Snapshot(progressPath + SitePaths.DataJson, data) is not null
                && await HtmlTextAsync(origin, progressPath + HtmlFile, cancellationToken) is { } progress && Of(origin, progress, _size))
            {
                var expected = JsonSerializer.SerializeToNode(
                    Web.Progress.ProgressPages.Data(_published, _figures.Verified, main, _figures.CountedVersions), WireJson.Default.ProgressReport)!;
                Compare(progressPath + SitePaths.DataJson, data, expected.AsObject());
                var page = Web.Progress.ProgressPages.Of(_published, _figures.Verified, main, lang, _figures.CountedVersions);
                await HtmlAsync(origin, progressPath + HtmlFile, progress,
                    new RenderedPage.Whole(page.Frame, (renderer, frame) => renderer.ProgressAsync(page with { Frame = frame })), data,
                    cancellationToken);
            }
        }
    }

    /// <summary>
    /// Holds a page's <paramref name="html"/> at <paramref name="path"/> to the <paramref name="page"/> the verifier renders, framed from
    /// its <paramref name="data"/> (<see cref="PageHtmlCheck.CompareAsync"/>); false when a server moved on meanwhile (check again).
    /// </summary>
    private async Task<bool> HtmlAsync(
        VerifyCommand.IPublished origin, string path, string html, RenderedPage page, JsonObject data, CancellationToken cancellationToken)
    {
        if (await _html.CompareAsync(path, html, page, data, _problems, () => RegisterMovedAsync(origin, cancellationToken), cancellationToken))
        {
            return true;
        }
        Interlocked.Exchange(ref _moved, 1);
        return false;
    }

    /// <summary>
    /// The index a published folder's search page looks a voter's station up in (<c>/{lang}/search/stations.json</c>): built from the
    /// definition the head signs alone, so it must be its very bytes; each station whose id, name, address or district differs, or
    /// that is left out or added, is named (a doctored index sends a voter to another station's page).
    /// </summary>
    private async Task SearchIndexAsync(VerifyCommand.IPublished origin, string language, CancellationToken cancellationToken)
    {
        var path = SearchPages.Path(language) + SearchPages.IndexFile;
        try
        {
            // Held as both are read (some 33 MB at a million stations); read whole only to name what differs.
            await using var file = await origin.OpenPageAsync(path, cancellationToken);
            var same = SameBytesStream.Of(file);
            SearchPages.Write(same, Election, SiteLanguage.Of(language));
            if (same.Same)
            {
                if (!origin.Live)
                {
                    await CompressedCopies.CheckAsync(origin, path, () => origin.OpenPageAsync(path, cancellationToken), _problems.Add,
                        cancellationToken);
                }
                return;
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            NotPublished(path, e);
            return;
        }
        var expected = SearchPages.Index(Election, SiteLanguage.Of(language));
        if (await BytesAsync(origin, path, cancellationToken) is not { } published || published.AsSpan().SequenceEqual(expected))
        {
            return; // the same bytes when read whole: nothing to name
        }
        static Dictionary<string, JsonArray> ById(byte[] index) => (JsonNode.Parse(index) as JsonArray ?? new JsonArray())
            .OfType<JsonArray>().Where(s => s.Count == 4).GroupBy(s => s[0]?.ToString() ?? "").ToDictionary(g => g.Key, g => g.First());
        Dictionary<string, JsonArray> shown;
        try
        {
            shown = ById(published);
        }
        catch (JsonException e)
        {
            _problems.Add($"{path}: does not read as the index of stations ({e.Message})");
            return;
        }
        var fields = new[] { "id", "name", "address", "district" };
        var before = _problems.Found;
        foreach (var (id, station) in ById(expected))
        {
            if (!shown.Remove(id, out var listed))
            {
                _problems.Add($"{path}: leaves out station {id}, which the definition the tree head signs has");
                continue;
            }
            for (var i = 1; i < fields.Length; i++)
            {
                if (listed[i]?.ToString() != station[i]?.ToString())
                {
                    _problems.Add($"{path}: station {id}'s {fields[i]} is published as \"{listed[i]}\", but the definition the tree head "
                        + $"signs gives \"{station[i]}\"");
                }
            }
        }
        foreach (var id in shown.Keys)
        {
            _problems.Add($"{path}: lists a station {id}, which the definition the tree head signs does not have");
        }
        if (_problems.Found == before)
        {
            _problems.Add($"{path}: is not the index the definition the tree head signs gives (its stations are the same, its bytes not)");
        }
    }

    /// <summary>
    /// A station's <c>data.json</c> and <c>data.csv</c>, the same bytes in every language, and its HTML page in every language, rendered
    /// again from its entries the verified log holds (read once, from the folder's file of them) and compared byte for byte.
    /// </summary>
    private async Task StationAsync(VerifyCommand.IPublished origin, Area station, CancellationToken cancellationToken)
    {
        byte[]? json = null, csv = null;
        JsonObject? frame = null;
        IReadOnlyList<Storage.Log.LogEntry>? entries = null;
        foreach (var language in Election.Definition.Languages)
        {
            var folder = SitePaths.Area(language, station);
            if (await BytesAsync(origin, folder + SitePaths.DataJson, cancellationToken) is { } data
                && (json is null || !data.AsSpan().SequenceEqual(json)))
            {
                json = data;
                StationPageCheck.Json(folder + SitePaths.DataJson, data, _figures.Verified, station, _size, _problems);
                frame = StationFrame(folder + SitePaths.DataJson, data);
            }
            if (await BytesAsync(origin, folder + SitePaths.DataCsv, cancellationToken) is { } rows
                && (csv is null || !rows.AsSpan().SequenceEqual(csv)))
            {
                csv = rows;
                StationPageCheck.Csv(folder + SitePaths.DataCsv, Csv.Encoding.GetString(rows), _figures.Verified, station, _problems);
            }
            if (frame is null || await HtmlTextAsync(origin, folder + HtmlFile, cancellationToken) is not { } html)
            {
                continue; // a page without data states nothing to frame it from (its data's absence is named)
            }
            var entriesPath = "/api/v1/area-entries?area=" + station.Id.Value;
            entries ??= await BytesAsync(origin, entriesPath, cancellationToken) is { } file
                ? StationPageCheck.Entries(entriesPath, file, Election, station, _figures.StationLeaves, _problems)
                : null;
            if (entries is null)
            {
                return; // named: the page has nothing verified to be rendered from
            }
            var page = StationPages.Of(_published, _figures.Verified, station, entries, SiteLanguage.Of(language));
            if (!await HtmlAsync(origin, folder + HtmlFile, html, new RenderedPage.OfStation(page, station), frame, cancellationToken))
            {
                return;
            }
        }
    }

    /// <summary>
    /// What a station's <paramref name="data"/> at <paramref name="path"/> states of its page's frame (its snapshot, when it was
    /// published, a pause, the tree head named, which must be the verified one when it is of the head); null when it does not read
    /// (its check names that).
    /// </summary>
    private JsonObject? StationFrame(string path, byte[] data)
    {
        try
        {
            return JsonNode.Parse(data) is JsonObject frame && frame["snapshot"] is JsonValue v && v.TryGetValue<long>(out _)
                ? HeadNamed(path, frame)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The snapshot a page's data states, checked against the head: null (not compared) when past it, or when a server answers
    /// another snapshot (it published meanwhile).
    /// </summary>
    private long? Snapshot(string path, JsonObject data)
    {
        if (data["snapshot"] is not JsonValue value || !value.TryGetValue<long>(out var snapshot))
        {
            _problems.Add($"{path}: states no snapshot: what head its figures are of is not said");
            return null;
        }
        if (snapshot > _size)
        {
            _problems.Add($"{path}: is of snapshot {snapshot:N0}, past the {_size:N0} entries of the signed tree head");
            return null;
        }
        return snapshot;
    }

    /// <summary>
    /// Holds one page's data to the data built from the verified snapshot and the register's acts, every value but those neither gives
    /// (when published, a pause); the tree head it names must be the verified one when it is of the head.
    /// </summary>
    private void Compare(string path, JsonObject data, JsonObject expected)
    {
        HeadNamed(path, data);
        foreach (var unheld in new[] { "snapshot", "publishedAt", "halted", "treeHead" })
        {
            expected[unheld] = data[unheld]?.DeepClone();
        }
        foreach (var (at, published, verified) in JsonDifferences.Of(data, expected))
        {
            _problems.Differs(path, at, published, verified);
        }
    }

    /// <summary>
    /// Holds the tree head a page's <paramref name="data"/> (at <paramref name="path"/>) names, which its footer shows, to its
    /// snapshot, and to the verified head when it is of the head; returns the data.
    /// </summary>
    private JsonObject HeadNamed(string path, JsonObject data)
    {
        var snapshot = data["snapshot"]!.GetValue<long>();
        if (data["treeHead"] is JsonObject head)
        {
            _problems.Same(path, "the size of the tree head named", head["size"]?.ToString(), snapshot.ToString(CultureInfo.InvariantCulture));
            if (snapshot == _size)
            {
                _problems.Same(path, "the root of the tree head named", head["root"]?.ToString(), _root);
            }
        }
        return data;
    }

    /// <summary>
    /// Holds a page's CSV to the one <paramref name="write"/> writes from the verified snapshot, its snapshot column that of the
    /// page's data. A page of the head's snapshot is first held to it byte for byte as it is written (<see cref="SameBytesWriter"/>):
    /// only one that differs, or states an earlier snapshot, is read back as text and compared record by record.
    /// </summary>
    private async Task CsvAsync(
        VerifyCommand.IPublished origin, string path, Action<TextWriter> write, int key, long snapshot, CancellationToken cancellationToken)
    {
        using var published = await PageAsync(origin, path, cancellationToken);
        if (published is null)
        {
            return;
        }
        if (snapshot == _size && _figures.Verified.Position == _size)
        {
            using var same = new SameBytesWriter(published.Memory);
            write(same);
            if (same.Same)
            {
                return; // the verifier's own CSV, whose every row states the head (so not a newer snapshot's either)
            }
        }
        var csv = new StringWriter(CultureInfo.InvariantCulture);
        write(csv);
        var expected = csv.ToString();
        var (head, stated) = (_size.ToString(CultureInfo.InvariantCulture), snapshot.ToString(CultureInfo.InvariantCulture));
        var text = Csv.Encoding.GetString(published.Memory.Span);
        if (origin.Live && CsvRecords.Read(text, 2) is [_, [.., var last], ..] && last != head)
        {
            Interlocked.Exchange(ref _moved, 1); // written from a newer snapshot than its data.json, read just before
            return;
        }
        // The snapshot is every row's last field: a page kept from an earlier publish states its own.
        if (snapshot != _size)
        {
            expected = expected.Replace($",{head}\r\n", $",{stated}\r\n", StringComparison.Ordinal);
        }
        if (text != expected)
        {
            CsvRecords.Compare(path, text, expected, key, _problems);
        }
    }

    /// <summary>
    /// A page's data (<c>data.json</c>, the site's snapshot marker), parsed once; null where it is not published, does not read (named)
    /// or, on a live server, states another snapshot than the head's (it published meanwhile: check again).
    /// </summary>
    private async Task<JsonObject?> JsonAsync(VerifyCommand.IPublished origin, string path, CancellationToken cancellationToken)
    {
        var (bytes, data) = await DataAsync(origin, path, cancellationToken);
        bytes?.Dispose();
        return data;
    }

    /// <summary>
    /// A page's data as <see cref="JsonAsync"/> reads it, and its bytes, which the caller disposes (null where it is not published;
    /// the data null where it is not read).
    /// </summary>
    private async Task<(LentBytes.Whole? Bytes, JsonObject? Data)> DataAsync(
        VerifyCommand.IPublished origin, string path, CancellationToken cancellationToken)
    {
        var bytes = await PageAsync(origin, path, cancellationToken);
        try
        {
            return bytes is null ? (null, null) : (bytes, Parsed(origin, path, bytes));
        }
        catch
        {
            bytes?.Dispose();
            throw;
        }
    }

    private JsonObject? Parsed(VerifyCommand.IPublished origin, string path, LentBytes.Whole bytes)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(bytes.Memory.Span);
        }
        catch (JsonException e) when (!origin.Live) // a server's answer that does not read ends the round, as any broken answer
        {
            _problems.Add($"{path}: does not read as a page's data ({e.Message})");
            return null;
        }
        if (origin.Live && StatesSnapshot(path) && MovedOn(node))
        {
            return null;
        }
        if (node is JsonObject data)
        {
            return data;
        }
        _problems.Add($"{path}: does not read as a page's data (not an object)");
        return null;
    }

    /// <summary>Whether the file at <paramref name="path"/> states the snapshot it is of (a page's data, the site's marker).</summary>
    private static bool StatesSnapshot(string path) => path.EndsWith(SitePaths.DataJson, StringComparison.Ordinal) || path == SitePaths.SnapshotJson;

    /// <summary>Whether a live server's page <paramref name="data"/> states a snapshot other than the head's (then: check again).</summary>
    private bool MovedOn(JsonNode? data)
    {
        if (data?["snapshot"] is JsonValue v && v.TryGetValue<long>(out var snapshot) && snapshot != _size)
        {
            Interlocked.Exchange(ref _moved, 1);
            return true;
        }
        return false;
    }

    private async Task<byte[]?> BytesAsync(VerifyCommand.IPublished origin, string path, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await origin.PageAsync(path, cancellationToken);
            if (!origin.Live)
            {
                // A doctored copy beside the file is what nginx's gzip_static sends to nearly every browser.
                await CompressedCopies.CheckAsync(origin, path, bytes, _problems.Add, cancellationToken);
            }
            if (origin.Live && StatesSnapshot(path) && MovedOn(JsonNode.Parse(bytes)))
            {
                return null;
            }
            return bytes;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            NotPublished(path, e);
            return null;
        }
    }

    /// <summary>
    /// A page's bytes read into a buffer the pool lends (a district's CSV is some 3 MB, its page's HTML hundreds of kB: each an array
    /// of the large-object heap otherwise, four gigabytes of them read from a million stations' folder), given back when disposed; a
    /// folder's compressed copies are held to them as <see cref="BytesAsync"/> holds them. A live page's snapshot is not looked at
    /// here (<see cref="JsonAsync"/> does for page data).
    /// </summary>
    private async Task<LentBytes.Whole?> PageAsync(VerifyCommand.IPublished origin, string path, CancellationToken cancellationToken)
    {
        try
        {
            LentBytes.Whole whole;
            await using (var stream = await origin.OpenPageAsync(path, cancellationToken))
            {
                whole = await LentBytes.WholeAsync(stream, cancellationToken);
            }
            if (!origin.Live)
            {
                try
                {
                    await CompressedCopies.CheckAsync(origin, path, whole.Segment, _problems.Add, cancellationToken);
                }
                catch
                {
                    whole.Dispose();
                    throw;
                }
            }
            return whole;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            NotPublished(path, e);
            return null;
        }
    }

    /// <summary>A page's HTML as text (its bytes decoded as UTF-8), read as <see cref="PageAsync"/> reads it.</summary>
    private async Task<string?> HtmlTextAsync(VerifyCommand.IPublished origin, string path, CancellationToken cancellationToken)
    {
        using var bytes = await PageAsync(origin, path, cancellationToken);
        return bytes is null ? null : Encoding.UTF8.GetString(bytes.Memory.Span);
    }

    private void NotPublished(string path, Exception e) => _problems.Add($"{path}: the page is not published as it must be ({e.Message})");

    [GeneratedRegex("<body data-snapshot=\"([0-9]+)\"")]
    private static partial Regex PageSnapshot();

    [GeneratedRegex("data-verify-head>[^<]*([0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2})[^<0-9]*</p>")]
    private static partial Regex HeadSigned();

    [GeneratedRegex("data-verify-head>[^<]*</p>\\s*<p>([^<]*)</p>")]
    private static partial Regex WitnessedLine();
}
