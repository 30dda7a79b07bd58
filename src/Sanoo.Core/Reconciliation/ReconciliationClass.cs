namespace Sanoo.Core.Reconciliation;

/// <summary>How two counts of one station's ballots compare.</summary>
public enum ReconciliationClass
{
    /// <summary>Every line and every choice is the same.</summary>
    Match,

    /// <summary>Some differ, all within the tolerance.</summary>
    WithinTolerance,

    /// <summary>At least one line or choice differs by more than the tolerance.</summary>
    Discrepancy,

    /// <summary>Only one of the two counts is in.</summary>
    OneSideMissing,
}
