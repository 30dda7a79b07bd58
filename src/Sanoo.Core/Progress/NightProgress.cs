using System.Collections.Immutable;
using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;

namespace Sanoo.Core.Progress;

/// <summary>
/// Computes <see cref="ProgressSeries"/> from the counted versions in log order and the snapshot they lead to: a pure function of the
/// log (the versions, their outcomes and their received times are all in its leaves), so anyone who replays the log gets the same
/// points. Each point is the count as it was known at that time: a correction takes the version it replaced out only from the moment
/// it was received, and the points before it keep the figures then published. Versions are put in time bins of a round width
/// (1, 2, 5, 10, 15, 30 seconds, minutes, hours, days) chosen so that the night has at most <see cref="MaxPoints"/> of them, whatever
/// the number of stations: a night replayed in seconds gets bins of a second, a real night bins of minutes. A version is never put
/// in an earlier bin than the versions before it in the log, so that the points follow the log's order even if a clock stepped back.
/// </summary>
public static class NightProgress
{
    /// <summary>The most points a series has: enough for a smooth line on any screen, few enough for a page of 12 KB.</summary>
    public const int MaxPoints = 96;

    private static readonly int[] BinSteps =
        [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 14400, 21600, 43200, 86400];

    /// <summary>
    /// The progress of <paramref name="plan"/>'s count by <paramref name="source"/> in <paramref name="area"/> up to the snapshot's
    /// position, from <paramref name="counted"/> (every counted version in log order; those after the snapshot are ignored); null when
    /// the source is unknown or the contest is not tallied in the area.
    /// </summary>
    public static ProgressSeries? Of(
        Snapshot snapshot, ContestPlan plan, SourceId source, AreaId area, IReadOnlyList<CountedVersion> counted, int maxPoints = MaxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 1);
        var election = snapshot.Election;
        if (!election.TrySourceIndex(source, out var sourceIndex) || !election.TryAreaIndex(area, out var areaIndex)
            || snapshot.Tally(plan.Contest.Id, source, area) is not { } tally)
        {
            return null;
        }
        var book = snapshot.Book(plan, sourceIndex);
        var wholeContest = areaIndex == plan.AreaIndex;
        var slot = book.Layout.SlotOfArea[areaIndex];
        bool InArea(CountedVersion v)
        {
            if (v.Kept.Plan.Contest.Id != plan.Contest.Id || v.Kept.Source != source)
            {
                return false;
            }
            return wholeContest || book.Layout.PathOf(v.Kept.OffsetOf(v.Index)).Contains(slot);
        }

        var mine = new List<int>();
        for (var i = 0; i < counted.Count && counted[i].Position <= snapshot.Position; i++)
        {
            if (InArea(counted[i]))
            {
                mine.Add(i);
            }
        }
        var binSeconds = 1;
        var points = ImmutableArray.CreateBuilder<ProgressPoint>();
        if (mine.Count > 0)
        {
            var first = counted[mine[0]].ReceivedAt;
            var last = mine.Max(i => counted[i].ReceivedAt);
            binSeconds = BinSeconds(first, last, maxPoints);
            var width = binSeconds * 1000L;
            var origin = Math.Floor(first / (double)width) * width;
            var lineCount = plan.Form.Lines.Length;
            var lines = new long[lineCount];
            var votes = new long[plan.Choices.Length];
            var reporting = 0;
            var bin = long.MinValue;
            var at = first;
            foreach (var i in mine)
            {
                var version = counted[i];
                var its = Math.Max(bin, (long)Math.Floor((version.ReceivedAt - origin) / width));
                if (its != bin && bin != long.MinValue)
                {
                    points.Add(Point(plan, at, reporting, lines, votes));
                }
                bin = its;
                at = Math.Max(at, version.ReceivedAt);
                if (version.SupersededIndex >= 0)
                {
                    Add(lines, votes, version.Kept.Lines(version.SupersededIndex), version.Kept.Votes(version.SupersededIndex), -1);
                }
                else
                {
                    reporting++;
                }
                Add(lines, votes, version.Kept.Lines(version.Index), version.Kept.Votes(version.Index), 1);
            }
            points.Add(Point(plan, at, reporting, lines, votes));
        }
        return new ProgressSeries(plan.Contest.Id, source, area, tally.StationsExpected, binSeconds, snapshot.Position, points.ToImmutable());
    }

    /// <summary>The narrowest round bin, in seconds, that cuts the time from <paramref name="first"/> to <paramref name="last"/>
    /// (Unix milliseconds) into at most <paramref name="maxPoints"/> bins.</summary>
    public static int BinSeconds(long first, long last, int maxPoints)
    {
        foreach (var step in BinSteps)
        {
            if (Bins(first, last, step) <= maxPoints)
            {
                return step;
            }
        }
        var days = 2;
        while (Bins(first, last, days * 86400) > maxPoints)
        {
            days *= 2;
        }
        return days * 86400;
    }

    private static long Bins(long first, long last, int seconds)
    {
        var width = seconds * 1000L;
        return (long)(Math.Floor(last / (double)width) - Math.Floor(first / (double)width)) + 1;
    }

    private static void Add(long[] lines, long[] votes, ReadOnlySpan<int> protocolLines, ReadOnlySpan<int> protocolVotes, int sign)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] += sign * protocolLines[i];
        }
        for (var i = 0; i < votes.Length; i++)
        {
            votes[i] += sign * protocolVotes[i];
        }
    }

    private static ProgressPoint Point(ContestPlan plan, long at, int reporting, long[] lines, long[] votes) => new(
        DateTimeOffset.FromUnixTimeMilliseconds(at), reporting, plan.Rules.Participation.Evaluate<long>(lines, votes), [.. votes]);
}
