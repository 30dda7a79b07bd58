using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sanoo.Log;
using Sanoo.Storage.Log;
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

    /// <summary>Maps the transparency API.</summary>
    public static RouteGroupBuilder MapTransparency(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1");
        group.MapGet("/tree-head", TreeHead);
        group.MapGet("/proofs/inclusion", InclusionAsync);
        group.MapGet("/proofs/consistency", ConsistencyAsync);
        group.MapGet("/entries", EntriesAsync);
        group.MapGet("/definition", async (ElectionLog log, CancellationToken ct) =>
            Results.Bytes(log.Definition, "application/json; charset=utf-8"));
        group.MapGet("/keys", async (ElectionLog log, CancellationToken ct) => Results.Ok(KeysJson(await log.DeviceKeysAsync(0, ct))));
        return group;
    }

    /// <summary>
    /// The JSON of the stations' device keys: each station's current key, and every enrolment with
    /// its time, so that a protocol signed with a key later replaced still verifies.
    /// </summary>
    public static object KeysJson(IReadOnlyList<Storage.Access.DeviceKey> enrolments) => new
    {
        devices = enrolments.GroupBy(k => k.Station).Select(g => g.Last()).OrderBy(k => k.Station.Value, StringComparer.Ordinal)
            .Select(k => new { station = k.Station.Value, publicKey = Convert.ToBase64String(k.PublicKey) }),
        enrolments = enrolments.Select(k => new { station = k.Station.Value, publicKey = Convert.ToBase64String(k.PublicKey),
            enrolledAt = k.EnrolledAt.ToUnixTimeMilliseconds() }),
    };

    /// <summary>The JSON of one log entry: what the leaf commits to, the signature, and the protocol itself.</summary>
    public static object EntryJson(LogEntry e) => new
    {
        sequence = e.Sequence,
        station = e.Station.Value,
        contest = e.Contest.Value,
        source = e.Source.Value,
        version = e.Version,
        outcome = OutcomeText.Of(e.Outcome),
        contentHash = Convert.ToHexStringLower(e.ContentHash.AsSpan()),
        signature = e.Signature.IsDefaultOrEmpty ? "" : Convert.ToBase64String(e.Signature.AsSpan()),
        receivedAt = e.ReceivedAt.ToUnixTimeMilliseconds(),
        leafHash = Convert.ToHexStringLower(e.LeafHash()),
        canonical = Convert.ToBase64String(e.Canonical.AsSpan()),
        protocol = System.Text.Json.JsonDocument.Parse(e.Canonical.AsMemory()).RootElement,
    };

    /// <summary>The JSON of a signed tree head.</summary>
    public static object Json(SignedTreeHead signed, byte[] publicKey) => new
    {
        election = signed.Head.Election,
        treeSize = signed.Head.Size,
        rootHash = Convert.ToHexStringLower(signed.Head.Root),
        timestamp = signed.Head.Timestamp.ToUnixTimeMilliseconds(),
        signature = Convert.ToBase64String(signed.Signature),
        publicKey = Convert.ToBase64String(publicKey),
    };

    private static IResult TreeHead(HttpContext context, SnapshotPublisher publisher, CommissionKey commission)
    {
        var published = publisher.Current;
        return published.TreeHead is { } head
            ? SnapshotResponse.Of(context, published, () => Json(head, commission.PublicKey))
            : Problems.Unavailable("No tree head has been published yet.");
    }

    private static async Task<IResult> InclusionAsync(ElectionLog log, SnapshotPublisher publisher, long sequence, long? size, CancellationToken cancellationToken)
    {
        var treeSize = size ?? publisher.Current.TreeHead?.Head.Size ?? 0;
        if (sequence < 1 || sequence > treeSize || treeSize > log.Position)
        {
            return Problems.Status(404, "No such entry", $"entry {sequence} is not in a published tree of {treeSize} entries");
        }
        var proof = await log.InclusionProofAsync(sequence, treeSize, cancellationToken);
        return Results.Ok(new { sequence, leafIndex = sequence - 1, treeSize, proof = proof.Select(Convert.ToHexStringLower) });
    }

    private static async Task<IResult> ConsistencyAsync(ElectionLog log, long first, long second, CancellationToken cancellationToken)
    {
        if (first < 0 || first > second || second > log.Position)
        {
            return Problems.Status(404, "No such trees", $"no consistency proof from {first} to {second} entries; the log holds {log.Position}");
        }
        var proof = await log.ConsistencyProofAsync(first, second, cancellationToken);
        return Results.Ok(new { first, second, proof = proof.Select(Convert.ToHexStringLower) });
    }

    private static async Task<IResult> EntriesAsync(ElectionLog log, long? after, int? limit, CancellationToken cancellationToken)
    {
        var take = Math.Clamp(limit ?? MaxPage, 1, MaxPage);
        var entries = new List<object>(take);
        await foreach (var e in log.EntriesAsync(after ?? 0, withCanonical: true, cancellationToken))
        {
            entries.Add(EntryJson(e));
            if (entries.Count == take)
            {
                break;
            }
        }
        return Results.Ok(new { after = after ?? 0, entries });
    }
}
