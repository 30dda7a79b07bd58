using System.Text;
using System.Text.Json;
using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;
using Sanoo.Log;
using Sanoo.Storage.Log;
using Sanoo.Web.OpenData;
using Sanoo.Web.PublicApi;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Site;

/// <summary>
/// Every file of the results site for one published snapshot: a page's HTML, CSV and JSON, the
/// protocols CSV and the snapshot marker. The live server answers from it and
/// <c>sanoo publish</c> writes it to a folder, so both always show the same thing.
/// </summary>
/// <param name="log">The log the site is read from.</param>
/// <param name="renderer">Renders the pages.</param>
/// <param name="publicAddress">Where the public reaches the site (<c>https://results.example.org/</c>), for the absolute addresses
/// of share cards; null when unknown (the cards then give addresses from the site's root).</param>
public sealed class SiteContent(ElectionLog log, SiteRenderer renderer, Uri? publicAddress = null)
{
    /// <summary>The page files, by name.</summary>
    public static readonly IReadOnlyList<string> PageFiles = ["index.html", SitePaths.DataCsv, SitePaths.DataJson];

    /// <summary>
    /// The files of an area's page above the stations: the page files, the page's twin in ballot order and its preview image for
    /// shared links.
    /// </summary>
    public static readonly IReadOnlyList<string> AreaFiles = [.. PageFiles, SitePaths.BallotOrder, ShareCards.PreviewFile];

    /// <summary>The files of the page of <paramref name="area"/>.</summary>
    public static IReadOnlyList<string> FilesOf(Area area) => area.IsStation ? PageFiles : AreaFiles;

    private static Contracts.WireJson Wire => Contracts.WireJson.Default;

    /// <summary>The election.</summary>
    public Election Election => log.Election;

    /// <summary>The log the site is read from.</summary>
    public ElectionLog Log => log;

    /// <summary>Where the public reaches the site; null when unknown.</summary>
    public Uri? PublicAddress => publicAddress;

    /// <summary>How often the pages ask whether a newer snapshot is out.</summary>
    public int RefreshMilliseconds => renderer.RefreshMilliseconds;

    /// <summary>
    /// The same content made by a renderer of its own, which the caller disposes: a renderer makes one page at a time, so
    /// <c>sanoo publish</c> takes one per core.
    /// </summary>
    public (SiteContent Content, SiteRenderer Renderer) WithOwnRenderer()
    {
        var own = new SiteRenderer(TimeSpan.FromMilliseconds(renderer.RefreshMilliseconds));
        return (new SiteContent(log, own, publicAddress), own);
    }

    /// <summary>The media type of a page file.</summary>
    public static string ContentType(string file) => file switch
    {
        SitePaths.DataCsv => "text/csv; charset=utf-8",
        SitePaths.DataJson => "application/json; charset=utf-8",
        ShareCards.PreviewFile => "image/png",
        _ => "text/html; charset=utf-8",
    };

    /// <summary>Reads a station's log entries up to the snapshot, for its page.</summary>
    public async Task<IReadOnlyList<LogEntry>> StationEntriesAsync(Snapshot snapshot, Area station, CancellationToken cancellationToken) =>
        [.. (await log.StationEntriesAsync(station.Id, cancellationToken)).Where(e => e.Sequence <= snapshot.Position)];

    /// <summary>
    /// One file of the page of <paramref name="area"/> (any area or a station) in
    /// <paramref name="language"/>; a station's entries are read from the store unless given.
    /// </summary>
    public async Task<byte[]> PageFileAsync(
        Published published,
        Snapshot snapshot,
        Area area,
        string language,
        string file,
        IReadOnlyList<LogEntry>? entries = null,
        CancellationToken cancellationToken = default)
    {
        var lang = SiteLanguage.Of(language);
        if (area.IsStation)
        {
            entries ??= await StationEntriesAsync(snapshot, area, cancellationToken);
            return file switch
            {
                SitePaths.DataCsv => Text(writer =>
                {
                    var csv = new ProtocolsCsv(writer, Election);
                    foreach (var entry in entries)
                    {
                        csv.Write(entry);
                    }
                }),
                SitePaths.DataJson => JsonSerializer.SerializeToUtf8Bytes(
                    StationJson.Of(Election, area, entries, snapshot.Position, published), Wire.StationRecord),
                _ => Encoding.UTF8.GetBytes(await renderer.StationAsync(StationPages.Of(published, snapshot, area, entries, lang))),
            };
        }
        return await AreaFileAsync(snapshot, area, language, file, () => AreaPages.Of(published, snapshot, area, lang));
    }

