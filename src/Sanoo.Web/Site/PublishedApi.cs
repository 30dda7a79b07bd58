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
/// station's entries with their inclusion proofs (<c>area-entries/{area}.json</c>), which the pages' own check reads.
/// </summary>
public static class PublishedApi
{
    /// <summary>The signed tree head's file.</summary>
    public const string TreeHeadFile = "api/v1/tree-head.json";

    /// <summary>
    /// Whether a file of the API gives one area's figures at the snapshot (its results, its count through the night, its entries with
    /// their proofs against the snapshot's head): written after the head, so a reader never finds one newer than the head.
    /// </summary>
    public static bool IsOfArea(string path) =>
        path.StartsWith("api/v1/results/", StringComparison.Ordinal) || path.StartsWith("api/v1/progress/", StringComparison.Ordinal)
            || path.StartsWith("api/v1/area-entries/", StringComparison.Ordinal);

    /// <summary>Every file, by path under the folder, with its bytes.</summary>
    public static async IAsyncEnumerable<(string Path, byte[] Bytes)> FilesAsync(
        ElectionLog log,
        Published published,
        byte[] commissionKey,
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
            var registerPage = new RegisterPage(from, [.. records.Skip(start).Take(TransparencyEndpoints.MaxPage).Select(TransparencyJson.Of)]);
            yield return ($"api/v1/register/{from}.json", JsonSerializer.SerializeToUtf8Bytes(registerPage, json.RegisterPage));
        }
        var page = new List<Contracts.LogEntry>(TransparencyEndpoints.MaxPage);
        long after = 0;
        await foreach (var entry in log.EntriesAsync(0, withCanonical: true, cancellationToken))
        {
            if (entry.Sequence > snapshot.Position)
            {
                break;
            }
            page.Add(TransparencyJson.Of(entry));
            if (page.Count == TransparencyEndpoints.MaxPage)
            {
                yield return ($"api/v1/entries/{after}.json", JsonSerializer.SerializeToUtf8Bytes(new EntriesPage(after, page), json.EntriesPage));
                after = entry.Sequence;
                page = new List<Contracts.LogEntry>(TransparencyEndpoints.MaxPage);
            }
        }
        yield return ($"api/v1/entries/{after}.json", JsonSerializer.SerializeToUtf8Bytes(new EntriesPage(after, page), json.EntriesPage));
        var election = snapshot.Election;
        var language = election.Definition.Languages[0];
        foreach (var plan in election.Contests)
        {
            foreach (var source in election.ResultSources)
            {
                foreach (var area in plan.TallyAreas.Select(a => election.Areas[a].Id))
                {
                    var results = ResultsJson.Of(snapshot, plan, source, area, language);
                    var path = $"api/v1/results/{plan.Contest.Id}/{source.Id}/{area}.json";
                    yield return (path, JsonSerializer.SerializeToUtf8Bytes(results, json.AreaResults));
                }
            }
        }
        foreach (var area in election.Areas)
        {
            var entries = await AreaEntriesJson.OfAsync(log, area, snapshot.Position, cancellationToken);
            yield return (AreaEntriesPath(area.Id.Value), JsonSerializer.SerializeToUtf8Bytes(entries, json.AreaEntries));
        }
        var main = election.DefaultContest;
        var progress = Progress.ProgressJson.Of(published, main, election.Area(main.Contest.Area)!, election.ResultSources, log.Counted)!;
        yield return (
            $"api/v1/progress/{main.Contest.Id}/{main.Contest.Area}.json", JsonSerializer.SerializeToUtf8Bytes(progress, json.ProgressReport));
    }

    /// <summary>The file of an area's entries with their proofs (<c>/api/v1/area-entries?area=…</c>), at the folder's snapshot.</summary>
    public static string AreaEntriesPath(string area) => $"api/v1/area-entries/{area}.json";

    /// <summary>The file answering an API request, for a verifier reading a folder (null for a request the folder does not answer).</summary>
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
            "/api/v1/progress" => $"api/v1/progress/{parameters["contest"]}/{parameters["area"]}.json",
            _ when path.StartsWith("/api/v1/images/", StringComparison.Ordinal) && path.Length == "/api/v1/images/".Length + 64
                && path["/api/v1/images/".Length..].All(char.IsAsciiHexDigitLower) => path.TrimStart('/'),
            _ => null,
        };
    }
}
