namespace Sanoo.Log;

/// <summary>Which case of <see cref="Receipt"/> an answer is: the word counted by importers and sent on the wire (lower case).</summary>
public enum ReceiptOutcome
{
    /// <summary>Stored and counted.</summary>
    Accepted,

    /// <summary>The same content was stored before: this is its receipt, nothing new was stored or counted.</summary>
    Duplicate,

    /// <summary>Stored, not counted: the same version number was counted with other content.</summary>
    Conflict,

    /// <summary>Stored, not counted: a newer version was already counted.</summary>
    Stale,

    /// <summary>Stored with its violations, never counted.</summary>
    Rejected,
}
