using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sanoo.Core.Definitions;
using Sanoo.Log;
using Sanoo.Web.Acts;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.PublicApi;

/// <summary>
/// The anonymous, read-only API: status, results, one station's protocols and their history,
/// what was not counted, and the commission's acts (recounts, certifications). Every response
/// comes from the one published snapshot and names its log position.
/// </summary>
public static class PublicEndpoints
{
    /// <summary>Maps the read API.</summary>
    public static RouteGroupBuilder MapPublicApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1");
        group.MapRead("/status", Status)
            .WithSummary("The published snapshot, the log's position, whether publication is live, and the signed tree head")
            .Produces<Contracts.ServerStatus>();
        group.MapRead("/results", Results_)
            .WithSummary("One contest's results by one count source in one area, with the areas below and the seats or winner")
            .Produces<Contracts.AreaResults>().ProducesProblem(404).ProducesProblem(503);
        group.MapRead("/stations/{id}", StationAsync)
            .WithSummary("A polling station: for each contest and count source the version counted and every version received")
            .Produces<Contracts.StationRecord>().ProducesProblem(404);
        group.MapRead("/rejected", Rejected)
            .WithSummary("Every stored protocol version that is not counted, with the relations it breaks")
            .Produces<Contracts.NotCountedList>();
        group.MapRead("/recounts", (HttpContext context, SnapshotPublisher publisher) =>
                ActsRead(context, publisher.Current, "recounts", ActJson.Recounts))
            .WithSummary("Every recount order with its findings, oldest first")
            .Produces<Contracts.RecountList>();
        group.MapRead("/certifications", (HttpContext context, SnapshotPublisher publisher) =>
                ActsRead(context, publisher.Current, "certifications", ActJson.Certifications))
            .WithSummary("Every certification of the official result, oldest first")
            .Produces<Contracts.CertificationList>();
        return group;
    }

    private static IResult Status(HttpContext context, SnapshotPublisher publisher, ElectionLog log, CommissionKey commission)
    {
        var published = publisher.Current;
        return SnapshotResponse.WithHead(context, published, () => StatusJson.Of(log, published, commission.PublicKey));
    }

    private static IResult Results_(HttpContext context, SnapshotPublisher publisher, string? contest, string? source, string? area, string? lang)
    {
        if (CountQuery.Read(publisher.Current, contest, source, area, out var problem) is not { } read)
        {
            return problem!;
        }
        var (published, snapshot, plan, countSource, at) = read;
        var (election, areaId) = (snapshot.Election, at.Id);
        var languages = election.Definition.Languages;
        var language = lang is null ? languages[0] : languages.FirstOrDefault(l => string.Equals(l, lang, StringComparison.OrdinalIgnoreCase));
        if (language is null)
        {
            return Problems.Status(404, "Unknown language", $"'{lang}' is not a language of this election (known: {string.Join(", ", languages)}).");
        }
        var key = $"results/{plan.Contest.Id}/{countSource.Id}/{areaId}/{language}";
        return SnapshotResponse.Cached(
            context, published, key, () => ResultsJson.Of(snapshot, plan, countSource, areaId, language), Contracts.WireJson.Default.AreaResults);
    }

    private static async Task<IResult> StationAsync(
        HttpContext context, SnapshotPublisher publisher, ElectionLog log, string id, CancellationToken cancellationToken)
    {
        var published = publisher.Current;
        var station = AreaId.TryParse(id, out var stationId) ? log.Election.Area(stationId) : null;
        if (station is null || !station.IsStation || published.Snapshot is not { } snapshot)
        {
            return Problems.Status(404, "Unknown station", $"'{id}' is not a polling station of this election.");
        }
        // The station's versions are read from the store once per snapshot, and not at all for a client that holds them.
        return await SnapshotResponse.CachedAsync(context, published, $"stations/{station.Id}", async () =>
        {
            var entries = (await log.StationEntriesAsync(station.Id, cancellationToken)).Where(e => e.Sequence <= snapshot.Position).ToList();
            return StationJson.Of(log.Election, station, entries, snapshot.Position, published);
        });
    }

    private static IResult Rejected(HttpContext context, SnapshotPublisher publisher, ElectionLog log)
    {
        var published = publisher.Current;
        var position = published.Snapshot?.Position ?? 0;
        return SnapshotResponse.Cached(context, published, "rejected", () => StatusJson.NotCounted(log.Uncounted, position));
    }

    /// <summary>
    /// The commission's acts as published with the snapshot, tagged with its ETag, which counts the acts: an act recorded is a
    /// new version (<see cref="Published.ETagOf"/>).
    /// </summary>
    private static IResult ActsRead<T>(HttpContext context, Published published, string key, Func<CommissionRecord, T> body) =>
        SnapshotResponse.Cached(context, published, key, () => body(published.Acts));
}
