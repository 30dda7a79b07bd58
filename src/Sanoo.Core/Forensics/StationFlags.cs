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

    private static long MaxOf(ReadOnlySpan<long> votes)
    {
        long max = 0;
        foreach (var v in votes)
        {
            max = Math.Max(max, v);
        }
        return max;
    }

    /// <summary>Took part and every choice's votes of 10 or more are multiples of ten, with at least <paramref name="minimum"/> figures.</summary>
    private static bool AllRound(long tookPart, ReadOnlySpan<long> votes, int minimum)
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
        var byParent = new Dictionary<int, List<int>>();
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
            {
                continue;
            }
            var parent = election.ParentIndex(figures.AreaIndex[i]);
            if (!byParent.TryGetValue(parent, out var list))
            {
                byParent[parent] = list = [];
            }
            list.Add(i);
        }
        foreach (var members in byParent.Values.Where(m => m.Count >= parameters.OutlierPeers))
        {
            var sorted = members.Select(i => values[i]).Order().ToArray();
            var median = Median(sorted);
            var deviation = Median([.. sorted.Select(v => Math.Abs(v - median)).Order()]) * 1.4826;
            if (deviation <= 0)
            {
                continue;
            }
            foreach (var i in members)
            {
                scores[i] = (values[i] - median) / deviation;
            }
        }
        return scores;
    }

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}
