using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sanoo.Core.Definitions;
using Sanoo.Core.Progress;
using Sanoo.Core.Tally;
using Sanoo.Log;
using Sanoo.Web.PublicApi;
using Sanoo.Web.Publishing;
using Sanoo.Web.Site;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.Progress;

/// <summary>
/// <c>GET /api/v1/progress</c> and the site's pages of the count through the night, <c>/{lang}/progress/</c> for the main contest's
/// area and <c>/{lang}/area/{id}/progress/</c> for any other area above the stations (each with its <c>data.json</c> and
/// <c>data.csv</c>): answered from the published snapshot and the log's counted versions, each series computed once per snapshot
/// (<see cref="Published.Progress"/>) and served with the snapshot's ETag.
/// </summary>
public static class ProgressEndpoints
{
    /// <summary>The files of a progress page.</summary>
    public static readonly IReadOnlyList<string> Files = ["index.html", "data.json", "data.csv"];

    /// <summary>Maps the API and the pages.</summary>
    public static void MapProgress(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1").MapRead("/progress", Api)
            .WithSummary("How a contest's count progressed through the night in an area: per count source, stations counted and votes per "
                + "choice as known at each time (at most 96 points)")
            .Produces<Wire.ProgressReport>().ProducesProblem(404).ProducesProblem(503);
        app.MapRead("/{lang}/progress/{file?}", (HttpContext c, SnapshotPublisher p, SiteContent s, string lang, string? file) =>
            PageAsync(c, p, s, lang, null, file)).ExcludeFromDescription();
        app.MapRead(
            "/{lang}/area/{id}/progress/{file?}",
            (HttpContext c, SnapshotPublisher p, SiteContent s, string lang, string id, string? file) => PageAsync(c, p, s, lang, id, file))
            .ExcludeFromDescription();
    }

    /// <summary>
    /// The bytes of one file of the progress page of <paramref name="area"/> in <paramref name="language"/>; null when the area has no
    /// such page.
    /// </summary>
    public static async Task<byte[]?> FileAsync(
        SiteRenderer renderer, Published published, Snapshot snapshot, Area area, string language, string file, IReadOnlyList<CountedVersion> counted)
    {
        if (ProgressPages.Data(published, snapshot, area, counted) is not { } data)
        {
            return null;
        }
        return file switch
        {
            "data.json" => JsonSerializer.SerializeToUtf8Bytes(data, Wire.WireJson.Default.ProgressReport),
            "data.csv" => ProgressJson.Csv(data),
            _ => Encoding.UTF8.GetBytes(
                await renderer.ProgressAsync(ProgressPages.Of(published, snapshot, area, SiteLanguage.Of(language), counted))),
        };
    }

    private static IResult Api(HttpContext context, SnapshotPublisher publisher, ElectionLog log, string? contest, string? source, string? area)
    {
        if (CountQuery.Read(publisher.Current, contest, source, area, out var problem) is not { } read)
        {
            return problem!;
        }
        var (published, snapshot, plan, countSource, at) = read;
        IReadOnlyList<CountSource> sources = source is null ? snapshot.Election.ResultSources : [countSource];
        var counted = log.Counted;
        return SnapshotResponse.Cached(
            context,
            published,
            $"progress/{plan.Contest.Id}/{source ?? "*"}/{at.Id}",
            () => ProgressJson.Of(published, plan, at, sources, counted)!,
            Wire.WireJson.Default.ProgressReport);
    }

    private static Task<IResult> PageAsync(
        HttpContext context, SnapshotPublisher publisher, SiteContent site, string lang, string? id, string? file) =>
        AreaPageRoute.ServeAsync(context, publisher, site, lang, id, site.Election.Area(site.Election.DefaultContest.Contest.Area)!, file,
            Files, "progress", (published, snapshot, area, name) => site.ProgressFileAsync(published, snapshot, area, lang, name));
}
