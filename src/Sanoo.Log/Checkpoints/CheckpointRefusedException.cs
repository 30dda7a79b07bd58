namespace Sanoo.Log.Checkpoints;

/// <summary>
/// A checkpoint found wrong halfway through the scan that adopts the log up to it: unwinds the scan, and the log is replayed in
/// full instead. Never leaves the log: opening reports it as a <see cref="CheckpointUse.Refusal"/>.
/// </summary>
internal sealed class CheckpointRefusedException(string reason) : Exception(reason);
