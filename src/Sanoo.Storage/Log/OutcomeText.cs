namespace Sanoo.Storage.Log;

/// <summary>The words stored for each <see cref="StoredOutcome"/>.</summary>
public static class OutcomeText
{
    /// <summary>The stored word.</summary>
    public static string Of(StoredOutcome outcome) => outcome switch
    {
        StoredOutcome.Accepted => "accepted",
        StoredOutcome.Conflict => "conflict",
        StoredOutcome.Stale => "stale",
        StoredOutcome.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    /// <summary>The outcome of a stored word; a damaged database otherwise.</summary>
    public static StoredOutcome Parse(string text) => text switch
    {
        "accepted" => StoredOutcome.Accepted,
        "conflict" => StoredOutcome.Conflict,
        "stale" => StoredOutcome.Stale,
        "rejected" => StoredOutcome.Rejected,
        _ => throw new StoreException($"a stored protocol version has the unknown outcome '{text}': the database is damaged"),
    };
}
