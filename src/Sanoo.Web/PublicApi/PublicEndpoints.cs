using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sanoo.Core.Definitions;
using Sanoo.Log;
using Sanoo.Storage.Log;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.PublicApi;

/// <summary>
/// The anonymous, read-only API: status, results, one station's protocols and their history,
/// and what was not counted. Every response comes from the one published snapshot and names its
/// log position.
/// </summary>
public static class PublicEndpoints
{
    /// <summary>Maps the read API.</summary>
    public static RouteGroupBuilder MapPublicApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1");
        group.MapGet("/status", Status);
        group.MapGet("/results", Results_);
        group.MapGet("/stations/{id}", StationAsync);
        group.MapGet("/rejected", Rejected);
        return group;
    }

    private static IResult Status(HttpContext context, SnapshotPublisher publisher, ElectionLog log, CommissionKey commission)
    {
        var published = publisher.Current;
        return SnapshotResponse.Of(context, published, () => new
        {
            election = log.Election.Id.Value,
            name = log.Election.Definition.Name.Texts,
            snapshot = published.Snapshot?.Position,
            publishedAt = published.PublishedAt,
            logPosition = log.Position,
            publication = published.Halted is null ? "live" : "halted",
            halted = published.Halted,
            treeHead = published.TreeHead is { } head ? TransparencyEndpoints.Json(head, commission.PublicKey) : null,
        });
    }

    private static IResult Results_(HttpContext context, SnapshotPublisher publisher, string? contest, string? source, string? area, string? lang)
    {
        var published = publisher.Current;
        if (published.Snapshot is not { } snapshot)
        {
            return Problems.Unavailable("No snapshot has been published yet.");
        }
        var election = snapshot.Election;
        var plan = contest is null ? election.DefaultContest : ContestId.TryParse(contest, out var asked) ? election.Contest(asked) : null;
        if (plan is null)
        {
            return Problems.Status(404, "Unknown contest", $"'{contest}' is not a contest of this election.");
        }
        var countSource = source is null ? election.DefaultSource : election.Sources.FirstOrDefault(s => s.Id.Value == source);
        if (countSource is null)
        {
            return Problems.Status(404, "Unknown source", $"'{source}' is not a count source of this election (known: {string.Join(", ", election.Sources.Select(s => s.Id))}).");
        }
        var areaId = area is null ? plan.Contest.Area : AreaId.TryParse(area, out var at) ? at : default;
        if (areaId == default || snapshot.Tally(plan.Contest.Id, countSource.Id, areaId) is null)
        {
            return Problems.Status(
                404, "Unknown area", $"contest '{plan.Contest.Id}' is not tallied at '{area ?? areaId.Value}' (stations: see /api/v1/stations/ID).");
        }
        var language = lang ?? election.Definition.Languages[0];
        return SnapshotResponse.Cached(context, published, $"results/{plan.Contest.Id}/{countSource.Id}/{areaId}/{language}", () => ResultsJson.Of(snapshot, plan, countSource, areaId, language));
    }

    private static async Task<IResult> StationAsync(HttpContext context, SnapshotPublisher publisher, ElectionLog log, string id, CancellationToken cancellationToken)
    {
        var published = publisher.Current;
        var station = AreaId.TryParse(id, out var stationId) ? log.Election.Area(stationId) : null;
        if (station is null || station.Kind != AreaKind.Station || published.Snapshot is not { } snapshot)
        {
            return Problems.Status(404, "Unknown station", $"'{id}' is not a polling station of this election.");
        }
        var entries = (await log.StationEntriesAsync(station.Id, cancellationToken)).Where(e => e.Sequence <= snapshot.Position).ToList();
        return SnapshotResponse.Of(context, published, () => StationJson.Of(log.Election, station, entries, snapshot.Position));
    }

    private static IResult Rejected(HttpContext context, SnapshotPublisher publisher, ElectionLog log)
    {
        var published = publisher.Current;
        var position = published.Snapshot?.Position ?? 0;
        return SnapshotResponse.Of(context, published, () => new
        {
            snapshot = position,
            notCounted = log.Uncounted.Where(e => e.Sequence <= position).Select(e => new
            {
                sequence = e.Sequence,
                station = e.Station.Value,
                contest = e.Contest.Value,
                source = e.Source.Value,
                version = e.Version,
                outcome = OutcomeText.Of(e.Outcome),
                violations = ViolationsJson.Read(e.Violations).Select(v => new { relation = v.Relation.Value, rule = v.Rule, severity = v.Severity.ToString().ToLowerInvariant(), left = v.Left, right = v.Right }),
                receivedAt = e.ReceivedAt,
            }),
        });
    }
}
