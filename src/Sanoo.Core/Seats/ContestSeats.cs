using System.Collections.Immutable;
using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;

namespace Sanoo.Core.Seats;

/// <summary>Seats of a contest from a tally, under the contest's own rules.</summary>
public static class ContestSeats
{
    /// <summary>
    /// Allocates a party-list contest's seats from its tally at the contest's area, by the
    /// definition's seat rules. "Against all" takes no seats; it counts in the threshold base
    /// when the base is participation or valid ballots. The tie seed is "election/contest".
    /// The explanation names parties in <paramref name="language"/>.
    /// </summary>
    public static SeatAllocation PartyList(ContestPlan plan, AreaTally tally, string electionId, string language = "en")
    {
        var rules = plan.Contest.SeatRules ?? throw new ArgumentException($"contest '{plan.Contest.Id}' has no seat rules", nameof(plan));
        var parties = plan.Choices
            .Select((choice, i) => (choice, votes: tally.Votes[i]))
            .Where(p => p.choice.Kind == ChoiceKind.Party)
            .Select(p => new PartyVotes(p.choice.Id, p.votes, p.choice.Name.In(language)))
            .ToImmutableArray();
        var thresholdBase = rules.Threshold?.Base switch
        {
            ThresholdBase.Participation => tally.Participation,
            ThresholdBase.Valid => tally.TotalVotes,
            _ => parties.Sum(p => p.Votes),
        };
        return SeatAllocator.Allocate(new SeatRequest(
            plan.Contest.Seats,
            parties,
            SeatMethod.Find(rules.Method)!,
            rules.Threshold,
            thresholdBase,
            rules.MaxSeatsPerParty,
            $"{electionId}/{plan.Contest.Id}"));
    }

    /// <summary>The winner of a single-member contest by plurality, or why there is none.</summary>
    public static SingleMemberResult SingleMember(ContestPlan plan, AreaTally tally)
    {
        if (tally.StationsReporting == 0 || tally.TotalVotes == 0)
        {
            return new SingleMemberResult.NoWinner("no votes counted yet", []);
        }
        var most = tally.Votes.Max();
        var leaders = plan.Choices.Where((_, i) => tally.Votes[i] == most).ToImmutableArray();
        if (leaders.Length > 1)
        {
            return new SingleMemberResult.NoWinner($"tie between {string.Join(", ", leaders.Select(l => l.Id))} with {most} votes each", leaders);
        }
        var second = tally.Votes.Where((_, i) => plan.Choices[i].Id != leaders[0].Id).DefaultIfEmpty(0).Max();
        if (leaders[0].Kind == ChoiceKind.AgainstAll && plan.Contest.AgainstAllBlocks)
        {
            return new SingleMemberResult.NoWinner($"\"against all\" leads with {most} votes, {most - second} ahead: no one is elected and a repeat election is held", leaders);
        }
        return new SingleMemberResult.Elected(leaders[0], most, most - second);
    }
}

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
