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
    /// <paramref name="kept"/> gives, by test stream, a book of the whole contest's null draws (<see cref="Draws"/>) to take the
    /// stations' replicates from instead of drawing them (the same report either way, faster where many areas are asked).
    /// </summary>
    public static ForensicsReport Of(
        Snapshot snapshot,
        ContestPlan plan,
        SourceId source,
        AreaId area,
        ForensicsParameters parameters,
        Ledger? ledger,
        ReplicateRunner runner,
        Turnout.TurnoutBook? reports = null,
        Func<int, NullDraws?>? kept = null)
    {
        var election = snapshot.Election;
        var areaIndex = election.AreaIndex(area);
        var figures = StationFigures.Of(snapshot, plan, source, areaIndex);
        var (totals, tookPart, leader) = Totals(figures);
        var major = leader < 0 ? [] : Enumerable.Range(0, totals.Length)
            .Where(c => c == leader || totals[c] * 100.0 >= parameters.MajorChoicePercent * tookPart)
            .OrderByDescending(c => c == leader).ThenByDescending(c => totals[c]).ThenBy(c => c)
            .Take(Math.Max(1, parameters.MajorChoices))
            .ToList();

        var (groups, children) = ChildGroups(election, figures, areaIndex);
        var (turnout, turnoutByArea) = IntegerPercentTest.Run(
            figures.TookPart, figures.Registered, figures.Ordinal, groups, children.Count, parameters, TurnoutStream, runner, Kept(kept, 0));
        var choices = ImmutableArray.CreateBuilder<ChoiceTest>();
        IntegerTestResult[] shareByArea = [];
        foreach (var c in major)
        {
            var (test, byArea) = IntegerPercentTest.Run(
                figures.Column(c), figures.TookPart, figures.Ordinal, groups, c == leader ? children.Count : 0, parameters, ShareStream(c), runner,
                Kept(kept, ShareStream(c)));
            choices.Add(new ChoiceTest(plan.Choices[c].Id, tookPart == 0 ? 0 : 100.0 * totals[c] / tookPart, test));
            shareByArea = c == leader ? byArea : shareByArea;
        }
        var areas = children.Count == 0 || shareByArea.Length == 0
            ? []
            : children.Select((child, g) => new AreaIntegerTests(election.Areas[child].Id, turnoutByArea[g], shareByArea[g])).ToImmutableArray();
        var leaderVotes = leader < 0 ? new long[figures.Count] : figures.Column(leader);
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
            leader < 0 ? [] : StationFlags.Of(election, figures, leader, parameters, Differing(ledger, plan), reports),
            parameters);
    }

    /// <summary>
    /// The flags of the stations under <paramref name="area"/>, the same as <see cref="Of"/>'s report gives, without its tests and
    /// distributions: what a station's page shows, needed at every snapshot over the whole map.
    /// </summary>
    public static ImmutableArray<StationFlag> FlagsOf(
        Snapshot snapshot,
        ContestPlan plan,
        SourceId source,
        AreaId area,
        ForensicsParameters parameters,
        Ledger? ledger,
        Turnout.TurnoutBook? reports = null)
    {
        var figures = StationFigures.Of(snapshot, plan, source, snapshot.Election.AreaIndex(area));
        var leader = Totals(figures).Leader;
        return leader < 0 ? [] : StationFlags.Of(snapshot.Election, figures, leader, parameters, Differing(ledger, plan), reports);
    }

    /// <summary>Every choice's votes and the voters who took part over <paramref name="figures"/>, and the leading choice (−1: none).</summary>
    private static (long[] Totals, long TookPart, int Leader) Totals(StationFigures figures)
    {
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
        return (totals, tookPart, leader);
    }

    /// <summary>The stations whose two counts of <paramref name="plan"/>'s contest differ, by <paramref name="ledger"/>.</summary>
    private static HashSet<AreaId> Differing(Ledger? ledger, ContestPlan plan) => ledger?.Stations
        .Classed(c => c == ReconciliationClass.Discrepancy).Where(s => s.Contest == plan.Contest.Id)
        .Select(s => s.Station)
        .ToHashSet() ?? [];

    /// <summary>The integer test of turnout's random stream.</summary>
    public const int TurnoutStream = 0;

    /// <summary>The integer test of choice <paramref name="choice"/>'s share's random stream (ballot order).</summary>
    public static int ShareStream(int choice) => 1 + choice;

    /// <summary>
    /// The null draws of one integer test (<see cref="TurnoutStream"/> or <see cref="ShareStream"/>) over every station of
    /// <paramref name="plan"/>'s contest counted by <paramref name="source"/>: what <see cref="Of"/> takes as kept. Stations whose
    /// figures are those of <paramref name="earlier"/> keep its bits, the others are drawn (<see cref="NullDraws.Of"/>).
    /// </summary>
    public static NullDraws Draws(
        Snapshot snapshot,
        ContestPlan plan,
        SourceId source,
        int stream,
        ForensicsParameters parameters,
        ReplicateRunner runner,
        NullDraws? earlier = null)
    {
        var election = snapshot.Election;
        var figures = StationFigures.Of(snapshot, plan, source, election.AreaIndex(plan.Contest.Area));
        var (counts, bases) = stream == TurnoutStream
            ? (figures.TookPart, figures.Registered)
            : (figures.Column(stream - 1), figures.TookPart);
        return NullDraws.Of(election.StationCount, counts, bases, figures.Ordinal, parameters, stream, runner, earlier);
    }

    private static NullDraws? Kept(Func<int, NullDraws?>? kept, int stream) => kept?.Invoke(stream);

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
