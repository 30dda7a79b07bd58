using System.Text.Json;

namespace Sanoo.Contracts;

/// <summary>
/// <c>GET /api/v1/stations/{id}</c> (and a station page's <c>data.json</c>): the station's voter
/// lists, and for each contest and count source the version counted and every version received.
/// </summary>
/// <param name="Snapshot">The snapshot's log position; versions after it are not shown.</param>
/// <param name="Station">The station's id.</param>
/// <param name="Parent">The area it belongs to.</param>
/// <param name="Registered">Voters on its main list.</param>
/// <param name="Additional">Voters on its additional list.</param>
/// <param name="Counts">One per contest and source received, in log order of their first version.</param>
public sealed record StationRecord(long Snapshot, string Station, string? Parent, int Registered, int Additional, IReadOnlyList<StationCount> Counts)
{
    /// <summary>When the snapshot was published, which the page's footer states; null from a server before it said so.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>
    /// Whether publication is paused (a newer snapshot failed its check): the page then says so in its language, as an area's does.
    /// A flag, not words, since the station's data is the same in every language.
    /// </summary>
    public bool Halted { get; init; }

    /// <summary>The tree head at the snapshot, which the page's footer names; null before one is signed.</summary>
    public PageTreeHead? TreeHead { get; init; }
}

/// <summary>One contest and count source at a station.</summary>
/// <param name="Contest">The contest's id.</param>
/// <param name="Source">The count source's id.</param>
/// <param name="CountedVersion">The version counted; null when none is.</param>
/// <param name="Versions">Every version received, in log order.</param>
public sealed record StationCount(string Contest, string Source, int? CountedVersion, IReadOnlyList<ProtocolVersion> Versions);

/// <summary>One protocol version as stored, with its receipt's facts and the protocol itself.</summary>
/// <param name="Sequence">Its log position, from 1.</param>
/// <param name="Version">Its version number.</param>
/// <param name="Outcome">What became of it.</param>
/// <param name="ContentHash">SHA-256 of its canonical bytes, lower-case hex.</param>
/// <param name="ReceivedAt">When it was received (ISO 8601 with offset).</param>
/// <param name="Sender">Who sent it, e.g. <c>device:s0001</c>, <c>operator:cec-1</c>, <c>entries:a+b</c>.</param>
/// <param name="Correction">Why and by whom it corrects the previous version; null for a first version.</param>
/// <param name="Violations">Relations it breaks, one line each for people.</param>
/// <param name="Protocol">The protocol, as its canonical JSON.</param>
public sealed record ProtocolVersion(
    long Sequence,
    int Version,
    StoredOutcome Outcome,
    string ContentHash,
    DateTimeOffset ReceivedAt,
    string Sender,
    Correction? Correction,
    IReadOnlyList<string> Violations,
    JsonElement Protocol);

/// <summary>Why a version corrects the one before it.</summary>
/// <param name="Reason">The reason given.</param>
/// <param name="Author">Who stated it.</param>
public sealed record Correction(string Reason, string? Author);

/// <summary><c>GET /api/v1/rejected</c>: every stored version that is not counted, up to the snapshot.</summary>
/// <param name="Snapshot">The snapshot's log position (0 before the first).</param>
/// <param name="NotCounted">The versions, in log order.</param>
public sealed record NotCountedList(long Snapshot, IReadOnlyList<NotCounted> NotCounted);

/// <summary>A stored version that is not counted, and why.</summary>
/// <param name="Sequence">Its log position.</param>
/// <param name="Station">The station's id.</param>
/// <param name="Contest">The contest's id.</param>
/// <param name="Source">The count source's id.</param>
/// <param name="Version">Its version number.</param>
/// <param name="Outcome">Why it is not counted.</param>
/// <param name="Violations">Relations it breaks.</param>
/// <param name="ReceivedAt">When it was received (ISO 8601 with offset).</param>
public sealed record NotCounted(
    long Sequence,
    string Station,
    string Contest,
    string Source,
    int Version,
    StoredOutcome Outcome,
    IReadOnlyList<Violation> Violations,
    DateTimeOffset ReceivedAt);
