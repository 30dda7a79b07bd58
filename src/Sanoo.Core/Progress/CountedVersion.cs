using Sanoo.Core.Protocols;

namespace Sanoo.Core.Progress;

/// <summary>
/// One protocol version the tally counted, as the log recorded it: its log position, when the store received it (a field of its
/// Merkle leaf, so anyone who replays the log knows it too) and the version it replaced. Versions that were not counted (rejected,
/// conflicting, stale) are no part of the night's progress and never appear here.
/// </summary>
/// <param name="Position">The entry's log position (1, 2, 3 …).</param>
/// <param name="ReceivedAt">When the store received it, in Unix milliseconds.</param>
/// <param name="Protocol">The version counted.</param>
/// <param name="Superseded">The version of the same station, contest and source it replaced; null for the station's first.</param>
public readonly record struct CountedVersion(long Position, long ReceivedAt, Protocol Protocol, Protocol? Superseded);
