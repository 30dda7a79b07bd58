using Sanoo.Core.Definitions;

namespace Sanoo.Web.Site;

/// <summary>
/// The site's addresses, the same for the live server and a published folder: every page is a
/// folder (<c>/ky/</c>, <c>/ru/area/d05/</c>, <c>/en/station/s0001/</c>) holding
/// <c>index.html</c>, <c>data.csv</c> and <c>data.json</c>.
/// </summary>
public static class SitePaths
{
    /// <summary>The file every page's open data is listed in, per page folder.</summary>
    public const string DataCsv = "data.csv";

    /// <summary>The JSON twin of <see cref="DataCsv"/>.</summary>
    public const string DataJson = "data.json";

    /// <summary>All station protocols of the snapshot, one CSV.</summary>
    public const string Protocols = "/data/protocols.csv";

    /// <summary>The snapshot the site shows now; the page script polls it to refresh.</summary>
    public const string SnapshotJson = "/snapshot.json";

    /// <summary>The page of an area: the nation's is the language's home.</summary>
    public static string Area(string language, Area area) =>
        area.IsStation ? Station(language, area.Id)
        : area.Level == 0 ? $"/{language}/"
        : $"/{language}/area/{Uri.EscapeDataString(area.Id.Value)}/";

    /// <summary>The discrepancy ledger: two counts compared at every station.</summary>
    public static string Discrepancies(string language) => $"/{language}/discrepancies/";

    /// <summary>Every single-member contest on one page.</summary>
    public static string SingleMember(string language) => $"/{language}/single-member/";

    /// <summary>An area's page with its results in ballot order (the page itself sorts them by votes).</summary>
    public const string BallotOrder = "ballot.html";

    /// <summary>A protocol image by the hex SHA-256 of its bytes (the same address on the server and in a published folder).</summary>
    public static string Image(string sha256) => $"/api/v1/images/{sha256}";

    /// <summary>The small JPEG of a protocol image.</summary>
    public static string Thumbnail(string sha256) => $"/api/v1/thumbnails/{sha256}";

    /// <summary>The page of a polling station.</summary>
    public static string Station(string language, AreaId station) => $"/{language}/station/{Uri.EscapeDataString(station.Value)}/";
}
