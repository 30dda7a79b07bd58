using System.Globalization;
using Sanoo.Core.Json;

namespace Sanoo.Core.Definitions;

/// <summary>
/// Checks of the rules that decide whether and how a contest is won beyond plurality and proportional shares: absolute
/// majority, the runoff's link to its first round, minimum turnout and apportionment agreements.
/// </summary>
internal static class ContestRuleChecks
{
    public static void Check(ElectionDefinition d, Contest contest, string path, List<JsonProblem> problems)
    {
        if (contest.Kind != ContestKind.SingleMember)
        {
            if (contest.AbsoluteMajority is not null)
            {
                problems.Add(new JsonProblem($"{path}.majority", "applies to single-member contests only"));
            }
            if (contest.RunoffOf is not null)
            {
                problems.Add(new JsonProblem($"{path}.runoffOf", "applies to single-member contests only"));
            }
        }
        if (contest.RunoffOf is { } first)
        {
            CheckRunoff(d, contest, first, path, problems);
        }
        if (contest.SeatRules is { Agreements.IsEmpty: false } rules)
        {
            CheckAgreements(d, contest, rules, path, problems);
        }
    }

    private static void CheckRunoff(ElectionDefinition d, Contest contest, ContestId first, string path, List<JsonProblem> problems)
    {
        var round = d.Contests.FirstOrDefault(c => c.Id == first);
        if (round is null || round.Id == contest.Id)
        {
            problems.Add(new JsonProblem($"{path}.runoffOf", $"'{first}' is not another contest of this election"));
            return;
        }
        if (round.Kind != ContestKind.SingleMember || round.AbsoluteMajority is null)
        {
            problems.Add(new JsonProblem($"{path}.runoffOf", $"'{first}' is not a single-member contest decided by absolute majority"));
        }
        var candidates = contest.Choices.Where(c => d.Choices.Any(k => k.Id == c && k.Kind == ChoiceKind.Candidate)).ToList();
        if (candidates.Count != 2)
        {
            problems.Add(new JsonProblem(
                $"{path}.choices",
                $"a runoff is between two candidates, found {candidates.Count.ToString(CultureInfo.InvariantCulture)}"));
        }
        foreach (var candidate in candidates.Where(c => !round.Choices.Contains(c)))
        {
            problems.Add(new JsonProblem($"{path}.choices", $"'{candidate}' did not stand in the first round '{first}'"));
        }
    }

    private static void CheckAgreements(ElectionDefinition d, Contest contest, SeatRules rules, string path, List<JsonProblem> problems)
    {
        if (rules.MaxSeatsPerParty is not null || rules.ApportionTo is not null || rules.MixedMember)
        {
            problems.Add(new JsonProblem($"{path}.seatRules.agreements", "cannot be combined with maxSeatsPerParty, apportionTo or mixedMember"));
        }
        var seen = new HashSet<ChoiceId>();
        for (var a = 0; a < rules.Agreements.Length; a++)
        {
            var agreement = rules.Agreements[a];
            var at = $"{path}.seatRules.agreements[{a.ToString(CultureInfo.InvariantCulture)}]";
            if (agreement.Length < 2)
            {
                problems.Add(new JsonProblem(at, "an agreement joins at least two parties"));
            }
            foreach (var member in agreement)
            {
                if (!contest.Choices.Contains(member) || !d.Choices.Any(c => c.Id == member && c.Kind == ChoiceKind.Party))
                {
                    problems.Add(new JsonProblem(at, $"'{member}' is not a party of this contest"));
                }
                else if (!seen.Add(member))
                {
                    problems.Add(new JsonProblem(at, $"'{member}' is in more than one agreement"));
                }
            }
        }
    }
}