    /// <summary>
    /// Every file (<see cref="AreaFiles"/>) of the page of <paramref name="area"/> above the stations in <paramref name="language"/>:
    /// the bytes <see cref="PageFileAsync"/> gives file by file, from one page model (a publish makes them all; building the model
    /// of an area with hundreds of areas below it once instead of four times).
    /// </summary>
    public async Task<IReadOnlyList<(string File, byte[] Data)>> AreaPageFilesAsync(
        Published published, Snapshot snapshot, Area area, string language)
    {
        var page = new Lazy<AreaPage>(() => AreaPages.Of(published, snapshot, area, SiteLanguage.Of(language)), false);
        var files = new List<(string, byte[])>(AreaFiles.Count);
        foreach (var file in AreaFiles)
        {
            files.Add((file, await AreaFileAsync(snapshot, area, language, file, () => page.Value)));
        }
        return files;
    }

    /// <summary>
    /// One file of the page of <paramref name="area"/> above the stations, from its page model as <paramref name="page"/> gives it.
    /// </summary>
    private async Task<byte[]> AreaFileAsync(Snapshot snapshot, Area area, string language, string file, Func<AreaPage> page)
    {
        return file switch
        {
            SitePaths.DataCsv => Text(writer => ResultsCsv.Write(writer, snapshot, area, language)),
            SitePaths.DataJson => JsonSerializer.SerializeToUtf8Bytes(SiteJson.Area(page()), Wire.AreaPageData),
            SitePaths.BallotOrder => Encoding.UTF8.GetBytes(await renderer.AreaAsync(BallotOrder(Shared(page())))),
            ShareCards.PreviewFile => PreviewImage.Png(page()),
            _ => Encoding.UTF8.GetBytes(await renderer.AreaAsync(Shared(page()))),
        };

        AreaPage Shared(AreaPage model) => model with { Frame = model.Frame with { Share = ShareCards.Of(model, publicAddress) } };

        static AreaPage BallotOrder(AreaPage model) =>
            model with { BallotOrder = true, Frame = model.Frame with { File = SitePaths.BallotOrder } };
    }

    /// <summary>
    /// One file (<see cref="PageFiles"/>) of the page of every single-member contest in <paramref name="language"/>; null when the
    /// election has none.
    /// </summary>
    public async Task<byte[]?> SingleMemberFileAsync(Published published, Snapshot snapshot, string language, string file = "index.html")
    {
        if (SingleMemberPages.Of(published, snapshot, SiteLanguage.Of(language)) is not { } page)
        {
            return null;
        }
        return file switch
        {
            SitePaths.DataCsv => Text(writer => SingleMemberCsv.Write(writer, [.. page.Rows.Select(r => r.Data)], snapshot.Position)),
            SitePaths.DataJson => JsonSerializer.SerializeToUtf8Bytes(SiteJson.SingleMember(page), Wire.SingleMemberPageData),
            _ => Encoding.UTF8.GetBytes(await renderer.SingleMemberAsync(page)),
        };
    }

    /// <summary>One file of the discrepancy ledger page in <paramref name="language"/>; null when the election compares no counts.</summary>
    public async Task<byte[]?> LedgerFileAsync(Published published, Snapshot snapshot, string language, string file)
    {
        if (LedgerPages.Of(published, snapshot, SiteLanguage.Of(language)) is not { } page)
        {
            return null;
        }
        return file switch
        {
            SitePaths.DataCsv => Text(writer => LedgerCsv.Write(writer, Election, published.Ledgers)),
            SitePaths.DataJson => JsonSerializer.SerializeToUtf8Bytes(SiteJson.Ledger(snapshot.Position, published, page), Wire.LedgerPageData),
            _ => Encoding.UTF8.GetBytes(await renderer.LedgerAsync(page)),
        };
    }

    /// <summary>
    /// Writes the discrepancy ledger's <c>data.csv</c> (one row per station and contest, the same in every language) to
    /// <paramref name="stream"/>, the bytes <see cref="LedgerFileAsync"/> gives, without holding them whole.
    /// </summary>
    public async Task WriteLedgerCsvAsync(Stream stream, Published published)
    {
        await using var writer = new StreamWriter(stream, Csv.Encoding, 1 << 16, leaveOpen: true);
        LedgerCsv.Write(writer, Election, published.Ledgers);
    }

