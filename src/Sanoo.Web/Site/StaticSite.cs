using System.Text;
using System.Text.Encodings.Web;
using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;
using Sanoo.Web.OpenData;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Site;

/// <summary>What <see cref="StaticSite.WriteAsync"/> did.</summary>
/// <param name="Pages">Pages made (each as HTML, CSV and JSON), all languages together: every page on a full publish, else only the
/// pages whose figures changed.</param>
/// <param name="Files">Files made, written or found unchanged (compressed copies not counted).</param>
/// <param name="Written">Files written because their bytes changed or were missing.</param>
/// <param name="Skipped">Files made whose bytes were already in the folder.</param>
/// <param name="Removed">Files an earlier publish wrote that no longer belong to the site (with their compressed copies).</param>
/// <param name="Bytes">Bytes written, compressed copies included.</param>
/// <param name="Snapshot">The snapshot's log position.</param>
/// <param name="FullBecause">Why every page was made again (no manifest, another frame…); null for an incremental publish.</param>
/// <param name="Exports">Whether the files of the whole election were written (see <see cref="StaticSiteOptions.ExportsEvery"/>).</param>
/// <param name="ExportsBehind">Whether those files are left of an earlier snapshot, to be written when their time is up.</param>
/// <param name="Stages">The wall and CPU time of each stage of the publish.</param>
/// <param name="ExportsAt">When the folder's files of the whole election were written (their age counts from then); null without.</param>
public sealed record StaticSiteSummary(
    int Pages,
    long Files,
    long Written,
    long Skipped,
    long Removed,
    long Bytes,
    long Snapshot,
    string? FullBecause,
    bool Exports = false,
    bool ExportsBehind = false,
    PublishStages? Stages = null,
    DateTimeOffset? ExportsAt = null);

/// <summary>How <see cref="StaticSite.WriteAsync"/> writes.</summary>
/// <param name="CompressedCopies">Whether each text file gets its gzip and Brotli copies beside it.</param>
/// <param name="Full">Whether to make every page whatever the folder's manifest says.</param>
/// <param name="Workers">How many pages are made at once; 0 for one per core.</param>
/// <param name="ExportsEvery">How long the files of the whole election (<see cref="StaticSite.ExportFiles"/>: every protocol in CSV,
/// the ERR report, the ledger) may stay as an earlier snapshot's before a refresh writes them again; null to write them at every
/// publish. They grow with the stations (at a million, gigabytes), so at scale a refresh that writes them cannot be quick.</param>
public sealed record StaticSiteOptions(bool CompressedCopies = true, bool Full = false, int Workers = 0, TimeSpan? ExportsEvery = null);

/// <summary>
/// Writes the results site of one published snapshot into a folder, for any web server or CDN to serve: the same pages, CSV and
/// JSON as the live server, at the same addresses. The folder is written in place, file by file, each replaced whole by a rename;
/// the manifest an earlier publish left there (<see cref="PublishManifest"/>) says which pages can only have changed (those of the
/// stations with new protocol versions and of every area above them), and only those are made again. The order keeps a reader from
/// seeing pages newer than the signed tree head: first the log's files and the signed head, then the pages, then the site's own
/// pages and the snapshot marker that tells open pages to reload, then stale files are removed, and the manifest is written last
/// (a publish cut short leaves the earlier manifest, so the next one makes the same pages again). One instance publishing again and
/// again into the same folder (<c>sanoo publish --watch</c>) keeps the manifest it wrote last and reads it back only when the file
/// is no longer the one it wrote: at a million stations reading it is some seconds of a round that should cost what changed.
/// Publishes of one instance run one at a time.
/// </summary>
public sealed class StaticSite(SiteContent content)
{
    /// <summary>The manifest this instance wrote last, with where and the file's length and time as written.</summary>
    private (PublishManifest Manifest, string File, long Length, DateTime Time)? _written;

