using System.Collections.Immutable;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Seats;

/// <summary>The outcome of a single-member contest, as data; Sanoo.Web's SeatWording says why there is no winner in any language.</summary>
public abstract record SingleMemberResult
{
    private SingleMemberResult()
    {
    }

    /// <summary>The steps that explain the outcome beyond plurality: a majority, a runoff, a repeat election, turnout (often empty).</summary>
    public ImmutableArray<SeatStep> Steps { get; init; } = [];

    /// <summary>A candidate is elected.</summary>
    /// <param name="Winner">The candidate.</param>
    /// <param name="Votes">Their votes.</param>
    /// <param name="Margin">Votes ahead of the runner-up ("against all" included).</param>
    public sealed record Elected(Choice Winner, long Votes, long Margin) : SingleMemberResult;

    /// <summary>No one is elected: nothing counted, a tie for first, "against all" leads where it blocks, a runoff, or turnout too low.</summary>
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

        /// <summary>No candidate has the absolute majority the contest requires: the top two go to a runoff.</summary>
        /// <param name="Finalists">The two candidates (one if only one stood), most votes first.</param>
        /// <param name="Votes">Their votes, in the same order.</param>
        public sealed record RunoffRequired(ImmutableArray<Choice> Finalists, ImmutableArray<long> Votes) : NoWinner(Finalists);

        /// <summary>Turnout is below the contest's minimum: the election there is invalid.</summary>
        /// <param name="Percent">The minimum, in percent of the registered voters.</param>
        /// <param name="Participation">Voters who took part.</param>
        /// <param name="Registered">Voters on the lists of the stations counted.</param>
        public sealed record TurnoutTooLow(decimal Percent, long Participation, long Registered) : NoWinner([]);
    }
}
