namespace Sanoo.Contracts;

/// <summary>
/// <c>GET /api/v1/progress?contest=&amp;source=&amp;area=</c>: how a contest's count progressed through the night in one area, per count
/// source: at each point, the stations counted and the votes as known then (a correction counts from the time it was received). The
/// points are recomputed by anyone from the log: the counted versions and their received times are in its leaves.
/// </summary>
/// <param name="Contest">The contest.</param>
/// <param name="Area">The area.</param>
/// <param name="Snapshot">The log position of the snapshot the series end at.</param>
/// <param name="TimeZone">The election's time zone (an IANA id) for showing the times; null when the definition names none.</param>
/// <param name="Choices">The contest's choices, in ballot order: the order of every point's votes.</param>
/// <param name="Sources">A series per count source (the one asked for, or every source whose results are published).</param>
public sealed record ProgressReport(
    string Contest, string Area, long Snapshot, string? TimeZone, IReadOnlyList<string> Choices, IReadOnlyList<ProgressSource> Sources)
{
    /// <summary>When the snapshot was published, which the progress page's footer states; null from a server before it said so.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Whether publication is paused (the progress page then says so in its language, as an area's does).</summary>
    public bool Halted { get; init; }

    /// <summary>The tree head at the snapshot, which the progress page's footer names; null before one is signed.</summary>
    public PageTreeHead? TreeHead { get; init; }
}

/// <summary>One count source's progress in an area.</summary>
/// <param name="Source">The count source.</param>
/// <param name="Official">Whether its count is the official one.</param>
/// <param name="StationsExpected">Stations that vote on the contest in the area.</param>
/// <param name="BinSeconds">The width of a time bin in seconds: each point sums the versions received up to the end of its bin.</param>
/// <param name="Points">The points, oldest first (at most 96); empty before the first protocol is counted.</param>
public sealed record ProgressSource(string Source, bool Official, int StationsExpected, int BinSeconds, IReadOnlyList<ProgressAt> Points);

/// <summary>The count as known at one time.</summary>
/// <param name="At">When the newest version counted in the point was received.</param>
/// <param name="Reporting">Stations counted by then.</param>
/// <param name="Participation">Voters who took part at those stations: the base of every share.</param>
/// <param name="Votes">Votes per choice, in the order of <see cref="ProgressReport.Choices"/>.</param>
public sealed record ProgressAt(DateTimeOffset At, int Reporting, long Participation, IReadOnlyList<long> Votes);
