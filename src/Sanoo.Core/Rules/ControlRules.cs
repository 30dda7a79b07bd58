using System.Collections.Immutable;
using System.Numerics;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Rules;

/// <summary>
/// A contest's control relations and participation expression, parsed once when the
/// definition is loaded. Checking a protocol returns every violation, errors and warnings alike.
/// </summary>
public sealed class ControlRules
{
    internal ControlRules(ImmutableArray<CompiledRelation> relations, LinearForm participation)
    {
        Relations = relations;
        Participation = participation;
    }

    /// <summary>The relations, in the form's order.</summary>
    public ImmutableArray<CompiledRelation> Relations { get; }

    /// <summary>How many voters took part, from a protocol's or an area's lines.</summary>
    public LinearForm Participation { get; }

    /// <summary>Every relation that does not hold for these figures; empty when all hold.</summary>
    public ImmutableArray<Violation> Check<T>(ReadOnlySpan<T> lines, ReadOnlySpan<T> votes)
        where T : IBinaryInteger<T>
    {
        ImmutableArray<Violation>.Builder? found = null;
        foreach (var relation in Relations)
        {
            if (relation.Check(lines, votes) is { } violation)
            {
                (found ??= ImmutableArray.CreateBuilder<Violation>()).Add(violation);
            }
        }
        return found?.ToImmutable() ?? [];
    }

    /// <summary>
    /// Compiles the form's relations for a contest with the given choices. Every problem is
    /// reported with the relation's name; the result is null when there were problems.
    /// </summary>
    public static ControlRules? Compile(
        ProtocolForm form,
        IReadOnlyList<ChoiceId> choices,
        ICollection<(string Where, string Message)> problems)
    {
        var lineIndex = form.Lines.Select((line, i) => (line.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var choiceIndex = choices.Select((choice, i) => (choice, i)).ToDictionary(p => p.choice, p => p.i);
        var before = problems.Count;
        var relations = ImmutableArray.CreateBuilder<CompiledRelation>();
        foreach (var (spec, i) in form.Relations.Select((r, i) => (r, i)))
        {
            var where = $"relations[{i}].rule";
            switch (RelationParser.ParseRelation(spec.Rule))
            {
                case Parsed<ParsedRelation>.Failed failed:
                    problems.Add((where, $"relation '{spec.Id}' is malformed {failed.Error}: {spec.Rule}"));
                    break;
                case Parsed<ParsedRelation>.Ok ok:
                    var messages = new List<string>();
                    var left = LinearForm.Compile(ok.Value.Left, lineIndex, choiceIndex, messages);
                    var right = LinearForm.Compile(ok.Value.Right, lineIndex, choiceIndex, messages);
                    if (LinearForm.Difference(left, right).Constant != 0)
                    {
                        messages.Add("has a constant term; relations must hold for sums of protocols too, so constants are not allowed");
                    }
                    foreach (var message in messages)
                    {
                        problems.Add((where, $"relation '{spec.Id}' {message}"));
                    }
                    relations.Add(new CompiledRelation(spec, ok.Value, left, right));
                    break;
            }
        }
        LinearForm? participation = null;
        switch (RelationParser.ParseExpression(form.Participation))
        {
            case Parsed<ImmutableArray<Term>>.Failed failed:
                problems.Add(("participation", $"is malformed {failed.Error}: {form.Participation}"));
                break;
            case Parsed<ImmutableArray<Term>>.Ok ok:
                var messages = new List<string>();
                participation = LinearForm.Compile(ok.Value, lineIndex, choiceIndex, messages);
                if (participation.Constant != 0)
                {
                    messages.Add("has a constant term, which sums of protocols would not keep");
                }
                foreach (var message in messages)
                {
                    problems.Add(("participation", message));
                }
                break;
        }
        return problems.Count == before && participation is not null
            ? new ControlRules(relations.ToImmutable(), participation)
            : null;
    }
}
