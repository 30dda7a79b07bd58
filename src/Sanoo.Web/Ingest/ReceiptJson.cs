using Sanoo.Log;

namespace Sanoo.Web.Ingest;

/// <summary>A receipt as the write API returns it.</summary>
public static class ReceiptJson
{
    /// <summary>The JSON shape of a receipt.</summary>
    public static object Of(Receipt receipt) => new
    {
        outcome = receipt.Outcome.ToString().ToLowerInvariant(),
        storedOutcome = receipt.StoredOutcome?.ToString().ToLowerInvariant(),
        sequence = receipt.Sequence,
        version = receipt.Version,
        contentHash = receipt.ContentHash,
        leafIndex = receipt.Sequence > 0 ? receipt.Sequence - 1 : (long?)null,
        leafHash = receipt.LeafHash,
        receivedAt = receipt.ReceivedAt,
        violations = receipt.Violations.Select(v => new { relation = v.Relation.Value, rule = v.Rule, severity = v.Severity.ToString().ToLowerInvariant(), left = v.Left, right = v.Right }),
        problems = receipt.Problems.Select(p => new { path = p.Path, message = p.Message }),
    };
}
