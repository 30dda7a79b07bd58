using System.Collections.Immutable;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Seats;

/// <summary>The outcome of a single-member contest, as data; Sanoo.Web's SeatWording says why there is no winner in any language.</summary>
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

    /// <summary>No one is elected: nothing counted yet, a tie for first, or "against all" leads where it blocks election.</summary>
    public abstract record NoWinner : SingleMemberResult
    {
        private NoWinner(ImmutableArray<Choice> leaders) => Leaders = leaders;

        /// <summary>The choices in first place (empty when nothing is counted).</summary>
        public ImmutableArray<Choice> Leaders { get; }

        /// <summary>No station has reported, or no vote is counted.</summary>
        public sealed record NothingCounted() : NoWinner([]);

        /// <summary>Two or more choices share first place.</summary>
        /// <param name="Leaders">The tied choices.</param>
        /// <param name="Votes">The votes each of them has.</param>
        public sealed record Tie(ImmutableArray<Choice> Leaders, long Votes) : NoWinner(Leaders);

        /// <summary>"Against all" leads and the contest says that blocks election: a repeat election is held.</summary>
        /// <param name="AgainstAll">The "against all" choice.</param>
        /// <param name="Votes">Its votes.</param>
        /// <param name="Margin">Votes ahead of the runner-up.</param>
        public sealed record AgainstAllLeads(Choice AgainstAll, long Votes, long Margin) : NoWinner([AgainstAll]);
    }
}
