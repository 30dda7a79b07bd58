using Sanoo.Log;

namespace Sanoo.Web.Ingest;

/// <summary>A receipt as the write API returns it.</summary>
public static class ReceiptJson
{
    /// <summary>The JSON shape of a receipt.</summary>
    public static object Of(Receipt receipt) => new
    {
        outcome = receipt.Outcome.ToString().ToLowerInvariant(),
        storedOutcome = (receipt as Receipt.Duplicate)?.Original.ToString().ToLowerInvariant(),
        sequence = receipt.Sequence,
        version = receipt.Version,
        contentHash = receipt.ContentHash,
        leafIndex = receipt.Sequence - 1,
        leafHash = receipt.LeafHash,
        receivedAt = receipt.ReceivedAt,
        violations = receipt.Violations.Select(v => new { relation = v.Relation.Value, rule = v.Rule, severity = v.Severity.ToString().ToLowerInvariant(), left = v.Left, right = v.Right }),
        problems = Array.Empty<object>(), // a protocol that does not fit is refused before the log: no receipt has problems
    };
}
