using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sanoo.Log;
using Sanoo.Storage.Log;
using Sanoo.Web.Ingest;
using Sanoo.Web.Publishing;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.PublicApi;

/// <summary>
/// <c>GET /api/v1/flagged</c>: the protocols counted with warnings, each with the warning-level relations it breaks, so that
/// anyone can review what the tally only counts. Like <c>/api/v1/rejected</c>, the answer is made once per snapshot from what
/// the log keeps in memory (no store read) and cached with the snapshot's ETag; <c>HEAD</c> answers as <c>GET</c> does.
/// </summary>
public static class FlaggedEndpoints
{
    /// <summary>Maps the flagged list into the read API.</summary>
    public static RouteGroupBuilder MapFlagged(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1");
        group.MapRead("/flagged", Flagged)
            .WithSummary("Every stored protocol version counted although it breaks a warning-level relation, with those relations")
            .Produces<Wire.FlaggedList>();
        return group;
    }

    /// <summary>The wire form of the versions counted with warnings up to <paramref name="position"/>.</summary>
    public static Wire.FlaggedList Of(IEnumerable<LogEntry> flagged, long position) => new(
        position,
        [.. flagged.Where(e => e.Sequence <= position).Select(e => new Wire.FlaggedVersion(
            e.Sequence,
            e.Station.Value,
            e.Contest.Value,
            e.Source.Value,
            e.Version,
            [.. ViolationsJson.Read(e.Violations).Select(ReceiptJson.Of)],
            e.ReceivedAt))]);

    private static IResult Flagged(HttpContext context, SnapshotPublisher publisher, ElectionLog log)
    {
        var published = publisher.Current;
        var position = published.Snapshot?.Position ?? 0;
        return SnapshotResponse.Cached(context, published, "flagged", () => Of(log.FlaggedEntries, position));
    }
}
