using System.Collections.Immutable;
using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;

namespace Sanoo.Core.Seats;

/// <summary>
/// Decides a single-member contest. In order: nothing counted; turnout below the contest's minimum (invalid, no one elected);
/// a tie for first (no winner); "against all" in the lead where it blocks (a repeat election); then plurality, or with an
/// absolute majority rule more than half of the base, else a runoff between the top two candidates. "Against all" is
/// never elected: where it leads without blocking, the candidate with the most votes wins.
/// </summary>
internal static class SingleMemberWinner
{
    public static SingleMemberResult Decide(ContestPlan plan, AreaTally tally, string language)
    {
        if (tally.StationsReporting == 0 || tally.TotalVotes == 0)
        {
            return new SingleMemberResult.NoWinner.NothingCounted();
        }
        if (MinimumTurnout.Check(plan.Contest, tally) is { } low)
        {
            return new SingleMemberResult.NoWinner.TurnoutTooLow(low.Percent, low.Participation, low.Registered) { Steps = [low] };
        }
        var votes = tally.Votes;
        var most = votes.Max();
        var leaders = plan.Choices.Where((_, i) => votes[i] == most).ToImmutableArray();
        if (leaders.Length > 1 && plan.Contest.AbsoluteMajority is null)
        {
            return new SingleMemberResult.NoWinner.Tie(leaders, most);
        }
        var second = votes.Where((_, i) => plan.Choices[i].Id != leaders[0].Id).DefaultIfEmpty(0).Max();
        if (leaders.Length == 1 && leaders[0].Kind == ChoiceKind.AgainstAll && plan.Contest.AgainstAllBlocks)
        {
            return new SingleMemberResult.NoWinner.AgainstAllLeads(leaders[0], most, most - second)
            {
                Steps = [new SeatStep.RepeatElection(most, most - second)],
            };
        }
        if (plan.Contest.AbsoluteMajority is { } majorityBase)
        {
            return Majority(plan, tally, majorityBase, language);
        }
        if (leaders[0].Kind != ChoiceKind.AgainstAll)
        {
            return new SingleMemberResult.Elected(leaders[0], most, most - second);
        }
        return BestCandidate(plan, votes);
    }

    /// <summary>"Against all" leads but does not block: the seat goes to the candidate with the most votes.</summary>
    private static SingleMemberResult BestCandidate(ContestPlan plan, ImmutableArray<long> votes)
    {
        var candidates = Candidates(plan).ToList();
        var most = candidates.Select(i => votes[i]).DefaultIfEmpty(0).Max();
        if (most == 0)
        {
            return new SingleMemberResult.NoWinner.NothingCounted();
        }
        var leaders = candidates.Where(i => votes[i] == most).Select(i => plan.Choices[i]).ToImmutableArray();
        if (leaders.Length > 1)
        {
            return new SingleMemberResult.NoWinner.Tie(leaders, most);
        }
        var next = candidates.Where(i => votes[i] != most).Select(i => votes[i]).DefaultIfEmpty(0).Max();
        return new SingleMemberResult.Elected(leaders[0], most, most - next);
    }

    private static SingleMemberResult Majority(ContestPlan plan, AreaTally tally, ThresholdBase majorityBase, string language)
    {
        var votes = tally.Votes;
        var seed = plan.TieSeed;
        var ranked = Candidates(plan)
            .OrderByDescending(i => votes[i])
            .ThenBy(i => Convert.ToHexString(SeatAllocator.Lottery(seed, plan.Choices[i].Id)), StringComparer.Ordinal)
            .ToList();
        var (total, basis) = majorityBase == ThresholdBase.Participation
            ? (tally.Participation, ThresholdBasis.Participation)
            : (tally.TotalVotes, ThresholdBasis.ValidBallots);
        if (ranked.Count == 0 || votes[ranked[0]] == 0)
        {
            return new SingleMemberResult.NoWinner.NothingCounted();
        }
        var top = ranked[0];
        if (votes[top] * 2 > total)
        {
            var runnerUp = votes.Where((_, i) => i != top).DefaultIfEmpty(0).Max();
            return new SingleMemberResult.Elected(plan.Choices[top], votes[top], votes[top] - runnerUp)
            {
                Steps = [new SeatStep.MajorityReached(Named(plan, language, top), votes[top], total, basis)],
            };
        }
        var finalists = ranked.Take(2).ToList();
        var steps = ImmutableArray.CreateBuilder<SeatStep>();
        if (ranked.Count > 2 && votes[ranked[1]] == votes[ranked[2]])
        {
            var edge = votes[ranked[1]];
            var tied = ranked.Where(i => votes[i] == edge).ToList();
            steps.Add(new SeatStep.RunoffPlaceTie(
                edge,
                finalists.Count(i => votes[i] == edge),
                [.. tied.Order().Select(i => Named(plan, language, i))],
                [.. tied.Select(i => Named(plan, language, i))],
                seed));
        }
        steps.Add(new SeatStep.RunoffBetween(
            [.. finalists.Select(i => Named(plan, language, i))], [.. finalists.Select(i => votes[i])], total, basis));
        return new SingleMemberResult.NoWinner.RunoffRequired([.. finalists.Select(i => plan.Choices[i])], [.. finalists.Select(i => votes[i])])
        {
            Steps = steps.ToImmutable(),
        };
    }

    private static IEnumerable<int> Candidates(ContestPlan plan) =>
        Enumerable.Range(0, plan.Choices.Length).Where(i => plan.Choices[i].Kind != ChoiceKind.AgainstAll);

    private static StepParty Named(ContestPlan plan, string language, int i) => new(plan.Choices[i].Id, plan.Choices[i].Name.In(language));
}
