using System.Collections.Immutable;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Forensics;

/// <summary>The per-station checks (<see cref="FlagReason"/>): each station with every reason it meets, in station order.</summary>
internal static class StationFlags
{
    public static ImmutableArray<StationFlag> Of(
        Election election, StationFigures figures, int leader, ForensicsParameters parameters, IReadOnlySet<AreaId> differing,
        Turnout.TurnoutBook? reports)
    {
        var count = figures.Count;
        var turnout = new double[count];
        var share = new double[count];
        for (var i = 0; i < count; i++)
        {
            turnout[i] = figures.Registered[i] > 0 ? 100.0 * figures.TookPart[i] / figures.Registered[i] : double.NaN;
            share[i] = figures.TookPart[i] > 0 ? 100.0 * figures.VotesOf(i)[leader] / figures.TookPart[i] : double.NaN;
        }
        var turnoutScore = OutlierScores(election, figures, turnout, parameters);
        var shareScore = OutlierScores(election, figures, share, parameters);
        var flags = ImmutableArray.CreateBuilder<StationFlag>();
        var reasons = new List<FlagReason>(6);
        for (var i = 0; i < count; i++)
        {
            reasons.Clear();
            var large = figures.Registered[i] >= parameters.LargeStation;
            var votes = figures.VotesOf(i);
            if (large && turnout[i] >= parameters.HighPercent)
            {
                reasons.Add(FlagReason.TurnoutAboveThreshold);
            }
            if (large && figures.TookPart[i] > 0 && MaxOf(votes) * 100.0 >= parameters.HighPercent * figures.TookPart[i])
            {
                reasons.Add(FlagReason.ChoiceAboveThreshold);
            }
            if (AllRound(figures.TookPart[i], votes, parameters.RoundFigures))
            {
                reasons.Add(FlagReason.RoundFigures);
            }
            var station = election.Areas[figures.AreaIndex[i]].Id;
            if (differing.Contains(station))
            {
                reasons.Add(FlagReason.CountsDiffer);
            }
            if (Math.Abs(turnoutScore[i]) > parameters.OutlierScore)
            {
                reasons.Add(FlagReason.TurnoutOutlier);
            }
            if (Math.Abs(shareScore[i]) > parameters.OutlierScore)
            {
                reasons.Add(FlagReason.LeaderShareOutlier);
            }
            if (reports?.Latest(election.StationOrdinal(figures.AreaIndex[i])) is { } last
                && (figures.TookPart[i] - last.Voters) * 100.0 > parameters.JumpPercent * figures.Registered[i])
            {
                reasons.Add(FlagReason.TurnoutJump);
            }
            if (reasons.Count > 0)
            {
                flags.Add(new StationFlag(
                    station,
                    [.. reasons],
                    figures.Registered[i],
                    figures.TookPart[i],
                    double.IsNaN(turnout[i]) ? 0 : turnout[i],
                    double.IsNaN(share[i]) ? 0 : share[i]));
            }
        }
        return flags.ToImmutable();
    }

    private static long MaxOf(ReadOnlySpan<int> votes)
    {
        long max = 0;
        foreach (var v in votes)
        {
            max = Math.Max(max, v);
        }
        return max;
    }

    /// <summary>Took part and every choice's votes of 10 or more are multiples of ten, with at least <paramref name="minimum"/> figures.</summary>
    private static bool AllRound(long tookPart, ReadOnlySpan<int> votes, int minimum)
    {
        if (tookPart < 10 || tookPart % 10 != 0)
        {
            return false;
        }
        var figures = 1;
        foreach (var v in votes)
        {
            if (v >= 10)
            {
                if (v % 10 != 0)
                {
                    return false;
                }
                figures++;
            }
        }
        return figures >= minimum;
    }

    /// <summary>
    /// Each station's robust score within its parent area: (value − median) / (1.4826 × median absolute deviation); 0 where the value
    /// is missing, the parent has fewer than the minimum peers or its deviation is 0.
    /// </summary>
    private static double[] OutlierScores(Election election, StationFigures figures, double[] values, ForensicsParameters parameters)
    {
        var scores = new double[values.Length];
        // The stations with a value, ordered by parent (stations are listed parent by parent, so the sort mostly finds runs).
        var byParent = new int[values.Length];
        var members = new int[values.Length];
        var count = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsNaN(values[i]))
            {
                byParent[count] = election.ParentIndex(figures.AreaIndex[i]);
                members[count++] = i;
            }
        }
        Array.Sort(byParent, members, 0, count);
        var order = members.AsSpan(0, count);
        var sorted = new double[count];
        for (var start = 0; start < order.Length;)
        {
            var end = start + 1;
            while (end < order.Length && byParent[end] == byParent[start])
            {
                end++;
            }
            var group = order.Slice(start, end - start);
            start = end;
            if (group.Length < parameters.OutlierPeers)
            {
                continue;
            }
            var peers = sorted.AsSpan(0, group.Length);
            for (var k = 0; k < group.Length; k++)
            {
                peers[k] = values[group[k]];
            }
            peers.Sort();
            var median = Median(peers);
            for (var k = 0; k < peers.Length; k++)
            {
                peers[k] = Math.Abs(peers[k] - median);
            }
            peers.Sort();
            var deviation = Median(peers) * 1.4826;
            if (deviation <= 0)
            {
                continue;
            }
            foreach (var i in group)
            {
                scores[i] = (values[i] - median) / deviation;
            }
        }
        return scores;
    }

    private static double Median(ReadOnlySpan<double> sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
