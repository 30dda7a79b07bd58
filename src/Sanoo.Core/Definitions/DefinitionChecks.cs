using System.Collections.Immutable;
using Sanoo.Core.Json;
using Sanoo.Core.Rules;
using Sanoo.Core.Seats;

namespace Sanoo.Core.Definitions;

/// <summary>The checks of a definition beyond its area tree: unique ids, choices, contests and their rules.</summary>
internal static class DefinitionChecks
{
    public static void CheckUniqueIds(ElectionDefinition d, List<JsonProblem> problems)
    {
        if (d.Sources.IsEmpty)
        {
            problems.Add(new JsonProblem("$.sources", "must declare at least one count source (e.g. \"hand\")"));
        }
        if (d.Contests.IsEmpty)
        {
            problems.Add(new JsonProblem("$.contests", "must declare at least one contest"));
        }
        Unique(d.Languages, l => l, "$.languages", "", problems);
        if (d.Reconciliation is { } rule)
        {
            foreach (var source in new[] { rule.First, rule.Second }.Where(s => !d.Sources.Any(known => known.Id == s)))
            {
                problems.Add(new JsonProblem("$.reconciliation.between", $"'{source}' is not a count source of this election"));
            }
        }
        Unique(d.Sources, s => s.Id.Value, "$.sources", ".id", problems);
        Unique(d.Forms, f => f.Id.Value, "$.forms", ".id", problems);
        Unique(d.Choices, c => c.Id.Value, "$.choices", ".id", problems);
        Unique(d.Contests, c => c.Id.Value, "$.contests", ".id", problems);
        for (var i = 0; i < d.Forms.Length; i++)
        {
            if (d.Forms[i].Lines.IsEmpty)
            {
                problems.Add(new JsonProblem($"$.forms[{i}].lines", "must list at least one line"));
            }
            Unique(d.Forms[i].Lines, l => l.Id.Value, $"$.forms[{i}].lines", ".id", problems);
            Unique(d.Forms[i].Relations, r => r.Id.Value, $"$.forms[{i}].relations", ".id", problems);
        }
    }

