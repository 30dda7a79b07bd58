using System.Collections.Immutable;
using Sanoo.Core.Rules;
using Sanoo.Storage.Log;

namespace Sanoo.Log;

/// <summary>
/// The answer to one submission, given only after the entry is durably committed: one of five
/// closed cases, each naming a stored entry (the original, for a duplicate). A protocol that does
/// not fit the election never gets this far: only a <see cref="Core.Protocols.CheckedProtocol"/> is submitted.
/// </summary>
public abstract record Receipt
{
    private Receipt(ReceiptEntry entry) => Entry = entry;

    /// <summary>The stored entry the receipt names: this submission's, or the original's for a duplicate.</summary>
    public ReceiptEntry Entry { get; }

    /// <summary>The log position of the entry (1, 2, 3 …); the entry is leaf <c>Sequence − 1</c> of the transparency log.</summary>
    public long Sequence => Entry.Sequence;

    /// <summary>The protocol version.</summary>
    public int Version => Entry.Version;

    /// <summary>SHA-256 of the canonical bytes, lower-case hex.</summary>
    public string ContentHash => Entry.ContentHash;

    /// <summary>When the entry was received.</summary>
    public DateTimeOffset ReceivedAt => Entry.ReceivedAt;

    /// <summary>The entry's RFC 9162 leaf hash, lower-case hex.</summary>
    public string LeafHash => Entry.LeafHash;

    /// <summary>Which case this is, as a word for counting and the wire.</summary>
    public abstract ReceiptOutcome Outcome { get; }

    /// <summary>Relations broken: a counted protocol's warnings, a rejected one's errors and warnings; none otherwise.</summary>
    public abstract ImmutableArray<Violation> Violations { get; }

    /// <summary>Stored and counted, flagged when it breaks warning-level relations.</summary>
    /// <param name="Entry">The new entry.</param>
    /// <param name="Warnings">The warning-level relations it breaks.</param>
    public sealed record Accepted(ReceiptEntry Entry, ImmutableArray<Violation> Warnings) : Receipt(Entry)
    {
        /// <inheritdoc />
        public override ReceiptOutcome Outcome => ReceiptOutcome.Accepted;

        /// <inheritdoc />
        public override ImmutableArray<Violation> Violations => Warnings;
    }

    /// <summary>The same content was stored before: the original's receipt; nothing new was stored or counted.</summary>
    /// <param name="Entry">The original entry.</param>
    /// <param name="Original">What happened to the original.</param>
    /// <param name="OriginalViolations">The relations the original breaks.</param>
    public sealed record Duplicate(ReceiptEntry Entry, StoredOutcome Original, ImmutableArray<Violation> OriginalViolations) : Receipt(Entry)
    {
        /// <inheritdoc />
        public override ReceiptOutcome Outcome => ReceiptOutcome.Duplicate;

        /// <inheritdoc />
        public override ImmutableArray<Violation> Violations => OriginalViolations;
    }

    /// <summary>Stored, not counted: the same version number was counted with other content.</summary>
    /// <param name="Entry">The new entry.</param>
    public sealed record Conflict(ReceiptEntry Entry) : Receipt(Entry)
    {
        /// <inheritdoc />
        public override ReceiptOutcome Outcome => ReceiptOutcome.Conflict;

        /// <inheritdoc />
        public override ImmutableArray<Violation> Violations => [];
    }

    /// <summary>Stored, not counted: a newer version was already counted.</summary>
    /// <param name="Entry">The new entry.</param>
    public sealed record Stale(ReceiptEntry Entry) : Receipt(Entry)
    {
        /// <inheritdoc />
        public override ReceiptOutcome Outcome => ReceiptOutcome.Stale;

        /// <inheritdoc />
        public override ImmutableArray<Violation> Violations => [];
    }

    /// <summary>Stored with its violations, never counted: it breaks error-level relations.</summary>
    /// <param name="Entry">The new entry.</param>
    /// <param name="Broken">Every relation it breaks, errors and warnings.</param>
    public sealed record Rejected(ReceiptEntry Entry, ImmutableArray<Violation> Broken) : Receipt(Entry)
    {
        /// <inheritdoc />
        public override ReceiptOutcome Outcome => ReceiptOutcome.Rejected;

        /// <inheritdoc />
        public override ImmutableArray<Violation> Violations => Broken;
    }
}
