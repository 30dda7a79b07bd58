using System.Text.Json.Nodes;
using Sanoo.Core.Err;

namespace Sanoo.Cli.ErrImport;

/// <summary>
/// The choices of an ERR report: each <c>Party</c> a party, each <c>Candidate</c> a candidate (nominated by its <c>PartyId</c>), each
/// <c>BallotMeasureSelection</c> of a party or candidate contest "against all" (Sanoo writes "against all" so). One choice per id,
/// shared by every contest that offers it.
/// </summary>
public sealed class ErrChoices
{
    private readonly Dictionary<string, string> _parties = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _candidates = new(StringComparer.Ordinal);
    private readonly HashSet<string> _againstAll = new(StringComparer.Ordinal);
    private Func<IReadOnlyList<(string, string)>, JsonObject?> _names = _ => null;

    private ErrChoices()
    {
    }

    /// <summary>Every choice as definition JSON, parties first.</summary>
    public List<JsonObject> Json { get; } = [];

    /// <summary>The Sanoo ids of the choices (one namespace for every kind, as in a definition).</summary>
    public ErrLocalIds Ids { get; } = new(ErrIds.Party);

    /// <summary>The Sanoo ids of the contests.</summary>
    public ErrLocalIds Contests { get; } = new(ErrIds.Contest);

    /// <summary>Reads the parties and candidates of the report.</summary>
    public static ErrChoices Read(ErrNode report, ErrNode election, Func<IReadOnlyList<(string, string)>, JsonObject?> names)
    {
        var choices = new ErrChoices { _names = names };
        foreach (var party in report.Objects("Party").Where(p => p.Id is not null))
        {
            var id = choices.Ids.Of(party.Id!, ErrIds.Party);
            choices._parties[party.Id!] = id;
            choices.Json.Add(Choice(id, "party", names(party.Texts("Name")) ?? new JsonObject { ["en"] = id }, party));
        }
        foreach (var candidate in election.Objects("Candidate").Where(c => c.Id is not null))
        {
            var id = choices.Ids.Of(candidate.Id!, ErrIds.Candidate);
            choices._candidates[candidate.Id!] = id;
            var json = Choice(id, "candidate", names(candidate.Texts("BallotName")) ?? new JsonObject { ["en"] = id }, candidate);
            if (candidate.Text("PartyId") is { } party && choices._parties.TryGetValue(party, out var partyId))
            {
                json["party"] = partyId;
            }
            choices.Json.Add(json);
        }
        return choices;
    }

    /// <summary>
    /// The selections of a contest in ballot order (<c>SequenceOrder</c>, else file order) with the choice each is; null, with a note
    /// saying why, for a contest Sanoo cannot hold (a ballot measure, a retention contest, a selection of no known party or candidate).
    /// </summary>
    public static List<(ErrNode Node, string Choice)>? Of(ErrNode contest, ErrChoices choices, List<string> notes)
    {
        if (contest.Id is null || contest.Type is not ("PartyContest" or "CandidateContest"))
        {
            notes.Add($"Contest {contest.Id} is a {contest.Type ?? "contest of no type"}: Sanoo holds party-list and single-member contests "
                + "only, so it is left out.");
            return null;
        }
        var selections = contest.Objects("ContestSelection").Select((node, i) => (Node: node, Order: node.Number("SequenceOrder") ?? i))
            .OrderBy(s => s.Order)
            .Select(s => (s.Node, Choice: choices.ChoiceOf(s.Node)))
            .ToList();
        if (selections.FirstOrDefault(s => s.Choice is null) is { Node: { } unknown })
        {
            notes.Add($"Contest {contest.Id}: selection {unknown.Id} is of no party or candidate of the report: the contest is left out.");
            return null;
        }
        return [.. selections.Select(s => (s.Node, s.Choice!))];
    }

    private string? ChoiceOf(ErrNode selection) => selection.Type switch
    {
        "PartySelection" => selection.Refs("PartyIds") is [var party, ..] ? _parties.GetValueOrDefault(party) : null,
        "CandidateSelection" => selection.Refs("CandidateIds") is [var candidate, ..] ? _candidates.GetValueOrDefault(candidate) : null,
        "BallotMeasureSelection" => AgainstAll(selection),
        _ => null,
    };

    private string? AgainstAll(ErrNode selection)
    {
        var key = selection.External(ErrIds.SanooId) is { } sanoo ? "against-all:" + sanoo : selection.Id;
        if (key is null)
        {
            return null;
        }
        var id = Ids.Of(key, "against-all:");
        if (_againstAll.Add(id))
        {
            Json.Add(Choice(id, "against-all", _names(selection.Texts("Selection")) ?? new JsonObject { ["en"] = "Against all" }, selection));
        }
        return id;
    }

    private static JsonObject Choice(string id, string kind, JsonObject name, ErrNode node)
    {
        var json = new JsonObject { ["id"] = id, ["kind"] = kind, ["name"] = name };
        if (node.External(ErrIds.BallotNumber) is { } text && int.TryParse(text, out var number) && number > 0)
        {
            json["ballotNumber"] = number;
        }
        return json;
    }
}
