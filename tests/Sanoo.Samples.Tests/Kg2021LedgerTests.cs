using Sanoo.Core.Definitions;
using Sanoo.Core.Reconciliation;
using Sanoo.Core.Tally;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Testing;

namespace Sanoo.Samples.Tests;

/// <summary>The machine-against-hand ledger of the 2021 sample, checked against a direct computation from the protocols.</summary>
public class Kg2021LedgerTests
{
    [Fact]
    public void The_ledger_agrees_with_comparing_the_two_counts_directly()
    {
        var sample = Kg2021Generator.Generate();
        var engine = new TallyEngine(sample.Election);
        foreach (var protocol in sample.Machine.Concat(sample.Hand))
        {
            engine.Apply(protocol);
        }
        var rule = sample.Election.Reconciliation!;
        Assert.Equal((new SourceId("machine"), new SourceId("hand")), (rule.First, rule.Second));
        var ledger = Ledger.Of(engine.Freeze(), rule);

        var machine = sample.Machine.ToDictionary(p => (p.Station, p.Contest));
        var hand = sample.Hand.ToDictionary(p => (p.Station, p.Contest));
        var differing = hand.Keys
            .Where(k => machine.TryGetValue(k, out var m) && !(m.Lines.SequenceEqual(hand[k].Lines) && m.Votes.SequenceEqual(hand[k].Votes)))
            .ToHashSet();
        var handOnly = hand.Keys.Where(k => !machine.ContainsKey(k)).ToHashSet();

        Assert.Equal(hand.Count, ledger.Stations.Count);
        Assert.Equal(
            differing,
            ledger.Stations.Where(s => s.Class == ReconciliationClass.Discrepancy).Select(s => (s.Station, s.Contest)).ToHashSet());
        Assert.Equal(
            handOnly,
            ledger.Stations.Where(s => s.Class == ReconciliationClass.OneSideMissing).Select(s => (s.Station, s.Contest)).ToHashSet());
        Assert.NotEmpty(differing);

        var list = new ContestId(Kg2021Definition.ListContest);
        var nation = ledger.Area(sample.Election.Areas[0].Id, list)!;
        var listKeys = hand.Keys.Where(k => k.Contest == list && machine.ContainsKey(k)).ToList();
        Assert.Equal(listKeys.Count, nation.Compared);
        Assert.Equal(listKeys.Sum(k => hand[k].Votes.Zip(machine[k].Votes, (h, m) => Math.Abs((long)h - m)).Sum()), nation.VotesApart);
        var regions = sample.Election.Areas.Where(a => a.Level == 1).Select(a => ledger.Area(a.Id, list)!).ToList();
        Assert.Equal(nation.Discrepancy, regions.Sum(r => r.Discrepancy));
        Assert.Equal(nation.VotesApart, regions.Sum(r => r.VotesApart));
    }
}
