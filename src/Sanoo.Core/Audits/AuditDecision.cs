namespace Sanoo.Core.Audits;

/// <summary>What a round of the audit decides once every batch it drew is recounted.</summary>
public enum AuditDecision
{
    /// <summary>The measured risk is at or below the risk limit: the reported outcome is confirmed and the audit stops.</summary>
    Confirmed,

    /// <summary>The risk is above the limit: the audit draws more batches in a next round.</summary>
    NextRound,

    /// <summary>The audit cannot confirm the outcome by sampling: every station is counted by hand, and the hand count decides.</summary>
    FullCount,
}
