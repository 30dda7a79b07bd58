namespace Sanoo.Core.Protocols;

/// <summary>Why a protocol was corrected and by whom: required on every version after the first.</summary>
/// <param name="Reason">The stated reason, e.g. "recount ordered by DEC 26, decision 14".</param>
/// <param name="Author">Who made the correction (operator or commission).</param>
public sealed record Correction(string Reason, string Author);
