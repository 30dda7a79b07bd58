using System.Text.Json;
using Sanoo.Contracts;
using Sanoo.Log;
using Sanoo.Web.PublicApi;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Site;

/// <summary>
/// The read API's transparency answers as files of a published folder, so that
/// <c>sanoo verify --dir</c> checks a copy on a CDN, or on a USB stick, as it checks a live server:
/// <c>api/v1/tree-head.json</c>, <c>keys.json</c>, <c>definition.json</c>, the log in pages of
/// 1,000 entries (<c>entries/{after}.json</c>, as <c>/api/v1/entries?after=…</c> answers), the register
/// likewise (<c>register/{after}.json</c>), every area's results (<c>results/{contest}/{source}/{area}.json</c>) and the main
/// contest's count through the night over its area, every source (<c>progress/{contest}/{area}.json</c>), and every area's and
/// station's entries with their inclusion proofs (<c>area-entries/{area}.json</c>), which the pages' own check reads. An area's
/// files are those of the snapshot that last changed its figures (their <c>snapshot</c> says which), as its pages are; the
/// verifier compares their figures with its own at the head's size, which are the same.
/// </summary>
public static class PublishedApi
{
    /// <summary>Writes the log's and the register's pages as the server's <c>/api/v1/entries</c> and <c>/api/v1/register</c> do.</summary>
    private static readonly LogPageWriter Pages = new(WireJson.Default.Options);

    /// <summary>The signed tree head's file.</summary>
    public const string TreeHeadFile = "api/v1/tree-head.json";

    /// <summary>
    /// The signed head of one earlier publish, kept under its tree size and never changed: a page kept from that publish (its figures
    /// unchanged since) is checked in the reader's browser against the head it was made from, signed by the same key.
    /// </summary>
    public static string KeptHeadPath(long treeSize) => $"api/v1/tree-heads/{treeSize}.json";

    /// <summary>
    /// The consistency proof (RFC 9162 §2.1.4) from the kept head of <paramref name="treeSize"/> entries to the folder's signed head,
    /// rewritten by every publish that keeps it: the reader's browser trusts a kept head only with it, so a head of another log,
    /// signed with the same key and put beside the pages, fails there as in <c>sanoo verify --dir</c>.
    /// </summary>
    public static string KeptProofPath(long treeSize) => $"api/v1/proofs/consistency/{treeSize}.json";

    /// <summary>Whether a file is a kept head (<see cref="KeptHeadPath"/>).</summary>
    public static bool IsKeptHead(string path) => path.StartsWith("api/v1/tree-heads/", StringComparison.Ordinal);

    /// <summary>
    /// The files of the log and the register, by path under the folder, with their bytes: the signed head first, then the definition,
    /// the device keys, the register's pages, and the log's pages from the one holding entry <paramref name="entriesAfter"/> + 1 on (a
    /// full page never changes, so a refresh writes only the last one an earlier publish wrote and those after it).
    /// </summary>
    public static async IAsyncEnumerable<(string Path, byte[] Bytes)> LogFilesAsync(
        ElectionLog log,
        Published published,
        byte[] commissionKey,
        long entriesAfter = 0,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var snapshot = published.Snapshot!;
        var json = WireJson.Default;
        var head = TransparencyJson.Of(published.TreeHead!, commissionKey);
        yield return (TreeHeadFile, JsonSerializer.SerializeToUtf8Bytes(head, json.TreeHead));
        yield return ("api/v1/definition.json", log.Definition.ToArray());
        var keys = TransparencyJson.Of(await log.DeviceKeysAsync(0, cancellationToken), await log.RevocationsAsync(cancellationToken));
        yield return ("api/v1/keys.json", JsonSerializer.SerializeToUtf8Bytes(keys, json.DeviceKeys));
        var records = (await log.RegisterAsync(0, cancellationToken)).TakeWhile(r => r.Sequence <= published.TreeHead!.Head.RegisterSize).ToList();
        for (var start = 0; start <= records.Count; start += TransparencyEndpoints.MaxPage)
        {
            var from = start == 0 ? 0 : records[start - 1].Sequence;
            var rows = records.GetRange(start, Math.Min(TransparencyEndpoints.MaxPage, records.Count - start));
            yield return ($"api/v1/register/{from}.json", LogPageResult.Register(Pages, from, rows).ToBytes());
        }
        var page = new List<Storage.Log.LogEntry>(TransparencyEndpoints.MaxPage);
        var after = EntriesPageOf(Math.Min(entriesAfter, snapshot.Position));
        await foreach (var entry in log.EntriesAsync(after, withCanonical: true, cancellationToken))
        {
            if (entry.Sequence > snapshot.Position)
            {
                break;
            }
            page.Add(entry);
            if (page.Count == TransparencyEndpoints.MaxPage)
            {
                yield return (EntriesPath(after), LogPageResult.Entries(Pages, after, page).ToBytes());
                after = entry.Sequence;
                page.Clear();
            }
        }
        yield return (EntriesPath(after), LogPageResult.Entries(Pages, after, page).ToBytes());
    }