    /// <summary>
    /// Writes the site for <paramref name="published"/> into <paramref name="folder"/>, reporting pages done out of the pages to make;
    /// with the commission's public key, also the transparency files a verifier reads (see <see cref="PublishedApi"/>).
    /// </summary>
    public async Task<StaticSiteSummary> WriteAsync(
        Published published,
        string folder,
        IProgress<(int Done, int Total)>? progress = null,
        byte[]? commissionKey = null,
        StaticSiteOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new StaticSiteOptions();
        var stages = new PublishStages();
        var writing = System.Diagnostics.Stopwatch.StartNew();
        var snapshot = published.Snapshot ?? throw new ArgumentException("nothing is published yet", nameof(published));
        // The pages print the key for their own check only where the folder holds the files the check reads.
        published = published with { CommissionKey = commissionKey };
        var election = content.Election;
        var languages = election.Definition.Languages;
        var output = new PublishedFolder(folder, options.CompressedCopies);
        // A full publish makes every page whatever the manifest says, and still removes what the earlier publish wrote and no longer is.
        var (earlier, missing) = ReadManifest(output.Root);
        var plan = await StaticSitePlan.OfAsync(
            content,
            published,
            options.Full ? null : earlier,
            options.Full ? "a full publish was asked for" : missing,
            options.CompressedCopies,
            commissionKey,
            cancellationToken);
        stages.Mark("manifest and plan");
        var exports = plan.FullBecause is not null || earlier?.Exports is not { } exported
            || (exported.Snapshot != snapshot.Position && (options.ExportsEvery is not { } every || published.PublishedAt - exported.At >= every));
        if (plan.Unchanged && !exports)
        {
            return new StaticSiteSummary(
                0, 0, 0, 0, 0, 0, snapshot.Position, null, false, earlier!.Exports!.Value.Snapshot != snapshot.Position, stages,
                earlier.Exports.Value.At);
        }
        var site = new List<string>();
        var areaFiles = new System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var stationFiles = new System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        async Task Write(List<string> group, string path, byte[] data)
        {
            await output.WriteAsync(path, data, cancellationToken);
            group.Add(path);
        }

        var making = plan.Areas.Select(a => a.Id.Value).ToHashSet(StringComparer.Ordinal);
        var made = earlier?.MadeAfter(snapshot.Position, making) ?? new() { [snapshot.Position] = [.. making] };

        // 1. The log's files, then the signed head: a page is never newer than the head that covers it. A full page of the log never
        // changes: a refresh writes the last one written and those after it.
        var entriesFrom = plan.FullBecause is null && earlier is not null ? PublishedApi.EntriesPageOf(earlier.Snapshot) : 0;
        if (commissionKey is not null)
        {
            (string, byte[])? head = null;
            await foreach (var (path, data) in PublishedApi.LogFilesAsync(content.Log, published, commissionKey, entriesFrom, cancellationToken))
            {
                if (path == PublishedApi.TreeHeadFile)
                {
                    head = (path, data);
                }
                else
                {
                    await Write(site, path, data);
                }
            }
            site.AddRange(earlier?.Site.Where(f => PublishedApi.IsEntriesPageBefore(f, entriesFrom)) ?? []);
            // Pages kept as they were still show an earlier head's size and root: that head stays, signed, beside the new one, as long
            // as a page (or the files of the whole election, left at their snapshot) shows it.
            var kept = PublishedApi.KeptHeadPath(snapshot.Position);
            var shown = made.Keys.Select(PublishedApi.KeptHeadPath).ToHashSet(StringComparer.Ordinal);
            if (!exports && earlier?.Exports is { } left)
            {
                shown.Add(PublishedApi.KeptHeadPath(left.Snapshot));
            }
            var keptHeads = earlier?.Site.Where(f => PublishedApi.IsKeptHead(f) && f != kept && shown.Contains(f)).ToList() ?? [];
            site.AddRange(keptHeads);
            // Each kept head is proved a part of the new one: the reader's browser trusts it with that proof only.
            foreach (var size in made.Keys.Append(earlier?.Exports?.Snapshot ?? 0).Distinct()
                .Where(s => keptHeads.Contains(PublishedApi.KeptHeadPath(s), StringComparer.Ordinal)))
            {
                var proof = await content.Log.ConsistencyProofAsync(size, snapshot.Position, cancellationToken);
                await Write(site, PublishedApi.KeptProofPath(size), System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
                    PublicApi.TransparencyJson.Consistency(size, snapshot.Position, proof), Contracts.WireJson.Default.ConsistencyProof));
            }
            await Write(site, kept, head!.Value.Item2);
            await Write(site, head.Value.Item1, head.Value.Item2);
        }

        stages.Mark("log files");

        // 2. The pages whose figures changed, on every core.
        var workers = options.Workers > 0 ? options.Workers : Environment.ProcessorCount;
        var pages = await MakePagesAsync(published, snapshot, plan.Areas, output, workers, areaFiles, stationFiles, progress, cancellationToken);

