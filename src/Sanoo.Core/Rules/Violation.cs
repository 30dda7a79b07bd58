using System.Globalization;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Rules;

/// <summary>
/// A control relation that does not hold, with the values of both sides, so a commission can
/// see at once what is wrong and by how much.
/// </summary>
/// <param name="Relation">The relation's name.</param>
/// <param name="Rule">The relation as written, e.g. <c>valid = votes(*)</c>.</param>
/// <param name="Severity">Error (not counted) or warning (counted, flagged).</param>
/// <param name="LeftText">The left side as written.</param>
/// <param name="Left">The left side's value.</param>
/// <param name="Comparison">The comparison that failed.</param>
/// <param name="RightText">The right side as written.</param>
/// <param name="Right">The right side's value.</param>
public sealed record Violation(
    RelationId Relation,
    string Rule,
    Severity Severity,
    string LeftText,
    long Left,
    Comparison Comparison,
    string RightText,
    long Right)
{
    /// <summary>
    /// One line for people, e.g.
    /// <c>error valid_equals_votes (valid = votes(*)): valid is 1200, votes(*) is 1250</c>.
    /// </summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{(Severity == Severity.Error ? "error" : "warning")} {Relation} ({Rule}): {LeftText} is {Left}, {RightText} is {Right}");

    /// <inheritdoc />
    public override string ToString() => Describe();
}
