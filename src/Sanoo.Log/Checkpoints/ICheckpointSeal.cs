namespace Sanoo.Log.Checkpoints;

/// <summary>
/// Where the signed statement of the last checkpoint is kept, outside the database (the server keeps it in a file beside its
/// kept tree head, signed by the commission key): the log trusts a checkpoint only as far as this vouches for it.
/// </summary>
public interface ICheckpointSeal
{
    /// <summary>Whether <see cref="KeepAsync"/> can sign (a check on demand only reads).</summary>
    bool CanSign { get; }

    /// <summary>
    /// The statement kept, if its signature verifies under a key this seal trusts; null with no refusal when none is kept yet, and
    /// null with the reason when one is kept but cannot be believed.
    /// </summary>
    Task<(CheckpointStatement? Statement, string? Refusal)> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Signs <paramref name="statement"/> and keeps it in place of the one before, whole (a crash leaves one or the other).</summary>
    Task KeepAsync(CheckpointStatement statement, CancellationToken cancellationToken);
}
