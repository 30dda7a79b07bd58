using System.Text.Json.Serialization;

namespace Sanoo.Contracts;

/// <summary>What became of one operator's entry of a double-entry hand count.</summary>
[JsonConverter(typeof(WireEnumConverter<EntryStatus>))]
public enum EntryStatus
{
    /// <summary><c>awaiting-second</c> (HTTP 202): kept; counted once a second operator types the same figures.</summary>
    AwaitingSecond,

    /// <summary><c>matched</c> (HTTP 200): a second operator's figures agree; the answer holds the log's receipt.</summary>
    Matched,

    /// <summary>
    /// <c>mismatch</c> (HTTP 409): the other operator typed other figures, or this operator's earlier entry was already part of a
    /// mismatch; a third operator or a supervisor settles it from the paper.
    /// </summary>
    Mismatch,

    /// <summary><c>repeat</c> (HTTP 200): this operator's own figures again; nothing new kept.</summary>
    Repeat,

    /// <summary><c>already-matched</c> (HTTP 200): this version counts already; the differences say how this entry departs from it.</summary>
    AlreadyMatched,
}

/// <summary>The answer to <c>POST /api/v1/hand-entries</c>.</summary>
/// <param name="Status">What became of the entry.</param>
/// <param name="Message">The same in a sentence for the operator.</param>
/// <param name="Sequence">The entry's number among hand entries; null when it was not recorded (a repeat, or after the pair).</param>
/// <param name="ContentHash">SHA-256 of the entered protocol's canonical bytes, lower-case hex.</param>
/// <param name="Differences">
/// The lines and choices on which this entry differs from another operator's, or from the version counted, with this entry's values
/// only: double entry is blind, so the answer never carries another entry's figures.
/// </param>
/// <param name="Receipt">The log's receipt once the pair is complete; else null.</param>
public sealed record EntryAnswer(
    EntryStatus Status,
    string Message,
    long? Sequence,
    string ContentHash,
    IReadOnlyList<EntryDifference> Differences,
    Receipt? Receipt);

/// <summary>A line or choice on which this entry differs from another: to check on the paper, without the other value.</summary>
/// <param name="Item">The line or choice id.</param>
/// <param name="Yours">The value in this entry.</param>
public sealed record EntryDifference(string Item, int Yours);

/// <summary>
/// <c>GET /api/v1/hand-entries/queue</c>: the versions whose entries disagree. An admin (the supervisor) sees every entry's content
/// hash and every differing value; anyone else sees which lines differ, no values, and content hashes of their own entries only.
/// </summary>
/// <param name="Operator">The operator asking (a district operator sees their district).</param>
/// <param name="Waiting">The versions waiting.</param>
public sealed record WaitingForSupervisor(string Operator, IReadOnlyList<QueuedVersion> Waiting);

/// <summary>One protocol version whose entries disagree.</summary>
/// <param name="Station">The station's id.</param>
/// <param name="Contest">The contest's id.</param>
/// <param name="Source">The count source's id.</param>
/// <param name="Version">The version number.</param>
/// <param name="Entries">Each operator's latest entry, oldest first.</param>
/// <param name="Differences">The lines and choices that differ, with (for an admin) each entry's value in the order of the entries.</param>
public sealed record QueuedVersion(
    string Station,
    string Contest,
    string Source,
    int Version,
    IReadOnlyList<QueuedEntry> Entries,
    IReadOnlyList<QueuedDifference> Differences);

/// <summary>One operator's entry in the queue.</summary>
/// <param name="Sequence">The entry's number among hand entries.</param>
/// <param name="Operator">Who typed it.</param>
/// <param name="EnteredAt">When (ISO 8601 with offset).</param>
/// <param name="ContentHash">
/// SHA-256 of its canonical bytes, lower-case hex; null unless the reader is an admin or typed it (a hash would let a typist
/// confirm a guess of the figures).
/// </param>
public sealed record QueuedEntry(long Sequence, string Operator, DateTimeOffset EnteredAt, string? ContentHash);

/// <summary>A line or choice on which the queued entries differ.</summary>
/// <param name="Item">The line or choice id.</param>
/// <param name="Values">Each entry's value, in the order of the entries; null unless the reader is an admin.</param>
public sealed record QueuedDifference(string Item, IReadOnlyList<int>? Values);

/// <summary><c>GET /api/v1/hand-entries?station=ID</c>: every entry of a station, oldest first.</summary>
/// <param name="Station">The station's id.</param>
/// <param name="Entries">The entries.</param>
public sealed record StationEntries(string Station, IReadOnlyList<HandEntry> Entries);

/// <summary>One recorded entry of a hand count.</summary>
/// <param name="Sequence">Its number among hand entries.</param>
/// <param name="Contest">The contest's id.</param>
/// <param name="Source">The count source's id.</param>
/// <param name="Version">The protocol version entered.</param>
/// <param name="Operator">Who typed it.</param>
/// <param name="EnteredAt">When (ISO 8601 with offset).</param>
/// <param name="Status">What became of it.</param>
/// <param name="ContentHash">
/// SHA-256 of its canonical bytes, lower-case hex; null unless the reader is an admin or typed it (a hash would let a typist
/// confirm a guess of the figures).
/// </param>
public sealed record HandEntry(
    long Sequence,
    string Contest,
    string Source,
    int Version,
    string Operator,
    DateTimeOffset EnteredAt,
    EntryStatus Status,
    string? ContentHash);
