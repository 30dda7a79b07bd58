using System.Collections.Immutable;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Progress;

/// <summary>
/// How one contest's count by one source progressed through the night in one area: a point per time bin in which a version was
/// counted, oldest first. Invariants: at most <see cref="NightProgress.MaxPoints"/> points; times and stations reporting never go
/// back; the last point holds the same sums as the snapshot the series was computed at.
/// </summary>
/// <param name="Contest">The contest.</param>
/// <param name="Source">The count source.</param>
/// <param name="Area">The area.</param>
/// <param name="StationsExpected">Stations that vote on the contest in the area.</param>
/// <param name="BinSeconds">The width of a time bin, in seconds: every version received in one bin is in the same point.</param>
/// <param name="Position">The log position of the snapshot the series ends at.</param>
/// <param name="Points">The points, oldest first; empty before the first version counted.</param>
public sealed record ProgressSeries(
    ContestId Contest, SourceId Source, AreaId Area, int StationsExpected, int BinSeconds, long Position, ImmutableArray<ProgressPoint> Points);
