using System.Collections.Immutable;

namespace Sanoo.Core.Rules;

/// <summary>
/// A control relation after parsing: two linear expressions compared. The relation language is
/// linear on purpose: a linear relation without constant terms that holds for each protocol
/// also holds for their sums, so the same relations check every area's totals before a
/// snapshot is published.
/// </summary>
/// <param name="Left">Terms of the left side.</param>
/// <param name="Comparison">The comparison.</param>
/// <param name="Right">Terms of the right side.</param>
/// <param name="LeftText">The left side as written, for messages.</param>
/// <param name="RightText">The right side as written, for messages.</param>
public sealed record ParsedRelation(
    ImmutableArray<Term> Left,
    Comparison Comparison,
    ImmutableArray<Term> Right,
    string LeftText,
    string RightText);
