using Sanoo.Core.Definitions;

namespace Sanoo.Core.Rules;

/// <summary>What a term of a relation counts: a line, all votes, one choice's votes, or 1 (a constant).</summary>
public abstract record Operand
{
    private Operand()
    {
    }

    /// <summary>A protocol line, e.g. <c>valid</c>.</summary>
    public sealed record Line(LineId Id) : Operand;

    /// <summary><c>votes(*)</c>: the sum of the votes for every choice of the contest.</summary>
    public sealed record AllVotes : Operand;

    /// <summary><c>votes(X)</c>: the votes for one choice.</summary>
    public sealed record ChoiceVotes(ChoiceId Choice) : Operand;

    /// <summary>The number 1; a term <c>7 × One</c> is the constant 7.</summary>
    public sealed record One : Operand;
}
