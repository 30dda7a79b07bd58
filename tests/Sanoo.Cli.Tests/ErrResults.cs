using System.Globalization;
using Sanoo.Core.Definitions;
using Sanoo.Core.Err;
using Sanoo.Core.Tally;
using Sanoo.Testing;

namespace Sanoo.Cli.Tests;

/// <summary>
/// What an ERR round trip must keep, read from a snapshot: for every contest, count source, and area it is tallied in (stations
/// included), the votes per choice, the voters who took part, the stations reporting and expected, and the registered voters. A
/// station that reports nothing has no line. Lines are keyed by ids, so two elections can be compared as dictionaries.
/// </summary>
public static class ErrResults
{
    /// <summary>Every result of the snapshot, by contest, source and area.</summary>
    public static Dictionary<string, string> Of(Snapshot snapshot)
    {
        var election = snapshot.Election;
        var results = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var plan in election.Contests)
        {
            foreach (var source in election.ResultSources)
            {
                foreach (var areaIndex in plan.TallyAreas)
                {
                    var area = election.Areas[areaIndex].Id;
                    var t = snapshot.Tally(plan.Contest.Id, source.Id, area)!;
                    results[$"{plan.Contest.Id}/{source.Id}/{area}"] = string.Join(
                        ' ',
                        [.. t.Votes.Select(Text), Text(t.Participation), Text(t.StationsReporting), Text(t.StationsExpected), Text(t.RegisteredTotal),
                            Text(t.RegisteredCovered)]);
                }
                foreach (var figures in ErrCounts.Of(snapshot, plan, source).Where(f => election.Areas[election.AreaIndex(f.Area)].IsStation))
                {
                    var registered = election.RegisteredVoters(election.AreaIndex(figures.Area));
                    results[$"{plan.Contest.Id}/{source.Id}/{figures.Area}"] =
                        string.Join(' ', [.. figures.Votes.Select(Text), Text(figures.Participation), Text(registered)]);
                }
            }
        }
        return results;
    }

    /// <summary>The snapshot of <paramref name="election"/> with every protocol of <paramref name="protocols"/> applied.</summary>
    public static Snapshot Tally(Election election, IEnumerable<Core.Protocols.Protocol> protocols)
    {
        var engine = new TallyEngine(election);
        foreach (var protocol in protocols)
        {
            engine.Apply(protocol);
        }
        return engine.Freeze();
    }

    /// <summary>The keys whose values differ between two result sets (at most 10), and the keys only one has.</summary>
    public static IReadOnlyList<string> Differences(Dictionary<string, string> expected, Dictionary<string, string> actual) =>
        [.. expected.Where(e => !actual.TryGetValue(e.Key, out var a) || a != e.Value)
            .Select(e => $"{e.Key}: {e.Value} became {actual.GetValueOrDefault(e.Key) ?? "nothing"}")
            .Concat(actual.Keys.Except(expected.Keys).Select(k => $"{k}: appeared"))
            .Take(10)];

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
