using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;
using Sanoo.Web.PublicApi;
using Sanoo.Web.Publishing;
using Sanoo.Web.Site;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.Forensics;

/// <summary>
/// <c>GET /api/v1/forensics</c> and the site's forensics pages, <c>/{lang}/forensics/</c> for the contest's area and
/// <c>/{lang}/area/{id}/forensics/</c> for any other area above the stations (each with its <c>data.json</c>): answered from the
/// published snapshot, the report computed once per snapshot and area (<see cref="Published.Forensics"/>) and served with the
/// snapshot's ETag.
/// </summary>
public static class ForensicsEndpoints
{
    /// <summary>The files of a forensics page.</summary>
    public static readonly IReadOnlyList<string> Files = ["index.html", "data.json"];

    /// <summary>Maps the API and the pages.</summary>
    public static void MapForensics(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1").MapRead("/forensics", Api)
            .WithSummary("Statistical anomalies of one contest's count under an area: integer-percentage tests, turnout and leader's share "
                + "distributions, stations flagged with the reasons")
            .Produces<Wire.ForensicsReport>().ProducesProblem(404).ProducesProblem(503);
        app.MapRead("/{lang}/forensics/{file?}", (HttpContext c, SnapshotPublisher p, SiteContent s, string lang, string? file) =>
            PageAsync(c, p, s, lang, null, file)).ExcludeFromDescription();
        app.MapRead(
            "/{lang}/area/{id}/forensics/{file?}",
            (HttpContext c, SnapshotPublisher p, SiteContent s, string lang, string id, string? file) => PageAsync(c, p, s, lang, id, file))
            .ExcludeFromDescription();
    }

    /// <summary>The bytes of one file of the forensics page of <paramref name="area"/> in <paramref name="language"/>.</summary>
    public static async Task<byte[]> FileAsync(SiteRenderer renderer, Published published, Snapshot snapshot, Area area, string language, string file)
    {
        var election = snapshot.Election;
        if (file == "data.json")
        {
            var report = published.Forensics(election.DefaultContest, election.DefaultSource.Id, area.Id)!;
            return JsonSerializer.SerializeToUtf8Bytes(ForensicsJson.Of(election, report), Wire.WireJson.Default.ForensicsReport);
        }
        return Encoding.UTF8.GetBytes(await renderer.ForensicsAsync(ForensicsPages.Of(published, snapshot, area, SiteLanguage.Of(language))));
    }

    private static IResult Api(HttpContext context, SnapshotPublisher publisher, string? contest, string? source, string? area)
    {
        if (CountQuery.Read(publisher.Current, contest, source, area, out var problem) is not { } read)
        {
            return problem!;
        }
        var (published, snapshot, plan, countSource, at) = read;
        return SnapshotResponse.Cached(
            context,
            published,
            $"forensics/{plan.Contest.Id}/{countSource.Id}/{at.Id}",
            () => ForensicsJson.Of(snapshot.Election, published.Forensics(plan, countSource.Id, at.Id)!));
    }

    private static Task<IResult> PageAsync(
        HttpContext context, SnapshotPublisher publisher, SiteContent site, string lang, string? id, string? file) =>
        AreaPageRoute.ServeAsync(context, publisher, site, lang, id, site.Election.Area(site.Election.DefaultContest.Contest.Area)!, file,
            Files, "forensics", async (published, snapshot, area, name) => await site.ForensicsFileAsync(published, snapshot, area, lang, name));
}
