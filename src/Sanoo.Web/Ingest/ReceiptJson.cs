using Sanoo.Core.Rules;
using Sanoo.Log;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.Ingest;

/// <summary>Receipts and violations as the wire (<see cref="Wire.Receipt"/>) carries them.</summary>
public static class ReceiptJson
{
    /// <summary>The wire form of a receipt.</summary>
    public static Wire.Receipt Of(Receipt receipt) => new(
        WireEnums.Of<Wire.ReceiptOutcome>(receipt.Outcome),
        receipt is Receipt.Duplicate duplicate ? WireEnums.Of<Wire.StoredOutcome>(duplicate.Original) : null,
        receipt.Sequence,
        receipt.Version,
        receipt.ContentHash,
        receipt.Sequence - 1,
        receipt.LeafHash,
        receipt.ReceivedAt,
        [.. receipt.Violations.Select(Of)],
        []); // a protocol that does not fit the election is refused before the log: no receipt has problems

    /// <summary>The wire form of a broken relation.</summary>
    public static Wire.Violation Of(Violation v) => new(v.Relation.Value, v.Rule, WireEnums.Of<Wire.Severity>(v.Severity), v.Left, v.Right);
}
