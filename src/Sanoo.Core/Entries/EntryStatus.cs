namespace Sanoo.Core.Entries;

/// <summary>What happened to one operator's entry of a hand-count protocol under double entry.</summary>
public enum EntryStatus
{
    /// <summary>The first entry of this protocol version (or the operator's own re-entry): it waits for a second operator.</summary>
    AwaitingSecond,

    /// <summary>A different operator had entered identical figures, and this was this operator's first entry: the protocol goes to the log.</summary>
    Matched,

    /// <summary>
    /// A different operator had entered other figures, or this operator had entered this version before while
    /// another had too (their later entry cannot complete the pair): the entry waits in the supervisor's queue.
    /// </summary>
    Mismatch,

    /// <summary>The same operator sent the same figures again (a retry): nothing new is recorded.</summary>
    Repeat,

    /// <summary>This version was already matched and sent to the log: nothing new is recorded.</summary>
    AlreadyMatched,
}
