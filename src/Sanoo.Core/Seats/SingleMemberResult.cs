using System.Collections.Immutable;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Seats;

/// <summary>The outcome of a single-member contest.</summary>
public abstract record SingleMemberResult
{
    private SingleMemberResult()
    {
    }

    /// <summary>A candidate is elected.</summary>
    /// <param name="Winner">The candidate.</param>
    /// <param name="Votes">Their votes.</param>
    /// <param name="Margin">Votes ahead of the runner-up ("against all" included).</param>
    public sealed record Elected(Choice Winner, long Votes, long Margin) : SingleMemberResult;

    /// <summary>No one is elected, with the reason ("against all" leads, a tie, nothing counted).</summary>
    public sealed record NoWinner(string Reason, ImmutableArray<Choice> Leaders) : SingleMemberResult;
}
