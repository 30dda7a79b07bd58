using System.Text;
using System.Text.Encodings.Web;
using Sanoo.Core.Definitions;
using Sanoo.Web.OpenData;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Site;

/// <summary>What <see cref="StaticSite.WriteAsync"/> wrote.</summary>
/// <param name="Pages">Pages written (each as HTML, CSV and JSON), all languages together.</param>
/// <param name="Files">Files written.</param>
/// <param name="Bytes">Their total size.</param>
/// <param name="Snapshot">The snapshot's log position.</param>
public sealed record StaticSiteSummary(int Pages, int Files, long Bytes, long Snapshot);

/// <summary>
/// Writes the whole results site of one published snapshot to a folder, for any web server or
/// CDN to serve: the same pages, CSV and JSON as the live server, at the same addresses. The
/// folder is built beside the target and swapped in whole, so a server serving the target never
/// sees half a snapshot.
/// </summary>
public sealed class StaticSite(SiteContent content)
{
    /// <summary>
    /// Writes the site for <paramref name="published"/> into <paramref name="folder"/>, reporting
    /// pages done out of the total; with the commission's public key, also the transparency files
    /// a verifier reads (see <see cref="PublishedApi"/>).
    /// </summary>
    public async Task<StaticSiteSummary> WriteAsync(
        Published published,
        string folder,
        IProgress<(int Done, int Total)>? progress = null,
        byte[]? commissionKey = null,
        CancellationToken cancellationToken = default)
    {
        var snapshot = published.Snapshot ?? throw new ArgumentException("nothing is published yet", nameof(published));
        // The pages print the key for their own check only where the folder holds the files the check reads.
        published = published with { CommissionKey = commissionKey };
        var election = content.Election;
        var target = Path.GetFullPath(folder);
        var building = $"{target.TrimEnd(Path.DirectorySeparatorChar)}.partial-{Environment.ProcessId}";
        if (Directory.Exists(building))
        {
            Directory.Delete(building, recursive: true);
        }
        var files = 0;
        long bytes = 0;
        async Task WriteFile(string path, byte[] data)
        {
            var full = Path.Combine(building, path.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllBytesAsync(full, data, cancellationToken);
            files++;
            bytes += data.Length;
        }

        var languages = election.Definition.Languages;
        var pages = election.Areas.Length * languages.Length;
        var done = 0;
        var written = new HashSet<string>(StringComparer.Ordinal);
        var photos = published.Acts.Reports.Where(r => r.PhotoSha256 is not null).ToLookup(r => r.Station, r => r.PhotoSha256!);
        foreach (var area in election.Areas)
        {
            var entries = area.IsStation ? await content.StationEntriesAsync(snapshot, area, cancellationToken) : null;
            var images = entries?.Select(e => Core.Protocols.ProtocolImage.InCanonical(e.Canonical.AsSpan())).OfType<Core.Protocols.ProtocolImage>()
                .Select(image => image.Hex);
            // The protocols' images, and the photos the station's reports name.
            foreach (var hex in (images ?? []).Concat(photos[area.Id]))
            {
                // Images and thumbnails at the server's addresses, once each (two versions may name one image).
                if (written.Add(hex) && await content.Log.ImageAsync(Convert.FromHexString(hex), cancellationToken) is { } stored)
                {
                    await WriteFile(SitePaths.Image(hex), stored.Bytes);
                    if (Images.ImageCheck.Thumbnail(stored.Bytes) is { } thumbnail)
                    {
                        await WriteFile(SitePaths.Thumbnail(hex), thumbnail);
                    }
                }
            }
            foreach (var language in languages)
            {
                var folderOfPage = SitePaths.Area(language, area);
                foreach (var file in SiteContent.FilesOf(area))
                {
                    await WriteFile(
                        folderOfPage + file, await content.PageFileAsync(published, snapshot, area, language, file, entries, cancellationToken));
                }
                if (!area.IsStation)
                {
                    await WriteFile(Reports.ReportPages.Path(language, area) + "index.html",
                        await content.ReportsFileAsync(published, snapshot, area, language));
                    if (!election.Definition.TurnoutTimes.IsEmpty)
                    {
                        await WriteFile(Turnout.TurnoutPages.Path(language, area) + "index.html",
                            await content.TurnoutFileAsync(published, snapshot, area, language));
                    }
                    foreach (var file in Progress.ProgressPages.Has(snapshot, area) ? Progress.ProgressEndpoints.Files : [])
                    {
                        await WriteFile(Progress.ProgressPages.Path(language, election, area) + file,
                            (await content.ProgressFileAsync(published, snapshot, area, language, file))!);
                    }
                }
                if (++done % 100 == 0 || done == pages)
                {
                    progress?.Report((done, pages));
                }
            }
        }
        foreach (var language in languages)
        {
            foreach (var file in SiteContent.PageFiles)
            {
                if (await content.LedgerFileAsync(published, snapshot, language, file) is { } ledger)
                {
                    await WriteFile(SitePaths.Discrepancies(language) + file, ledger);
                }
            }
            // No server to search: the form's page lists the areas, and the page script searches the index beside it.
            await WriteFile(SearchPages.Path(language) + "index.html", await content.SearchFileAsync(published, snapshot, language, ""));
            await WriteFile(SearchPages.Path(language) + SearchPages.IndexFile, SearchPages.Index(election, SiteLanguage.Of(language)));
            foreach (var file in SiteContent.PageFiles)
            {
                if (await content.SingleMemberFileAsync(published, snapshot, language, file) is { } districts)
                {
                    await WriteFile(SitePaths.SingleMember(language) + file, districts);
                }
            }
            await WriteFile(VerifyPages.Path(language) + "index.html", await content.VerifyFileAsync(published, snapshot, commissionKey, language));
            foreach (var file in Audits.AuditPages.Files)
            {
                if (await content.AuditFileAsync(published, snapshot, commissionKey, language, file) is { } audit)
                {
                    await WriteFile(Audits.AuditPages.Path(language) + file, audit);
                }
            }
            // The forensics pages of every area above the stations, so that each page's links to the areas below it resolve (each
            // report is made once per area and kept with the snapshot, whatever the language).
            foreach (var area in election.Areas.Where(a => !a.IsStation))
            {
                foreach (var file in Forensics.ForensicsEndpoints.Files)
                {
                    await WriteFile(
                        Forensics.ForensicsPages.Path(language, election, area) + file,
                        await content.ForensicsFileAsync(published, snapshot, area, language, file));
                }
            }
        }
        if (commissionKey is not null)
        {
            await foreach (var (path, data) in PublishedApi.FilesAsync(content.Log, published, commissionKey, cancellationToken))
            {
                await WriteFile(path, data);
            }
        }
        await WriteFile(SitePaths.SnapshotJson, SiteContent.SnapshotMarker(published));
        await WriteFile(SiteAssets.CssPath, Encoding.UTF8.GetBytes(SiteAssets.Css));
        await WriteFile(SiteAssets.ScriptPath, Encoding.UTF8.GetBytes(SiteAssets.Script));
        await WriteFile(SiteAssets.CheckScriptPath, Encoding.UTF8.GetBytes(SiteAssets.CheckScript));
        await WriteFile("/index.html", Encoding.UTF8.GetBytes(LanguageChoice(election)));
        var protocols = Path.Combine(building, SitePaths.Protocols.TrimStart('/'));
        Directory.CreateDirectory(Path.GetDirectoryName(protocols)!);
        await using (var stream = File.Create(protocols))
        {
            await content.WriteProtocolsAsync(stream, snapshot, cancellationToken);
            files++;
            bytes += stream.Length;
        }
        foreach (var (path, xml) in new[] { (ErrReports.JsonPath, false), (ErrReports.XmlPath, true) })
        {
            var file = Path.Combine(building, path.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await using var stream = File.Create(file);
            ErrReports.Write(stream, snapshot, ErrReports.Context(snapshot, published.PublishedAt, published.Acts), xml);
            files++;
            bytes += stream.Length;
        }
        Swap(building, target);
        return new StaticSiteSummary(pages, files, bytes, snapshot.Position);
    }

    /// <summary>Replaces <paramref name="target"/> by <paramref name="built"/>: two renames, the old copy removed after.</summary>
    private static void Swap(string built, string target)
    {
        var old = $"{target.TrimEnd(Path.DirectorySeparatorChar)}.old-{Environment.ProcessId}";
        if (Directory.Exists(target))
        {
            Directory.Move(target, old);
        }
        Directory.Move(built, target);
        if (Directory.Exists(old))
        {
            Directory.Delete(old, recursive: true);
        }
    }

    /// <summary>The root page: a link per language, and a one-line script that follows the browser's preference.</summary>
    private static string LanguageChoice(Election election)
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
