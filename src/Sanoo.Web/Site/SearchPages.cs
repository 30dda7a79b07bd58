using System.Text.Json;
using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Site;

/// <summary>A station found: its name, page, address and the area it belongs to, in the page's language.</summary>
public sealed record SearchHit(string Id, string Name, string Href, string? Address, string Where);

/// <summary>
/// The page for finding one's polling station (<c>/{lang}/search/?q=…</c>): the form, and for a query the stations found. In a
/// published folder there is no server: the page holds the form and the areas below the nation (each lists its stations), and
/// the page script searches <see cref="SearchPages.IndexFile"/> instead.
/// </summary>
/// <param name="Frame">The frame.</param>
/// <param name="Query">What was asked; empty for the page without a query.</param>
/// <param name="Hits">The stations found, at most <see cref="SearchPages.Limit"/>.</param>
/// <param name="Total">How many stations match in all.</param>
/// <param name="Areas">The areas below the nation, to browse to a station without searching.</param>
public sealed record SearchPage(PageFrame Frame, string Query, IReadOnlyList<SearchHit> Hits, int Total, IReadOnlyList<Link> Areas);

/// <summary>Builds the search page and the index a published folder's script searches.</summary>
public static class SearchPages
{
    /// <summary>The most stations a search page lists.</summary>
    public const int Limit = 50;

    /// <summary>The search index of a language in a published folder, beside its search page.</summary>
    public const string IndexFile = "stations.json";

    /// <summary>The search page's folder.</summary>
    public static string Path(string language) => $"/{language}/search/";

    /// <summary>The page for <paramref name="query"/> (empty: the form alone).</summary>
    public static SearchPage Of(Published published, Snapshot snapshot, string query, SiteLanguage language)
    {
        var election = snapshot.Election;
        var root = election.Areas[0];
        var words = MapWords.For(language.Code);
        var frame = PageFrames.Of(published, snapshot, root, language) with
        {
            Title = words.FindStation,
            PathAfterLanguage = "/search/",
            DataFiles = false,
            Crumbs = [new Link(root.DisplayName(language.Code), SitePaths.Area(language.Code, root))],
        };
        query = query.Trim();
        if (query.Length > 200)
        {
            query = query[..200];
        }
        // The form alone (each publish writes it) needs no index of the stations: made at a million stations it took 1.8 s of the
        // watch's first round (docs/performance.md).
        var (found, total) = query.Length == 0 ? ([], 0) : StationIndex.Of(election).Search(query, Limit);
        var hits = found.Select(i => Hit(election, election.Areas[i], language)).ToList();
        var areas = AreaPages.ChildrenOf(election, root.Id).Where(a => !a.IsStation)
            .Select(a => new Link(a.DisplayName(language.Code), SitePaths.Area(language.Code, a))).ToList();
        return new SearchPage(frame, query, hits, total, areas);
    }

    /// <summary>
    /// The index of every station for a published folder's script, in one language: an array of
    /// <c>[id, name, address, where]</c> (name and address empty where the definition has none), about 60 bytes a station.
    /// </summary>
    public static byte[] Index(Election election, SiteLanguage language)
    {
        using var buffer = new MemoryStream();
        Write(buffer, election, language);
        return buffer.ToArray();
    }

    /// <summary>
    /// Writes <see cref="Index"/>'s bytes to <paramref name="stream"/> a thousand stations at a time (a million stations' index is some
    /// 33 MB: the verifier holds a folder's to its own as both are read, neither held whole).
    /// </summary>
    public static void Write(Stream stream, Election election, SiteLanguage language)
    {
        var options = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using var json = new Utf8JsonWriter(stream, options);
        json.WriteStartArray();
        var written = 0;
        foreach (var station in election.Areas.Where(a => a.IsStation))
        {
            var hit = Hit(election, station, language);
            json.WriteStartArray();
            json.WriteStringValue(hit.Id);
            json.WriteStringValue(station.Name?.In(language.Code) ?? "");
            json.WriteStringValue(hit.Address ?? "");
            json.WriteStringValue(hit.Where);
            json.WriteEndArray();
            if (++written % 1000 == 0)
            {
                json.Flush();
            }
        }
        json.WriteEndArray();
    }

    private static SearchHit Hit(Election election, Area station, SiteLanguage language) => new(
        station.Id.Value,
        $"{language.Words.Station} {station.DisplayName(language.Code)}",
        SitePaths.Station(language.Code, station.Id),
        station.Address?.In(language.Code),
        station.Parent is { } parent ? election.Area(parent)!.DisplayName(language.Code) : "");
}