    public static void CheckChoices(ElectionDefinition d, List<JsonProblem> problems)
    {
        var byId = d.Choices.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First());
        for (var i = 0; i < d.Choices.Length; i++)
        {
            var choice = d.Choices[i];
            if (choice.Party is { } party)
            {
                if (choice.Kind != ChoiceKind.Candidate)
                {
                    problems.Add(new JsonProblem($"$.choices[{i}].party", "only a candidate has a nominating party"));
                }
                else if (!byId.TryGetValue(party, out var nominator) || nominator.Kind != ChoiceKind.Party)
                {
                    problems.Add(new JsonProblem($"$.choices[{i}].party", $"'{party}' is not a party choice of this election"));
                }
            }
        }
    }

    /// <summary>
    /// A party's copy (<see cref="CountSource.PartyCopy"/>) names a party of the election, at most one source per party; it is
    /// entered by that party's agents, so it is neither official nor device-signed nor entered twice, and there is an official
    /// count to compare it with. The reconciliation rule compares the commission's own counts, never a party's copy.
    /// </summary>
    public static void CheckPartyCopies(ElectionDefinition d, List<JsonProblem> problems)
    {
        var parties = new HashSet<ChoiceId>();
        for (var i = 0; i < d.Sources.Length; i++)
        {
            if (d.Sources[i].PartyCopy is not { } party)
            {
                continue;
            }
            var source = d.Sources[i];
            var at = $"$.sources[{i}]";
            if (!d.Choices.Any(c => c.Id == party && c.Kind == ChoiceKind.Party))
            {
                problems.Add(new JsonProblem($"{at}.partyCopy", $"'{party}' is not a party choice of this election"));
            }
            else if (!parties.Add(party))
            {
                problems.Add(new JsonProblem($"{at}.partyCopy", $"party '{party}' already has a copy source; one is enough"));
            }
            if (source.Official || source.DoubleEntry || source.Signed)
            {
                problems.Add(new JsonProblem(at, "a party's copy is entered by its agents: it cannot be official, "
                    + "entered twice or signed by a station device"));
            }
            if (d.Reconciliation is { } rule && (rule.First == source.Id || rule.Second == source.Id))
            {
                problems.Add(new JsonProblem("$.reconciliation.between", $"'{source.Id}' is a party's copy; "
                    + "every party's copy is compared with the official count on its own"));
            }
        }
        if (parties.Count > 0 && !d.Sources.Any(s => s.Official))
        {
            problems.Add(new JsonProblem("$.sources", "a party's copy is compared with the official count: declare one official source"));
        }
    }

    /// <summary>
    /// Checks every contest and compiles its relations; plans them when the area tree is sound
    /// (<paramref name="layout"/> not null). Contest and form problems are found either way.
    /// </summary>
    public static ImmutableArray<ContestPlan> PlanContests(ElectionDefinition d, ElectionLayout? layout, List<JsonProblem> problems)
    {
        var choices = d.Choices.GroupBy(c => c.Id).ToDictionary(g => g.Key, g => g.First());
        var forms = d.Forms.GroupBy(f => f.Id).ToDictionary(g => g.Key, g => (Form: g.First(), Index: d.Forms.IndexOf(g.First())));
        // The contests' areas only: a national map's million stations need not be indexed a second time.
        var areas = d.Contests.Select(c => c.Area).Distinct().ToDictionary(id => id, _ => (Area?)null);
        foreach (var a in d.Areas)
        {
            if (areas.TryGetValue(a.Id, out var known) && known is null)
            {
                areas[a.Id] = a;
            }
        }
        var plans = ImmutableArray.CreateBuilder<ContestPlan>(d.Contests.Length);
        for (var i = 0; i < d.Contests.Length; i++)
        {
            var contest = d.Contests[i];
            var path = $"$.contests[{i}]";
            var before = problems.Count;
            var areaIndex = layout?.AreaIndex.GetValueOrDefault(contest.Area, -1) ?? -1;
            var area = areas.GetValueOrDefault(contest.Area);
            if (area is null)
            {
                problems.Add(new JsonProblem($"{path}.area", $"'{contest.Area}' is not an area of this election"));
            }
            else if (area.IsStation)
            {
                problems.Add(new JsonProblem(
                    $"{path}.area",
                    $"'{contest.Area}' is a polling station; a contest is held in an area above the stations or in an area of a grouping"));
            }
            if (contest.SeatRules?.ApportionTo is { } apportionTo
                && !d.Levels.Take(d.TreeDepth - 1).Concat(d.Levels.Where(l => l.Grouping)).Any(l => l.Id == apportionTo))
            {
                problems.Add(new JsonProblem(
                    $"{path}.seatRules.apportionTo",
                    $"'{apportionTo}' is not a level above the stations or a grouping of this election"));
            }
            var resolved = ResolveChoices(contest, path, choices, problems);
            CheckSeats(contest, path, problems);
            ContestRuleChecks.Check(d, contest, path, problems);
            if (!forms.TryGetValue(contest.Form, out var form))
            {
                problems.Add(new JsonProblem($"{path}.form", $"'{contest.Form}' is not a protocol form of this election"));
                continue;
            }
            var ruleProblems = new List<(string Where, string Message)>();
            var rules = ControlRules.Compile(form.Form, [.. contest.Choices], ruleProblems);
            foreach (var (where, message) in ruleProblems)
            {
                // A form's own faults are reported once; a choice the contest lacks, per contest.
                var problem = message.Contains(LinearForm.NotAChoice, StringComparison.Ordinal)
                    ? new JsonProblem($"$.forms[{form.Index}].{where}", $"{message} '{contest.Id}'")
                    : new JsonProblem($"$.forms[{form.Index}].{where}", message);
                if (!problems.Contains(problem))
                {
                    problems.Add(problem);
                }
            }
            if (problems.Count > before || rules is null || layout is null)
            {
                continue;
            }
            var grouped = d.Levels[layout.Areas[areaIndex].Level].Grouping;
            var (start, end) = (layout.StationStart[areaIndex], layout.StationEnd[areaIndex]);
            ImmutableArray<int> tallyAreas = grouped
                ? [areaIndex]
                :
                [
                    .. Enumerable.Range(areaIndex, layout.Areas.Length - areaIndex)
                        .TakeWhile(k => k == areaIndex || IsUnder(layout, k, areaIndex))
                        .Where(k => !layout.Areas[k].IsStation),
                    .. Enumerable.Range(0, layout.Areas.Length)
                        .Where(k => d.Levels[layout.Areas[k].Level].Grouping && Within(layout, k, start, end)),
                ];
            if (contest.SeatRules?.ApportionTo is { } to
                && tallyAreas.Where(k => d.Levels[layout.Areas[k].Level].Id == to).Sum(k => layout.StationEnd[k] - layout.StationStart[k])
                    is var covered
                && covered != end - start)
            {
                // Seats apportioned to areas that miss some stations would throw those stations' votes away without a word.
                problems.Add(new JsonProblem(
                    $"{path}.seatRules.apportionTo",
                    string.Create(
                        System.Globalization.CultureInfo.InvariantCulture,
                        $"the areas of '{to}' that lie inside '{contest.Area}' hold {covered:N0} of its {end - start:N0} stations; ") +
                        "seats can be apportioned only to areas that together hold every station of the contest"));
                continue;
            }
            plans.Add(new ContestPlan(
                contest,
                plans.Count,
                areaIndex,
                resolved,
                form.Form,
                rules,
                start,
                end,
                grouped ? layout.StationList[start..end] : null,
                tallyAreas)
            {
                TieSeed = $"{d.Id}/{contest.Id}",
            });
        }
        return plans.ToImmutable();
    }

    private static ImmutableArray<Choice> ResolveChoices(
        Contest contest,
        string path,
        Dictionary<ChoiceId, Choice> choices,
        List<JsonProblem> problems)
    {
        var resolved = ImmutableArray.CreateBuilder<Choice>(contest.Choices.Length);
        var seen = new HashSet<ChoiceId>();
        var wanted = contest.Kind == ContestKind.PartyList ? ChoiceKind.Party : ChoiceKind.Candidate;
        for (var k = 0; k < contest.Choices.Length; k++)
        {
            var id = contest.Choices[k];
            if (!seen.Add(id))
            {
                problems.Add(new JsonProblem($"{path}.choices[{k}]", $"'{id}' is listed twice"));
            }
            else if (!choices.TryGetValue(id, out var choice))
            {
                problems.Add(new JsonProblem($"{path}.choices[{k}]", $"'{id}' is not a choice of this election"));
            }
            else if (choice.Kind != wanted && choice.Kind != ChoiceKind.AgainstAll)
            {
                problems.Add(new JsonProblem(
                    $"{path}.choices[{k}]",
                    $"'{id}' is a {(choice.Kind == ChoiceKind.Party ? "party" : "candidate")}, " +
                        $"which a {(contest.Kind == ContestKind.PartyList ? "party-list" : "single-member")} contest cannot have"));
            }
            else
            {
                resolved.Add(choice);
            }
        }
        if (contest.Choices.IsEmpty)
        {
            problems.Add(new JsonProblem($"{path}.choices", "must list at least one choice"));
        }
        if (resolved.Count(c => c.Kind == ChoiceKind.AgainstAll) > 1)
        {
            problems.Add(new JsonProblem($"{path}.choices", "lists \"against all\" more than once"));
        }
        return resolved.ToImmutable();
    }

    private static void CheckSeats(Contest contest, string path, List<JsonProblem> problems)
    {
        if (contest.Kind == ContestKind.SingleMember)
        {
            if (contest.Seats != 1)
            {
                problems.Add(new JsonProblem($"{path}.seats", $"a single-member contest fills one seat, found {contest.Seats}"));
            }
            if (contest.SeatRules is not null)
            {
                problems.Add(new JsonProblem($"{path}.seatRules", "a single-member contest is won by plurality and takes no seat rules"));
            }
            return;
        }
        if (contest.SeatRules is null)
        {
            problems.Add(new JsonProblem($"{path}.seatRules", "is missing: a party-list contest needs the law's seat rules"));
            return;
        }
        if (contest.AgainstAllBlocks)
        {
            problems.Add(new JsonProblem($"{path}.againstAllBlocks", "applies to single-member contests only"));
        }
        if (SeatMethod.Find(contest.SeatRules.Method) is null && contest.SeatRules.Method.Length > 0)
        {
            problems.Add(new JsonProblem(
                $"{path}.seatRules.method",
                $"unknown method '{contest.SeatRules.Method}' (known: {string.Join(", ", SeatMethod.All.Select(m => m.Name))})"));
        }
        if (contest.SeatRules.ApportionTo is not null && contest.SeatRules.MixedMember)
        {
            problems.Add(new JsonProblem($"{path}.seatRules", "apportionTo and mixedMember cannot be combined"));
        }
        if (contest.SeatRules.MaxSeatsPerParty is { } cap && cap > contest.Seats)
        {
            problems.Add(new JsonProblem($"{path}.seatRules.maxSeatsPerParty", $"is {cap}, more than the contest's {contest.Seats} seats"));
        }
    }

    /// <summary>Whether every station of the grouping area at <paramref name="k"/> has an ordinal in [start, end).</summary>
    private static bool Within(ElectionLayout layout, int k, int start, int end)
    {
        var (first, last) = (layout.StationStart[k], layout.StationEnd[k] - 1);
        return last >= first && layout.StationList[first] >= start && layout.StationList[last] < end;
    }

    private static bool IsUnder(ElectionLayout layout, int k, int ancestor)
    {
        for (var p = layout.Parent[k]; p >= 0; p = layout.Parent[p])
        {
            if (p == ancestor)
            {
                return true;
            }
        }
        return false;
    }

    private static void Unique<T>(ImmutableArray<T> items, Func<T, string> id, string path, string field, List<JsonProblem> problems)
    {
        var firstAt = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Length; i++)
        {
            var key = id(items[i]);
            if (key.Length > 0 && !firstAt.TryAdd(key, i))
            {
                problems.Add(new JsonProblem($"{path}[{i}]{field}", $"duplicate id '{key}' (first at {path}[{firstAt[key]}])"));
            }
        }
    }
}