    /// <summary>The <c>after</c> of the log's page that holds entry <paramref name="entriesAfter"/> + 1 (entries count from 1).</summary>
    public static long EntriesPageOf(long entriesAfter) => entriesAfter / TransparencyEndpoints.MaxPage * TransparencyEndpoints.MaxPage;

    /// <summary>Whether a file is one of the log's pages that starts before <paramref name="after"/>, full and never changed again.</summary>
    public static bool IsEntriesPageBefore(string path, long after) =>
        path.StartsWith("api/v1/entries/", StringComparison.Ordinal) && path.EndsWith(".json", StringComparison.Ordinal)
            && long.TryParse(path["api/v1/entries/".Length..^".json".Length], System.Globalization.CultureInfo.InvariantCulture, out var from)
            && from < after;

    /// <summary>
    /// The files that give <paramref name="area"/>'s figures at the snapshot, by path under the folder: its results for every contest
    /// tallied there and every source, its entries with their proofs, and at the main contest's area the count through the night.
    /// A refresh writes them only for the areas whose figures changed; the others keep those of the snapshot that last changed them.
    /// A station's entries already read for its page (<paramref name="stationEntries"/>) are not read again.
    /// </summary>
    public static async IAsyncEnumerable<(string Path, byte[] Bytes)> AreaFilesAsync(
        ElectionLog log,
        Published published,
        Core.Definitions.Area area,
        IReadOnlyList<Storage.Log.LogEntry>? stationEntries,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var snapshot = published.Snapshot!;
        var json = WireJson.Default;
        var election = snapshot.Election;
        var language = election.Definition.Languages[0];
        var index = election.AreaIndex(area.Id);
        foreach (var plan in election.Contests.Where(c => c.TallyAreas.Contains(index)))
        {
            foreach (var source in election.ResultSources)
            {
                var results = ResultsJson.Of(snapshot, plan, source, area.Id, language);
                yield return (
                    $"api/v1/results/{plan.Contest.Id}/{source.Id}/{area.Id}.json", JsonSerializer.SerializeToUtf8Bytes(results, json.AreaResults));
            }
        }
        var entries = await AreaEntriesJson.OfAsync(log, area, snapshot.Position, stationEntries, cancellationToken);
        yield return (AreaEntriesPath(area.Id.Value), JsonSerializer.SerializeToUtf8Bytes(entries, json.AreaEntries));
        var main = election.DefaultContest;
        if (main.Contest.Area == area.Id)
        {
            var progress = Progress.ProgressJson.Of(published, main, area, election.ResultSources, log.Counted)!;
            yield return (
                $"api/v1/progress/{main.Contest.Id}/{main.Contest.Area}.json", JsonSerializer.SerializeToUtf8Bytes(progress, json.ProgressReport));
        }
    }

    /// <summary>A page of the log (<c>/api/v1/entries?after=…</c>).</summary>
    public static string EntriesPath(long after) => $"api/v1/entries/{after}.json";

    /// <summary>The file of an area's entries with their proofs (<c>/api/v1/area-entries?area=…</c>), at the folder's snapshot.</summary>
    public static string AreaEntriesPath(string area) => $"api/v1/area-entries/{area}.json";

    /// <summary>
    /// The file answering an API request or holding a page's data, for a verifier reading a folder (null for a request it does not
    /// answer).
    /// </summary>
    public static string? FileOf(string pathAndQuery)
    {
        var (path, query) = pathAndQuery.IndexOf('?', StringComparison.Ordinal) is var q and >= 0
            ? (pathAndQuery[..q], pathAndQuery[(q + 1)..])
            : (pathAndQuery, "");
        var parameters = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "");
        return path switch
        {
            "/api/v1/tree-head" or "/api/v1/keys" or "/api/v1/definition" => path.TrimStart('/') + ".json",
            "/api/v1/entries" => $"api/v1/entries/{parameters.GetValueOrDefault("after", "0")}.json",
            "/api/v1/register" => $"api/v1/register/{parameters.GetValueOrDefault("after", "0")}.json",
            "/api/v1/results" => $"api/v1/results/{parameters["contest"]}/{parameters["source"]}/{parameters["area"]}.json",
            "/api/v1/area-entries" => AreaEntriesPath(parameters["area"]),
            OpenData.ErrReports.JsonPath or OpenData.ErrReports.XmlPath or SitePaths.Protocols => path.TrimStart('/'),
            "/api/v1/progress" => $"api/v1/progress/{parameters["contest"]}/{parameters["area"]}.json",
            _ when path.StartsWith("/api/v1/images/", StringComparison.Ordinal) && path.Length == "/api/v1/images/".Length + 64
                && path["/api/v1/images/".Length..].All(char.IsAsciiHexDigitLower) => path.TrimStart('/'),
            _ when (path.EndsWith("/" + SitePaths.DataJson, StringComparison.Ordinal)
                    || path.EndsWith("/" + SitePaths.DataCsv, StringComparison.Ordinal))
                && !path.Contains("..", StringComparison.Ordinal) => path.TrimStart('/'), // a page's data, e.g. the discrepancy ledger's
            _ => null,
        };
    }
}
