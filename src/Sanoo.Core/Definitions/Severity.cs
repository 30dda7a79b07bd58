namespace Sanoo.Core.Definitions;

/// <summary>What follows when a control relation does not hold for a protocol.</summary>
public enum Severity
{
    /// <summary>The protocol is rejected: stored and shown to its commission, never counted.</summary>
    Error,

    /// <summary>The protocol is counted and flagged for review.</summary>
    Warning,
}
