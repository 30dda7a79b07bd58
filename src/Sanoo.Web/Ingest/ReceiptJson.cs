using Sanoo.Core.Rules;
using Sanoo.Storage.Log;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.Ingest;

/// <summary>Receipts and violations as the wire (<see cref="Wire.Receipt"/>) carries them.</summary>
public static class ReceiptJson
{
    /// <summary>The wire form of a receipt.</summary>
    public static Wire.Receipt Of(Receipt receipt) => new(
        Of(receipt.Outcome),
        receipt.StoredOutcome is { } stored ? Of(stored) : null,
        receipt.Sequence,
        receipt.Version,
        receipt.ContentHash,
        receipt.Sequence > 0 ? receipt.Sequence - 1 : null,
        receipt.LeafHash,
        receipt.ReceivedAt,
        [.. receipt.Violations.Select(Of)],
        [.. receipt.Problems.Select(p => new Wire.FieldProblem(p.Path, p.Message))]);

    /// <summary>The wire form of a broken relation.</summary>
    public static Wire.Violation Of(Violation v) =>
        new(v.Relation.Value, v.Rule, v.Severity == Core.Definitions.Severity.Error ? Wire.Severity.Error : Wire.Severity.Warning, v.Left, v.Right);

    /// <summary>The wire form of what a sender is told.</summary>
    public static Wire.ReceiptOutcome Of(ReceiptOutcome outcome) => outcome switch
    {
        ReceiptOutcome.Accepted => Wire.ReceiptOutcome.Accepted,
        ReceiptOutcome.Duplicate => Wire.ReceiptOutcome.Duplicate,
        ReceiptOutcome.Conflict => Wire.ReceiptOutcome.Conflict,
        ReceiptOutcome.Stale => Wire.ReceiptOutcome.Stale,
        ReceiptOutcome.Rejected => Wire.ReceiptOutcome.Rejected,
        ReceiptOutcome.Malformed => Wire.ReceiptOutcome.Malformed,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    /// <summary>The wire form of a stored outcome.</summary>
    public static Wire.StoredOutcome Of(StoredOutcome outcome) => outcome switch
    {
        StoredOutcome.Accepted => Wire.StoredOutcome.Accepted,
        StoredOutcome.Conflict => Wire.StoredOutcome.Conflict,
        StoredOutcome.Stale => Wire.StoredOutcome.Stale,
        StoredOutcome.Rejected => Wire.StoredOutcome.Rejected,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}
