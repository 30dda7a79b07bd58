using System.Text.Json.Serialization;

namespace Sanoo.Contracts;

/// <summary>Whether new snapshots are being published.</summary>
[JsonConverter(typeof(WireEnumConverter<Publication>))]
public enum Publication
{
    /// <summary><c>live</c>: every new snapshot that passes its invariant check is published.</summary>
    Live,

    /// <summary><c>halted</c>: a newer snapshot failed its check; the last good one stays, and the status says why.</summary>
    Halted,
}

/// <summary><c>GET /api/v1/status</c>: the published snapshot, the log's position and whether publication is live.</summary>
/// <param name="Election">The election's id.</param>
/// <param name="Name">The election's name, by language code.</param>
/// <param name="Snapshot">The published snapshot's log position; null before the first.</param>
/// <param name="PublishedAt">When it was published (ISO 8601 with offset).</param>
/// <param name="LogPosition">Entries in the log now (may be ahead of the snapshot).</param>
/// <param name="Publication">Live or halted.</param>
/// <param name="Halted">Why publication is halted; null while live.</param>
/// <param name="TreeHead">The signed tree head at the snapshot; null before the first.</param>
public sealed record ServerStatus(
    string Election,
    IReadOnlyDictionary<string, string> Name,
    long? Snapshot,
    DateTimeOffset PublishedAt,
    long LogPosition,
    Publication Publication,
    string? Halted,
    TreeHead? TreeHead);

/// <summary>
/// An RFC 9457 problem details answer (<c>application/problem+json</c>), as every refusal and
/// error is written. A member without a value is left out, as RFC 9457 has it.
/// </summary>
/// <param name="Type">A URI naming the kind of problem.</param>
/// <param name="Title">The problem in a few words.</param>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Detail">What is wrong, naming the first fields and reasons.</param>
/// <param name="Errors">Every reason, by JSON path (or by submission path for a refusal); null when there is no list.</param>
/// <param name="TraceId">The request's trace id, for the server's operators.</param>
public sealed record Problem(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, IReadOnlyList<string>>? Errors = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TraceId = null);