        stages.Mark("pages");

        // 3. The site's own pages and open data, then the marker that tells open pages a newer snapshot is out.
        await WriteSitePagesAsync(
            published, snapshot, commissionKey, output, site, exports, plan.FullBecause is null ? earlier?.Site : null, cancellationToken);
        stages.Mark(exports ? "site pages and the files of the whole election" : "site pages");
        if (!exports)
        {
            site.AddRange(earlier!.Site.Where(f => ExportFiles(languages).Contains(f)));
        }
        await Write(site, SitePaths.SnapshotJson, SiteContent.SnapshotMarker(published));

        // 4. What no longer belongs goes (only what an earlier publish wrote), and the manifest is written last.
        var manifest = new PublishManifest(
            snapshot.Position,
            plan.Frame,
            options.CompressedCopies,
            languages,
            SiteContent.PageFiles,
            site,
            Carry(earlier?.Areas, areaFiles, plan.Kept),
            Carry(earlier?.Stations, stationFiles, plan.Kept),
            plan.Flags,
            commissionKey is null ? [] : [PublishedApi.AreaEntriesPath("{station}")],
            // Their age is counted from when they were written: a first publish of a million stations takes longer than the interval.
            exports ? (snapshot.Position, published.PublishedAt + writing.Elapsed) : earlier!.Exports,
            made);
        long removed = 0;
        if (earlier is not null)
        {
            foreach (var stale in manifest.NoLongerListed(earlier))
            {
                output.Remove(stale);
                removed++;
            }
            if (earlier.Compressed && !options.CompressedCopies)
            {
                foreach (var file in manifest.AllFiles())
                {
                    output.RemoveCopies(file);
                }
            }
        }
        _written = null;
        await output.WriteWithoutCopiesAsync(PublishManifest.FileName, manifest.ToBytes(), cancellationToken);
        var written = new FileInfo(output.FullName(PublishManifest.FileName));
        _written = (manifest, written.FullName, written.Length, written.LastWriteTimeUtc);
        stages.Mark("stale files and manifest");
        return new StaticSiteSummary(
            pages,
            output.Written + output.Skipped,
            output.Written,
            output.Skipped,
            removed,
            output.BytesWritten,
            snapshot.Position,
            plan.FullBecause,
            exports,
            !exports && manifest.Exports!.Value.Snapshot != snapshot.Position,
            stages,
            manifest.Exports?.At);
    }

    /// <summary>
    /// Makes the pages of the first <paramref name="stations"/> stations and of every area above them, for <paramref name="published"/>,
    /// into a scratch folder (with compressed copies when <paramref name="compressedCopies"/>, as the rounds will), then removes it; the
    /// pages made (all languages together) and the files written. What a process that publishes again and again
    /// (<c>sanoo publish --watch</c>) does once while it waits, so that its first round after new protocols costs what later ones do:
    /// the first pages of each kind a process makes also compile their code and have the renderer look over each component (the
    /// watch's first round had taken 7.3 s against 5.0 s for the next at 100,000 stations; docs/performance.md).
    /// </summary>
    public async Task<(int Pages, long Files)> RehearseAsync(
        Published published, byte[]? commissionKey, int stations, bool compressedCopies, CancellationToken cancellationToken = default)
    {
        var snapshot = published.Snapshot ?? throw new ArgumentException("nothing is published yet", nameof(published));
        var election = content.Election;
        var areas = Enumerable.Range(0, Math.Min(stations, election.StationCount))
            .SelectMany(ordinal => election.AreasAbove(ordinal).Prepend(election.StationAreaIndex(ordinal)))
            .Distinct()
            .Select(index => election.Areas[index])
            .ToList();
        var scratch = Directory.CreateTempSubdirectory("sanoo-rehearsal-");
        var output = new PublishedFolder(scratch.FullName, compressedCopies);
        int pages;
        try
        {
            pages = await MakePagesAsync(
                published with { CommissionKey = commissionKey },
                snapshot,
                areas,
                output,
                Environment.ProcessorCount,
                new(StringComparer.Ordinal),
                new(StringComparer.Ordinal),
                null,
                cancellationToken);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
        return (pages, output.Written);
    }

    /// <summary>
    /// Makes the pages of <paramref name="areas"/> into <paramref name="output"/>, <paramref name="workers"/> at a time: each area's
    /// results and entries for the verifier (when <paramref name="published"/> carries the commission's key), then its pages in every
    /// language; says which files each area's pages are (a station's without its own folder's, which follow from its id). Comes back
    /// with the pages made, all languages together.
    /// </summary>
    private async Task<int> MakePagesAsync(
        Published published,
        Snapshot snapshot,
        IReadOnlyList<Area> areas,
        PublishedFolder output,
        int workers,
        System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>> areaFiles,
        System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlyList<string>> stationFiles,
        IProgress<(int Done, int Total)>? progress,
        CancellationToken cancellationToken)
    {
        var languages = content.Election.Definition.Languages;
        var photos = published.Acts.Reports.Where(r => r.PhotoSha256 is not null).ToLookup(r => r.Station, r => r.PhotoSha256!);
        // One renderer per core: a renderer makes one page at a time.
        var all = Enumerable.Range(0, workers).Select(_ => content.WithOwnRenderer()).ToList();
        var pool = new System.Collections.Concurrent.ConcurrentBag<(SiteContent Content, SiteRenderer Renderer)>(all);
        var images = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var total = areas.Count * languages.Length;
        var done = 0;
        try
        {
            await Parallel.ForEachAsync(
                areas,
                new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken },
                async (area, token) =>
                {
                    pool.TryTake(out var worker);
                    try
                    {
                        var files = new List<string>();
                        // A station's entries are read once, for its pages and for its file of entries with their proofs.
                        var entries = area.IsStation ? await worker.Content.StationEntriesAsync(snapshot, area, token) : null;
                        if (published.CommissionKey is not null)
                        {
                            // The area's results and entries for the verifier and the pages' own check, before its pages.
                            await foreach (var (path, data) in PublishedApi.AreaFilesAsync(content.Log, published, area, entries, token))
                            {
                                await output.WriteAsync(path, data, token);
                                if (!area.IsStation)
                                {
                                    files.Add(path);
                                }
                            }
                        }
                        await WriteAreaAsync(worker.Content, published, snapshot, area, entries, output, files, photos[area.Id], images, token);
                        if (area.IsStation)
                        {
                            stationFiles[area.Id.Value] =
                                [.. files.Where(f => !languages.Any(l => f.StartsWith(SitePaths.Station(l, area.Id), StringComparison.Ordinal)))];
                        }
                        else
                        {
                            areaFiles[area.Id.Value] = files;
                        }
                    }
                    finally
                    {
                        pool.Add(worker);
                    }
                    var now = Interlocked.Add(ref done, languages.Length);
                    if (now % 300 < languages.Length || now == total)
                    {
                        progress?.Report((now, total));
                    }
                });
        }
        finally
        {
            foreach (var (_, renderer) in all)
            {
                await renderer.DisposeAsync();
            }
        }
        return total;
    }

    /// <summary>
    /// The manifest of <paramref name="folder"/>: the one this instance wrote or read last when the file is still that one (the same
    /// length and time of writing), else read from the file.
    /// </summary>
    private (PublishManifest? Manifest, string? Missing) ReadManifest(string folder)
    {
        var file = new FileInfo(Path.Combine(folder, PublishManifest.FileName));
        if (_written is { } last && last.File == file.FullName && file.Exists && file.Length == last.Length
            && file.LastWriteTimeUtc == last.Time)
        {
            return (last.Manifest, null);
        }
        var read = PublishManifest.Read(folder);
        // Held as read, by the file's length and time before reading (a file changed meanwhile is read again next time).
        _written = read.Manifest is { } manifest && file.Exists ? (manifest, file.FullName, file.Length, file.LastWriteTimeUtc) : null;
        return read;
    }

    /// <summary>The files of the pages made now, and those an earlier publish wrote for the areas kept as they were.</summary>
    private static Dictionary<string, IReadOnlyList<string>> Carry(
        IReadOnlyDictionary<string, IReadOnlyList<string>>? earlier,
        IReadOnlyDictionary<string, IReadOnlyList<string>> made,
        IReadOnlySet<string> kept)
    {
        var all = new Dictionary<string, IReadOnlyList<string>>(made, StringComparer.Ordinal);
        foreach (var (area, files) in earlier ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            if (kept.Contains(area))
            {
                all.TryAdd(area, files);
            }
        }
        return all;
    }

    /// <summary>Every file of one area's pages (a station's, or one above the stations), in every language.</summary>
    private static async Task WriteAreaAsync(
        SiteContent content,
        Published published,
        Snapshot snapshot,
        Area area,
        IReadOnlyList<Storage.Log.LogEntry>? entries,
        PublishedFolder output,
        List<string> files,
        IEnumerable<string> photos,
        System.Collections.Concurrent.ConcurrentDictionary<string, bool> written,
        CancellationToken cancellationToken)
    {
        var election = content.Election;
        async Task Write(string path, byte[] data)
        {
            await output.WriteAsync(path, data, cancellationToken);
            files.Add(path);
        }

        var images = entries?.Select(e => Core.Protocols.ProtocolImage.InCanonical(e.Canonical.AsSpan())).OfType<Core.Protocols.ProtocolImage>()
            .Select(image => image.Hex);
        // The protocols' images, and the photos the station's reports name, at the server's addresses, once each.
        foreach (var hex in (images ?? []).Concat(photos))
        {
            if (written.TryAdd(hex, true) && await content.Log.ImageAsync(Convert.FromHexString(hex), cancellationToken) is { } stored)
            {
                await Write(SitePaths.Image(hex), stored.Bytes);
                if (Images.ImageCheck.Thumbnail(stored.Bytes) is { } thumbnail)
                {
                    await Write(SitePaths.Thumbnail(hex), thumbnail);
                }
            }
        }
        var first = election.Definition.Languages[0];
        foreach (var language in election.Definition.Languages)
        {
            var folderOfPage = SitePaths.Area(language, area);
            if (!area.IsStation)
            {
                // The files of a page above the stations are made from one page model.
                foreach (var (file, data) in await content.AreaPageFilesAsync(published, snapshot, area, language))
                {
                    await Write(folderOfPage + file, data);
                }
            }
            foreach (var file in area.IsStation ? SiteContent.PageFiles : [])
            {
                // A station's data files are the same bytes in every language: stored once, linked from the other languages.
                if (language != first && file is SitePaths.DataCsv or SitePaths.DataJson)
                {
                    output.Link(folderOfPage + file, SitePaths.Area(first, area) + file);
                    files.Add(folderOfPage + file);
                    continue;
                }
                await Write(
                    folderOfPage + file, await content.PageFileAsync(published, snapshot, area, language, file, entries, cancellationToken));
            }
            if (area.IsStation)
            {
                continue;
            }
            await Write(Reports.ReportPages.Path(language, area) + "index.html", await content.ReportsFileAsync(published, snapshot, area, language));
            if (!election.Definition.TurnoutTimes.IsEmpty)
            {
                await Write(Turnout.TurnoutPages.Path(language, area) + "index.html",
                    await content.TurnoutFileAsync(published, snapshot, area, language));
            }
            foreach (var file in Progress.ProgressPages.Has(snapshot, area) ? Progress.ProgressEndpoints.Files : [])
            {
                await Write(Progress.ProgressPages.Path(language, election, area) + file,
                    (await content.ProgressFileAsync(published, snapshot, area, language, file))!);
            }
            // The forensics page of every area above the stations, so that each page's links to the areas below it resolve.
            foreach (var file in Forensics.ForensicsEndpoints.Files)
            {
                await Write(Forensics.ForensicsPages.Path(language, election, area) + file,
                    await content.ForensicsFileAsync(published, snapshot, area, language, file));
            }
        }
    }

    /// <summary>
    /// The files of the whole election that grow with its stations: the ledger in every language, every protocol in CSV and the ERR
    /// report in JSON and XML (see <see cref="StaticSiteOptions.ExportsEvery"/>).
    /// </summary>
    public static IReadOnlySet<string> ExportFiles(IEnumerable<string> languages) =>
        languages.SelectMany(l => SiteContent.PageFiles.Select(f => SitePaths.Discrepancies(l) + f))
            .Concat([SitePaths.Protocols, ErrReports.JsonPath, ErrReports.XmlPath])
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The pages and files of the whole site, not of one area: search, districts, verify, audit, assets, and with
    /// <paramref name="exports"/> the ledger and open data. <paramref name="framed"/>: the files of the earlier publish, when it had
    /// the same frame (a refresh), whose files made from the frame alone are kept.
    /// </summary>
    private async Task WriteSitePagesAsync(
        Published published,
        Snapshot snapshot,
        byte[]? commissionKey,
        PublishedFolder output,
        List<string> site,
        bool exports,
        IReadOnlyList<string>? framed,
        CancellationToken cancellationToken)
    {
        var election = content.Election;
        async Task Write(string path, byte[] data)
        {
            await output.WriteAsync(path, data, cancellationToken);
            site.Add(path);
        }

        var streamed = new List<(string Path, Func<Stream, Task> Write)>();
        foreach (var language in election.Definition.Languages)
        {
            foreach (var file in exports ? SiteContent.PageFiles : [])
            {
                if (file == SitePaths.DataCsv)
                {
                    if (LedgerPages.Of(published, snapshot, SiteLanguage.Of(language)) is not null)
                    {
                        streamed.Add((SitePaths.Discrepancies(language) + file, stream => content.WriteLedgerCsvAsync(stream, published)));
                    }
                }
                else if (await content.LedgerFileAsync(published, snapshot, language, file) is { } ledger)
                {
                    await Write(SitePaths.Discrepancies(language) + file, ledger);
                }
            }
            // No server to search: the form's page lists the areas, and the page script searches the index beside it.
            await Write(SearchPages.Path(language) + "index.html", await content.SearchFileAsync(published, snapshot, language, ""));
            // Its index is made from the definition and the words alone, which the frame covers: a refresh keeps the one written
            // before (at a million stations 33 MB a language, made and compared again at every round of the watch before).
            var index = SearchPages.Path(language) + SearchPages.IndexFile;
            if (framed?.Contains(index) == true)
            {
                site.Add(index);
            }
            else
            {
                await Write(index, SearchPages.Index(election, SiteLanguage.Of(language)));
            }
            foreach (var file in SiteContent.PageFiles)
            {
                if (await content.SingleMemberFileAsync(published, snapshot, language, file) is { } districts)
                {
                    await Write(SitePaths.SingleMember(language) + file, districts);
                }
            }
            await Write(VerifyPages.Path(language) + "index.html", await content.VerifyFileAsync(published, snapshot, commissionKey, language));
            foreach (var file in Audits.AuditPages.Files)
            {
                if (await content.AuditFileAsync(published, snapshot, commissionKey, language, file) is { } audit)
                {
                    await Write(Audits.AuditPages.Path(language) + file, audit);
                }
            }
        }
        foreach (var (path, text) in SiteAssets.Files)
        {
            await Write(path, Encoding.UTF8.GetBytes(text));
        }
        await Write("/index.html", Encoding.UTF8.GetBytes(LanguageChoice(election)));
        if (!exports)
        {
            return;
        }
        // The files of the whole election grow with the stations: each is streamed to disk with its copies, all at once.
        streamed.Add((SitePaths.Protocols, stream => content.WriteProtocolsAsync(stream, snapshot, cancellationToken)));
        var context = ErrReports.Context(snapshot, published.PublishedAt, published.Acts);
        foreach (var (path, xml) in new[] { (ErrReports.JsonPath, false), (ErrReports.XmlPath, true) })
        {
            streamed.Add((path, stream =>
            {
                ErrReports.Write(stream, snapshot, context, xml);
                return Task.CompletedTask;
            }));
        }
        await Task.WhenAll(streamed.Select(s => Task.Run(() => output.WriteStreamAsync(s.Path, s.Write, cancellationToken), cancellationToken)));
        site.AddRange(streamed.Select(s => s.Path));
    }

    /// <summary>The root page: a link per language, and a one-line script that follows the browser's preference.</summary>
    public static string LanguageChoice(Election election)
    {
        var html = HtmlEncoder.Default;
        var languages = election.Definition.Languages;
        var links = string.Concat(languages.Select(l =>
            $"<li><a href=\"/{l}/\" lang=\"{l}\" hreflang=\"{l}\">{html.Encode(Words.For(l).LanguageName)}</a></li>"));
        var list = string.Join(",", languages.Select(l => $"'{l}'"));
        var script = "<script>(function(){var a=[" + list + "],w=(navigator.languages||[navigator.language||''])"
            + ".map(function(l){return l.split('-')[0].toLowerCase()});"
            + "for(var i=0;i<w.length;i++){if(a.indexOf(w[i])>=0){location.replace('/'+w[i]+'/');return} } })();</script>";
        return $$"""
            <!DOCTYPE html>
            <html lang="{{languages[0]}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{html.Encode(election.Definition.Name.In(languages[0]))}}</title></head>
            <body><main><h1>{{html.Encode(election.Definition.Name.In(languages[0]))}}</h1><ul>{{links}}</ul></main>
            {{script}}
            </body></html>
            """;
    }
}
