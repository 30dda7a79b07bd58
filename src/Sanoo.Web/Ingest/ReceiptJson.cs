using Sanoo.Core.Rules;
using Sanoo.Storage.Log;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.Ingest;

/// <summary>Receipts and violations as the wire (<see cref="Wire.Receipt"/>) carries them.</summary>
public static class ReceiptJson
{
    /// <summary>The wire form of a receipt.</summary>
    public static Wire.Receipt Of(Receipt receipt) => new(
        WireEnums.Of<Wire.ReceiptOutcome>(receipt.Outcome),
        receipt.StoredOutcome is { } stored ? WireEnums.Of<Wire.StoredOutcome>(stored) : null,
        receipt.Sequence,
        receipt.Version,
        receipt.ContentHash,
        receipt.Sequence > 0 ? receipt.Sequence - 1 : null,
        receipt.LeafHash,
        receipt.ReceivedAt,
        [.. receipt.Violations.Select(Of)],
        [.. receipt.Problems.Select(p => new Wire.FieldProblem(p.Path, p.Message))]);

    /// <summary>The wire form of a broken relation.</summary>
    public static Wire.Violation Of(Violation v) => new(v.Relation.Value, v.Rule, WireEnums.Of<Wire.Severity>(v.Severity), v.Left, v.Right);
}
