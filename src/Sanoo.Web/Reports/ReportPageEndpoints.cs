using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
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

    private static Task<IResult> PageAsync(
        HttpContext context, SnapshotPublisher publisher, SiteContent site, string lang, string? id, string? file) =>
        AreaPageRoute.ServeAsync(context, publisher, site, lang, id, site.Election.Areas[0], file, PageFiles, "reports",
            async (published, snapshot, area, _) => await site.ReportsFileAsync(published, snapshot, area, lang));

    private static readonly string[] PageFiles = ["index.html"];
}
