using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sanoo.Core.Definitions;
using Sanoo.Log;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.PublicApi;

/// <summary>
/// The transparency log for observers: the signed tree head of the published snapshot, the
/// commission's public key, inclusion and consistency proofs, and the log's entries, paged.
/// </summary>
public static class TransparencyEndpoints
{
    /// <summary>The most entries one page returns.</summary>
    public const int MaxPage = 1000;

    private const string Json = "application/json; charset=utf-8";

    /// <summary>Maps the transparency API.</summary>
    public static RouteGroupBuilder MapTransparency(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1");
        group.MapRead("/tree-head", TreeHead)
            .WithSummary("The transparency log's tree head at the published snapshot, signed by the commission")
            .Produces<Contracts.TreeHead>().ProducesProblem(503);
        group.MapRead("/proofs/inclusion", InclusionAsync)
            .WithSummary("The RFC 9162 audit path of entry `sequence` in the tree of `size` entries (default: the published tree)")
            .Produces<Contracts.InclusionProof>().ProducesProblem(404);
        group.MapRead("/proofs/consistency", ConsistencyAsync)
            .WithSummary("The RFC 9162 proof that the tree of `second` entries extends the tree of `first`")
            .Produces<Contracts.ConsistencyProof>().ProducesProblem(404);
        group.MapRead("/entries", EntriesAsync)
            .WithSummary("Up to 1,000 log entries after position `after`, each with its canonical protocol, signature and leaf hash")
            .Produces<Contracts.EntriesPage>();
        group.MapRead("/area-entries", AreaEntriesAsync)
            .WithSummary("Every log entry behind the figures of the station `area`, each with its inclusion proof in the tree of `size` "
                + "entries (default: the published tree); for an area above the stations, the areas just below it, whose answers hold the rest")
            .Produces<Contracts.AreaEntries>().ProducesProblem(404).ProducesProblem(503);
        group.MapRead("/definition", async (ElectionLog log, CancellationToken ct) =>
            Results.Bytes(log.Definition, "application/json; charset=utf-8"))
            .WithSummary("The election definition, the log's first entry, exactly as stored (docs/definition-format.md)");
        group.MapRead("/keys", async (HttpContext context, ElectionLog log, DeviceKeysAnswer keys, CancellationToken ct) =>
            Results.Bytes(await keys.BytesAsync(log, SnapshotResponse.AsAnswered<Contracts.DeviceKeys>(context), ct), Json))
            .WithSummary("The stations' device keys: each station's current key, every enrolment and every revocation")
            .Produces<Contracts.DeviceKeys>();
        group.MapRead("/register", RegisterAsync)
            .WithSummary("Up to 1,000 register records after place `after`: definition, device keys, operators, hand entries, acts, witnesses")
            .Produces<Contracts.RegisterPage>();
        return group;
    }

    private static IResult TreeHead(HttpContext context, SnapshotPublisher publisher, CommissionKey commission)
    {
        var published = publisher.Current;
        return published.TreeHead is { } head
            ? SnapshotResponse.WithHead(context, published, () => TransparencyJson.Of(head, commission.PublicKey))
            : Problems.Unavailable("No tree head has been published yet.");
    }

    private static async Task<IResult> InclusionAsync(
        ElectionLog log, SnapshotPublisher publisher, long sequence, long? size, CancellationToken cancellationToken)
    {
        var treeSize = size ?? publisher.Current.TreeHead?.Head.Size ?? 0;
        if (sequence < 1 || sequence > treeSize || treeSize > log.Position)
        {
            return Problems.Status(404, "No such entry", $"entry {sequence} is not in a published tree of {treeSize} entries");
        }
        var proof = await log.InclusionProofAsync(sequence, treeSize, cancellationToken);
        return TypedResults.Ok(TransparencyJson.Inclusion(sequence, treeSize, proof));
    }

    private static async Task<IResult> AreaEntriesAsync(
        HttpContext context, ElectionLog log, SnapshotPublisher publisher, string? area, long? size, CancellationToken cancellationToken)
    {
        var published = publisher.Current;
        if (published.TreeHead is not { } head)
        {
            return Problems.Unavailable("No tree head has been published yet.");
        }
        var at = AreaId.TryParse(area, out var id) ? log.Election.Area(id) : null;
        if (at is null)
        {
            return Problems.Status(404, "Unknown area", $"'{area}' is not an area or a polling station of this election.");
        }
        var treeSize = size ?? head.Head.Size;
        if (treeSize < 1 || treeSize > head.Head.Size)
        {
            return Problems.Status(404, "No such tree", $"the published tree holds {head.Head.Size} entries; ask for a size from 1 to it");
        }
        return await SnapshotResponse.CachedAsync(
            context, published, $"area-entries/{at.Id}/{treeSize}", () => AreaEntriesJson.OfAsync(log, at, treeSize, cancellationToken));
    }

    private static async Task<IResult> ConsistencyAsync(ElectionLog log, long first, long second, CancellationToken cancellationToken)
    {
        if (first < 0 || first > second || second > log.Position)
        {
            return Problems.Status(404, "No such trees", $"no consistency proof from {first} to {second} entries; the log holds {log.Position}");
        }
        var proof = await log.ConsistencyProofAsync(first, second, cancellationToken);
        return TypedResults.Ok(TransparencyJson.Consistency(first, second, proof));
    }

    private static async Task<IResult> RegisterAsync(
        ElectionLog log, LogPageWriter pages, long? after, int? limit, CancellationToken cancellationToken)
    {
        var take = Math.Clamp(limit ?? MaxPage, 1, MaxPage);
        var rows = await log.RegisterAsync(Math.Max(0, after ?? 0), take, cancellationToken);
        return LogPageResult.Register(pages, after ?? 0, rows);
    }

    private static async Task<IResult> EntriesAsync(
        ElectionLog log, LogPageWriter pages, long? after, int? limit, CancellationToken cancellationToken)
    {
        var entries = await log.EntriesPageAsync(after ?? 0, Math.Clamp(limit ?? MaxPage, 1, MaxPage), cancellationToken);
        return LogPageResult.Entries(pages, after ?? 0, entries);
    }
}
