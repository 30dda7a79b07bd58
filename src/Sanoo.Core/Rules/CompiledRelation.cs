using System.Numerics;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Rules;

/// <summary>A control relation compiled for one contest; see <see cref="ControlRules"/>.</summary>
/// <param name="Spec">The relation as the definition states it.</param>
/// <param name="Parsed">Its parse.</param>
/// <param name="Left">The left side, compiled.</param>
/// <param name="Right">The right side, compiled.</param>
public sealed record CompiledRelation(RelationSpec Spec, ParsedRelation Parsed, LinearForm Left, LinearForm Right)
{
    /// <summary>The violation for these figures, or null when the relation holds.</summary>
    public Violation? Check<T>(ReadOnlySpan<T> lines, ReadOnlySpan<T> votes)
        where T : IBinaryInteger<T>
    {
        var left = Left.Evaluate(lines, votes);
        var right = Right.Evaluate(lines, votes);
        return Parsed.Comparison.Holds(left, right)
            ? null
            : new Violation(Spec.Id, Spec.Rule, Spec.Severity, Parsed.LeftText, left, Parsed.Comparison, Parsed.RightText, right);
    }
}
