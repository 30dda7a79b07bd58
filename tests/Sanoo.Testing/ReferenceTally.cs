using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;

namespace Sanoo.Testing;

/// <summary>
/// The tally's specification written as plainly as possible, independent of the engine: in
/// each slot the protocol counted is the first to arrive among the valid protocols with the
/// highest version; an area's figures are the sums of the counted protocols of its stations.
/// </summary>
public static class ReferenceTally
{
    public static Dictionary<(AreaId, ContestId, SourceId), Protocol> Counted(Election election, IEnumerable<Protocol> arrivals)
    {
        var counted = new Dictionary<(AreaId, ContestId, SourceId), Protocol>();
        foreach (var protocol in arrivals)
        {
            var plan = election.Contest(protocol.Contest)!;
            var valid = plan.Rules.Check(protocol.Lines.AsSpan(), protocol.Votes.AsSpan()).All(v => v.Severity != Severity.Error);
            if (!valid)
            {
                continue;
            }
            if (!counted.TryGetValue(protocol.Slot, out var current) || protocol.Version > current.Version)
            {
                counted[protocol.Slot] = protocol;
            }
        }
        return counted;
    }

    /// <summary>The lines then votes summed over the counted protocols of the stations under an area.</summary>
    public static long[] Sum(Election election, IEnumerable<Protocol> counted, ContestId contest, SourceId source, AreaId area)
    {
        var plan = election.Contest(contest)!;
        var stations = election.StationsOf(election.AreaIndex(area)).ToArray().ToHashSet();
        var sums = new long[plan.Form.Lines.Length + plan.Choices.Length];
        foreach (var protocol in counted.Where(p => p.Contest == contest && p.Source == source))
        {
            var ordinal = election.StationOrdinal(election.AreaIndex(protocol.Station));
            if (!stations.Contains(ordinal))
            {
                continue;
            }
            var figures = protocol.Lines.Concat(protocol.Votes).ToArray();
            for (var i = 0; i < figures.Length; i++)
            {
                sums[i] += figures[i];
            }
        }
        return sums;
    }
}