    /// <summary>Writes every protocol version up to the snapshot as one CSV, in chunks written asynchronously.</summary>
    public async Task WriteProtocolsAsync(Stream stream, Snapshot snapshot, CancellationToken cancellationToken = default)
    {
        var chunk = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var csv = new ProtocolsCsv(chunk, Election);
        await foreach (var entry in log.EntriesAsync(0, false, cancellationToken))
        {
            if (entry.Sequence > snapshot.Position)
            {
                break;
            }
            csv.Write(entry);
            if (chunk.GetStringBuilder().Length > 1 << 16)
            {
                await FlushAsync();
            }
        }
        await FlushAsync();

        async Task FlushAsync()
        {
            var text = chunk.GetStringBuilder();
            await stream.WriteAsync(Csv.Encoding.GetBytes(text.ToString()), cancellationToken);
            text.Clear();
        }
    }

    /// <summary>The observers' reports page of <paramref name="area"/> (above the stations), in <paramref name="language"/>.</summary>
    public async Task<byte[]> ReportsFileAsync(Published published, Snapshot snapshot, Area area, string language) =>
        Encoding.UTF8.GetBytes(await renderer.ReportsAsync(Reports.ReportPages.Of(published, snapshot, area, SiteLanguage.Of(language))));

    /// <summary>The "how to check these numbers" page in <paramref name="language"/>, with the commission's key when known.</summary>
    public async Task<byte[]> VerifyFileAsync(Published published, Snapshot snapshot, byte[]? key, string language) =>
        Encoding.UTF8.GetBytes(await renderer.VerifyAsync(VerifyPages.Of(published, snapshot, key, SiteLanguage.Of(language))));

    /// <summary>The turnout-through-the-day page of an area above the stations, in <paramref name="language"/>.</summary>
    public async Task<byte[]> TurnoutFileAsync(Published published, Snapshot snapshot, Area area, string language) =>
        Encoding.UTF8.GetBytes(await renderer.TurnoutAsync(Turnout.TurnoutPages.Of(published, snapshot, area, SiteLanguage.Of(language))));

    /// <summary>The page for finding one's polling station, for <paramref name="query"/> (empty: the form alone).</summary>
    public async Task<byte[]> SearchFileAsync(Published published, Snapshot snapshot, string language, string query) =>
        Encoding.UTF8.GetBytes(await renderer.SearchAsync(SearchPages.Of(published, snapshot, query, SiteLanguage.Of(language))));

    /// <summary>A file of the audit's page in <paramref name="language"/>; null while no audit is planned.</summary>
    public Task<byte[]?> AuditFileAsync(Published published, Snapshot snapshot, byte[]? key, string language, string file) =>
        Audits.AuditPages.FileAsync(renderer, published, snapshot, key, language, file);

    /// <summary>A file of the forensics page of <paramref name="area"/> (above the stations), in <paramref name="language"/>.</summary>
    public Task<byte[]> ForensicsFileAsync(Published published, Snapshot snapshot, Area area, string language, string file) =>
        Forensics.ForensicsEndpoints.FileAsync(renderer, published, snapshot, area, language, file);

    /// <summary>
    /// A file of the page of the count through the night of <paramref name="area"/> (above the stations), in <paramref name="language"/>;
    /// null when the main contest is not tallied there.
    /// </summary>
    public Task<byte[]?> ProgressFileAsync(Published published, Snapshot snapshot, Area area, string language, string file) =>
        Progress.ProgressEndpoints.FileAsync(renderer, published, snapshot, area, language, file, Log.Counted);

    /// <summary>The snapshot marker the page script polls: position, time, whether publication is halted.</summary>
    public static byte[] SnapshotMarker(Published published) => JsonSerializer.SerializeToUtf8Bytes(SiteJson.Marker(published), Wire.SnapshotMarker);

    private static byte[] Text(Action<TextWriter> write)
    {
        // A district's open data is some 4 MB at 700 stations: the writer's buffer of 32,768 characters, not the default 1,024,
        // encodes it in a hundred-odd pieces instead of thousands, and the stream starts where most pages end.
        using var buffer = new MemoryStream(64 * 1024);
        using (var writer = new StreamWriter(buffer, Csv.Encoding, 32 * 1024))
        {
            write(writer);
        }
        return buffer.ToArray();
    }
}
