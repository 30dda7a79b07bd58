using System.Collections.Immutable;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;

namespace Sanoo.Samples.RealElections;

/// <summary>How many protocols break one control relation, with a few examples.</summary>
/// <param name="Relation">The relation's id.</param>
/// <param name="Rule">The relation as written.</param>
/// <param name="Severity">Error (the protocol is not counted) or warning (counted and flagged).</param>
/// <param name="Count">Protocols that break it.</param>
/// <param name="Examples">Up to five, each "station: left is L, right is R".</param>
public sealed record RelationBreaks(string Relation, string Rule, Severity Severity, int Count, ImmutableArray<string> Examples);

/// <summary>Every control relation checked on every protocol: which stations of real data break which relation.</summary>
public static class RelationReport
{
    /// <summary>One line per relation of each contest's form, in form order, with the protocols that break it.</summary>
    public static ImmutableArray<RelationBreaks> Of(Election election, IEnumerable<Protocol> protocols)
    {
        var counts = new Dictionary<(string Relation, string Rule, Severity Severity), (int Count, List<string> Examples)>();
        foreach (var plan in election.Contests)
        {
            foreach (var relation in plan.Rules.Relations)
            {
                counts.TryAdd((relation.Spec.Id.Value, relation.Spec.Rule, relation.Spec.Severity), (0, []));
            }
        }
        foreach (var protocol in protocols)
        {
            var plan = election.Contest(protocol.Contest)!;
            foreach (var violation in plan.Rules.Check(protocol.Lines.AsSpan(), protocol.Votes.AsSpan()))
            {
                var key = (violation.Relation.Value, violation.Rule, violation.Severity);
                var (count, examples) = counts[key];
                if (examples.Count < 5)
                {
                    examples.Add(string.Create(
                        System.Globalization.CultureInfo.InvariantCulture,
                        $"{protocol.Station}: {violation.LeftText} is {violation.Left}, {violation.RightText} is {violation.Right}"));
                }
                counts[key] = (count + 1, examples);
            }
        }
        return [.. counts.Select(p => new RelationBreaks(p.Key.Relation, p.Key.Rule, p.Key.Severity, p.Value.Count, [.. p.Value.Examples]))];
    }
}
