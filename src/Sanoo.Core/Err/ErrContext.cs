namespace Sanoo.Core.Err;

/// <summary>What an ERR report says beside the snapshot: when it was made, whether the result is certified, and by what.</summary>
/// <param name="GeneratedAt">When the report was made (its <c>GeneratedDate</c>, written in UTC to the second).</param>
/// <param name="Certified">Whether the commission has certified the result at or before the snapshot (<c>Status</c> "certified").</param>
/// <param name="Vendor">The <c>VendorApplicationId</c>: the software and its version, e.g. <c>Sanoo 1.0.0</c>.</param>
public sealed record ErrContext(DateTimeOffset GeneratedAt, bool Certified, string Vendor);
