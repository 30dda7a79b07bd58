namespace Sanoo.Core.Rules;

/// <summary>One term of a linear expression: an integer coefficient times an operand.</summary>
/// <param name="Coefficient">The multiplier, e.g. -1 for a subtracted line.</param>
/// <param name="Operand">What is multiplied.</param>
public sealed record Term(long Coefficient, Operand Operand);
