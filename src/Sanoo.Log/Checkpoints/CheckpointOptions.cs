namespace Sanoo.Log.Checkpoints;

/// <summary>
/// How a log uses checkpoints (docs/storage.md): where their statements are sealed, how often one is written, whether to ignore them.
/// </summary>
/// <param name="Seal">Where the signed statement of the last checkpoint is kept.</param>
public sealed record CheckpointOptions(ICheckpointSeal Seal)
{
    /// <summary>A checkpoint is written each time the log has grown by this many entries since the last one, and on a clean shutdown.</summary>
    public long Interval { get; init; } = 100_000;

    /// <summary>Replay the whole log at opening whatever checkpoint there is (<c>--full-replay</c>, <c>sanoo store check --full</c>).</summary>
    public bool FullReplay { get; init; }
}
