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
    /// <summary>The salt of entries recorded before the register (schema 6): sixteen zero bytes.</summary>
    public static readonly ImmutableArray<byte> NoSalt = [.. new byte[Core.Register.Opening.SaltLength]];

    /// <summary>
    /// The secret salt of the entry's public commitment (<see cref="Core.Register.Opening.Commit"/>), drawn by the store when it
    /// records the entry; opened in the register only once the figures are public (the pair matched).
    /// </summary>
    public ImmutableArray<byte> Salt { get; init; } = NoSalt;

    /// <summary>The entry's commitment: SHA-256 of its salt then its canonical bytes.</summary>
    public byte[] Commitment() => Core.Register.Opening.Commit(Salt.AsSpan(), Canonical.AsSpan());

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
