namespace Sanoo.Log.Checkpoints;

/// <summary>What opening a log made of its checkpoint.</summary>
/// <param name="Position">The log position of the checkpoint the tally started from; 0 when the whole log was replayed.</param>
/// <param name="Refusal">Why a checkpoint that was kept was refused (the whole log was then replayed); null when none was.</param>
public sealed record CheckpointUse(long Position, string? Refusal)
{
    /// <summary>Register records taken from the checkpoint without being read again (their leaves checked); 0 for none.</summary>
    public long RegisterSize { get; init; }

    /// <summary>No checkpoint used: none kept, none asked for, or a full replay asked for.</summary>
    public static CheckpointUse None { get; } = new(0, null);

    /// <summary>One sentence for the operator.</summary>
    public string Summary => Refusal is { } why
        ? $"The checkpoint was refused ({why}); the whole log was replayed."
        : Position > 0
            ? $"Started from the checkpoint at log position {Position:N0}"
                + (RegisterSize > 0 ? $" and register record {RegisterSize:N0}" : "")
                + "; the entries and records after it were replayed and are checked."
            : "No checkpoint used: the whole log was replayed.";
}
