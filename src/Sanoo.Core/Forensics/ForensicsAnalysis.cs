using System.Collections.Immutable;
using Sanoo.Core.Definitions;
using Sanoo.Core.Reconciliation;
using Sanoo.Core.Tally;

namespace Sanoo.Core.Forensics;

/// <summary>Makes a <see cref="ForensicsReport"/> from a snapshot: the figures of the stations under an area, then each method.</summary>
public static class ForensicsAnalysis
{
    /// <summary>
    /// The report of <paramref name="plan"/>'s count by <paramref name="source"/> under <paramref name="area"/> (an area of the tree or
    /// of a grouping); <paramref name="ledger"/>, when the election compares two counts, names the stations whose counts differ.
    /// </summary>
    public static ForensicsReport Of(
        Snapshot snapshot,
        ContestPlan plan,
        SourceId source,
        AreaId area,
        ForensicsParameters parameters,
        Ledger? ledger,
        ReplicateRunner runner,
        Turnout.TurnoutBook? reports = null)
    {
        var election = snapshot.Election;
        var areaIndex = election.AreaIndex(area);
        var figures = StationFigures.Of(snapshot, plan, source, areaIndex);
        var totals = new long[figures.Choices];
        long tookPart = 0;
        for (var i = 0; i < figures.Count; i++)
        {
            tookPart += figures.TookPart[i];
            var votes = figures.VotesOf(i);
            for (var c = 0; c < totals.Length; c++)
            {
                totals[c] += votes[c];
            }
        }
        var leader = totals.Length == 0 || totals.Max() == 0 ? -1 : Array.IndexOf(totals, totals.Max());
        var major = leader < 0 ? [] : Enumerable.Range(0, totals.Length)
            .Where(c => c == leader || totals[c] * 100.0 >= parameters.MajorChoicePercent * tookPart)
            .OrderByDescending(c => c == leader).ThenByDescending(c => totals[c]).ThenBy(c => c)
            .Take(Math.Max(1, parameters.MajorChoices))
            .ToList();

        var (groups, children) = ChildGroups(election, figures, areaIndex);
        var (turnout, turnoutByArea) = IntegerPercentTest.Run(
            figures.TookPart, figures.Registered, groups, children.Count, parameters, 0, runner);
        var choices = ImmutableArray.CreateBuilder<ChoiceTest>();
        IntegerTestResult[] shareByArea = [];
        foreach (var c in major)
        {
            var (test, byArea) = IntegerPercentTest.Run(
                figures.Column(c), figures.TookPart, groups, c == leader ? children.Count : 0, parameters, 1 + c, runner);
            choices.Add(new ChoiceTest(plan.Choices[c].Id, tookPart == 0 ? 0 : 100.0 * totals[c] / tookPart, test));
            shareByArea = c == leader ? byArea : shareByArea;
        }
        var areas = children.Count == 0 || shareByArea.Length == 0
            ? []
            : children.Select((child, g) => new AreaIntegerTests(election.Areas[child].Id, turnoutByArea[g], shareByArea[g])).ToImmutableArray();
        var leaderVotes = leader < 0 ? new long[figures.Count] : figures.Column(leader);
        var differing = ledger?.Stations
            .Where(s => s.Contest == plan.Contest.Id && s.Class == ReconciliationClass.Discrepancy)
            .Select(s => s.Station)
            .ToHashSet() ?? [];
        return new ForensicsReport(
            area,
            plan.Contest.Id,
            source,
            snapshot.Position,
            figures.Count,
            figures.Expected,
            leader < 0 ? null : plan.Choices[leader].Id,
            turnout,
            choices.ToImmutable(),
            areas,
            RateDistributions.Of(figures.Registered, figures.TookPart, leaderVotes),
            leader < 0 ? [] : StationFlags.Of(election, figures, leader, parameters, differing, reports),
            parameters);
    }

    /// <summary>
    /// For each station, the place among <c>children</c> of the area one level below <paramref name="areaIndex"/> in the tree that
    /// holds it; −1 when the station sits right under the area, or the area belongs to a grouping (whose members are stations).
    /// </summary>
    private static (int[] Groups, List<int> Children) ChildGroups(Election election, StationFigures figures, int areaIndex)
    {
        var groups = new int[figures.Count];
        var children = new List<int>();
        var slot = new Dictionary<int, int>();
        for (var i = 0; i < figures.Count; i++)
        {
            var a = election.ParentIndex(figures.AreaIndex[i]);
            while (a >= 0 && election.ParentIndex(a) != areaIndex)
            {
                a = election.ParentIndex(a);
            }
            if (a < 0)
            {
                groups[i] = -1;
                continue;
            }
            if (!slot.TryGetValue(a, out var g))
            {
                slot[a] = g = children.Count;
                children.Add(a);
            }
            groups[i] = g;
        }
        return (groups, children);
    }
}
