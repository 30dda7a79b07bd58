using System.Collections.Immutable;
using Sanoo.Core.Definitions;
using Sanoo.Core.Entries;

namespace Sanoo.Storage.Entries;

/// <summary>
/// One operator's entry of a hand-count protocol, as typed, with what it became under double
/// entry. Invariant: <see cref="ContentHash"/> is the SHA-256 of <see cref="Canonical"/> in
/// lower-case hex; <see cref="Sequence"/> is 0 for an entry that was not recorded (a repeat, or
/// one after the pair was complete).
/// </summary>
public sealed record HandEntry(
    long Sequence,
    AreaId Station,
    ContestId Contest,
    SourceId Source,
    int Version,
    string Operator,
    ImmutableArray<byte> Canonical,
    string ContentHash,
    DateTimeOffset EnteredAt,
    EntryStatus Status)
{
    /// <summary>How a status is stored.</summary>
    public static string StatusText(EntryStatus status) => status switch
    {
        EntryStatus.AwaitingSecond => "awaiting-second",
        EntryStatus.Matched => "matched",
        EntryStatus.Mismatch => "mismatch",
        EntryStatus.Repeat => "repeat",
        EntryStatus.AlreadyMatched => "already-matched",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>A stored status read back.</summary>
    public static EntryStatus ParseStatus(string text) => text switch
    {
        "awaiting-second" => EntryStatus.AwaitingSecond,
        "matched" => EntryStatus.Matched,
        "mismatch" => EntryStatus.Mismatch,
        _ => throw new StoreException($"unknown hand entry status '{text}'"),
    };

    /// <summary>Whether an entry of this status is recorded (repeats and late entries are answered, not stored).</summary>
    public static bool IsRecorded(EntryStatus status) => status is EntryStatus.AwaitingSecond or EntryStatus.Matched or EntryStatus.Mismatch;
}
