using Sanoo.Core.Protocols;
using Sanoo.Core.Tally;

namespace Sanoo.Core.Progress;

/// <summary>
/// One protocol version the tally counted, as the log recorded it: its log position, when the store received it (a field of its
/// Merkle leaf, so anyone who replays the log knows it too) and the version it replaced, both kept by the engine
/// (<see cref="CountedFigures"/>), not held here. Versions that were not counted (rejected, conflicting, stale) are no part of the
/// night's progress and never appear here.
/// </summary>
/// <param name="Position">The entry's log position (1, 2, 3 …).</param>
/// <param name="ReceivedAt">When the store received it, in Unix milliseconds.</param>
/// <param name="Kept">The versions its contest and source counted.</param>
/// <param name="Index">The version's place among them.</param>
/// <param name="SupersededIndex">The place of the version of the same station it replaced; −1 for the station's first.</param>
public readonly record struct CountedVersion(long Position, long ReceivedAt, CountedFigures Kept, int Index, int SupersededIndex)
{
    /// <summary>The version counted, made anew.</summary>
    public Protocol Protocol => Kept.Protocol(Index);

    /// <summary>The version it replaced, made anew; null for the station's first.</summary>
    public Protocol? Superseded => SupersededIndex < 0 ? null : Kept.Protocol(SupersededIndex);
}
