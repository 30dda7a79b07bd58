using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sanoo.Core.Definitions;
using Sanoo.Web.PublicApi;
using Sanoo.Web.Publishing;
using Sanoo.Web.Site;

namespace Sanoo.Web.Reports;

/// <summary>
/// The site's observers' reports pages: <c>/{lang}/reports/</c> for the whole election and <c>/{lang}/area/{id}/reports/</c> for
/// an area above the stations, answered from the published snapshot (which carries the reports) with its ETag, cached per snapshot.
/// </summary>
public static class ReportPageEndpoints
{
    /// <summary>Maps the pages.</summary>
    public static void MapReportPages(this IEndpointRouteBuilder app)
    {
        app.MapRead("/{lang}/reports/{file?}", (HttpContext c, SnapshotPublisher p, SiteContent s, string lang, string? file) =>
            PageAsync(c, p, s, lang, null, file)).ExcludeFromDescription();
        app.MapRead("/{lang}/area/{id}/reports/{file?}", (HttpContext c, SnapshotPublisher p, SiteContent s, string lang, string id, string? file) =>
            PageAsync(c, p, s, lang, id, file)).ExcludeFromDescription();
    }

    private static async Task<IResult> PageAsync(
        HttpContext context, SnapshotPublisher publisher, SiteContent site, string lang, string? id, string? file)
    {
        var election = site.Election;
        var languages = election.Definition.Languages;
        var area = id is null ? election.Areas[0] : AreaId.TryParse(id, out var areaId) ? election.Area(areaId) : null;
        IResult NotFound() => NotFoundPages.Or(context, languages, () =>
            Problems.Status(404, "Not found", $"'{context.Request.Path}' is not a page of this site; start at /{languages[0]}/."));
        if (!languages.Contains(lang) || (file ?? "index.html") != "index.html" || area is null || area.IsStation)
        {
            return NotFound();
        }
        var published = publisher.Current;
        if (published.Snapshot is not { } snapshot)
        {
            return Problems.Unavailable(SiteLanguage.Of(lang).Words.NoSnapshot);
        }
        return await SnapshotResponse.CachedBytesAsync(context, published, $"site/{lang}/{area.Id}/reports", "text/html; charset=utf-8",
            async () => await site.ReportsFileAsync(published, snapshot, area, lang), NotFound);
    }
}
