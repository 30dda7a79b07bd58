using System.Text.Json;
using System.Text.Json.Nodes;
using Sanoo.Core.Definitions;
using Sanoo.Core.Err;
using Sanoo.Samples.RealElections;

namespace Sanoo.Cli.ErrImport;

/// <summary>
/// Reads an NIST SP 1500-100 v2 Election Results Reporting report into a Sanoo definition and protocol files (docs/err.md): the map
/// from its GpUnits, the choices from its parties, candidates and selections, one protocol per station, contest and count source
/// from its station-level counts. What ERR cannot carry (the protocol form and its control relations, seat rules, which count is
/// signed) is replaced by stated defaults, each named in <see cref="ImportedElection.Notes"/>.
/// </summary>
public static class ErrImporter
{
    /// <summary>The one protocol form of an imported election: ballots cast, ballots rejected, and the votes.</summary>
    public const string Form = "err";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Imports the report; a report Sanoo cannot read at all is a <see cref="FormatException"/> saying why.</summary>
    public static ImportedElection Import(ErrNode report)
    {
        if (report.Type is not (null or "ElectionReport"))
        {
            throw new FormatException($"the file holds an {report.Type}, not an ElectionReport");
        }
        var elections = report.Objects("Election").ToList();
        var election = elections.FirstOrDefault() ?? throw new FormatException("the report holds no Election");
        var notes = new List<string>();
        if (elections.Count > 1)
        {
            notes.Add($"The report holds {elections.Count} elections; only the first, {election.Text("Name") ?? "unnamed"}, is imported.");
        }
        var languages = election.Texts("Name").Select(t => t.Language).Where(IdSyntax.IsValid).Distinct().ToList();
        languages = languages.Count == 0 ? ["en"] : languages;
        JsonObject? Names(IReadOnlyList<(string Language, string Text)> texts)
        {
            var named = texts.Where(t => IdSyntax.IsValid(t.Language) && !string.IsNullOrWhiteSpace(t.Text)).DistinctBy(t => t.Language).ToList();
            return named.Count == 0 ? null : new JsonObject(named.Select(t => KeyValuePair.Create(t.Language, (JsonNode?)t.Text)));
        }
        var scope = election.Text("ElectionScopeId") ?? throw new FormatException("the election names no ElectionScopeId");
        var areas = ErrAreas.Read(report, scope, unit => Names(unit.Texts("Name")));
        var id = new ErrLocalIds("").Of(election.External(ErrIds.SanooId) ?? report.Text("IssuerAbbreviation") ?? "err-election");
        var choices = ErrChoices.Read(report, election, Names);
        var contests = new JsonArray();
        var counts = new ErrContestCounts(areas, election);
        foreach (var contest in election.Objects("Contest"))
        {
            if (ErrChoices.Of(contest, choices, notes) is not { } selections)
            {
                continue;
            }
            if (contest.Text("ElectionDistrictId") is not { } district || !areas.Ids.Knows(district))
            {
                notes.Add($"Contest {contest.Id} is held in {contest.Text("ElectionDistrictId")}, which is not on the map: left out.");
                continue;
            }
            var book = counts.Read(contest, selections);
            contests.Add(Contest(contest, choices, selections, areas.Ids.Of(district), book, counts, Names, notes));
            counts.Add(choices.Contests.Of(contest.Id!, ErrIds.Contest), book);
        }
        var sources = counts.Sources(election.External(ErrIds.OfficialSource), notes);
        var definition = new JsonObject
        {
            ["format"] = "sanoo-election/1",
            ["id"] = id,
            ["name"] = Names(election.Texts("Name")) ?? new JsonObject { ["en"] = election.Text("Name") ?? id },
            ["date"] = election.Text("StartDate") ?? throw new FormatException("the election has no StartDate"),
            ["languages"] = new JsonArray([.. languages.Select(l => (JsonNode)l)]),
            ["sources"] = sources,
            ["forms"] = new JsonArray(FormJson()),
            ["choices"] = new JsonArray([.. choices.Json]),
            ["contests"] = contests,
            ["levels"] = new JsonArray([.. areas.Levels.Select(l => (JsonNode)new JsonObject { ["id"] = l })]),
            ["areas"] = new JsonArray([.. areas.Areas]),
        };
        if (areas.Groupings.Count > 0)
        {
            definition["groupings"] = new JsonArray([.. areas.Groupings.Select(l => (JsonNode)new JsonObject { ["id"] = l })]);
        }
        var json = JsonSerializer.SerializeToUtf8Bytes(definition, Indented);
        var loaded = DefinitionReader.Read(json) switch
        {
            DefinitionResult.Loaded ok => ok.Election,
            DefinitionResult.Invalid invalid => throw new FormatException(
                "the report does not make a sound election: " + string.Join("; ", invalid.Problems.Take(10))),
            _ => throw new InvalidOperationException(),
        };
        notes.AddRange(Lost(areas));
        return new ImportedElection(json, loaded, counts.Protocols(loaded, areas, notes), [.. notes]);
    }

    private static JsonObject Contest(
        ErrNode contest,
        ErrChoices choices,
        List<(ErrNode Node, string Choice)> selections,
        string area,
        ErrCountBook book,
        ErrContestCounts counts,
        Func<IReadOnlyList<(string, string)>, JsonObject?> names,
        List<string> notes)
    {
        var contestId = choices.Contests.Of(contest.Id!, ErrIds.Contest);
        var json = new JsonObject
        {
            ["id"] = contestId,
            ["kind"] = contest.Type == "PartyContest" ? "party-list" : "single-member",
            ["name"] = names(contest.Texts("BallotTitle")) ?? new JsonObject { ["en"] = contest.Text("Name") ?? contestId },
            ["area"] = area,
            ["form"] = Form,
            ["choices"] = new JsonArray([.. selections.Select(s => (JsonNode)s.Choice)]),
        };
        if (contest.Type == "PartyContest")
        {
            var seats = counts.SeatsOf(book);
            json["seats"] = Math.Max(seats, 1);
            json["seatRules"] = new JsonObject { ["method"] = "hare" };
            notes.Add(seats > 0
                ? $"Contest {contestId}: ERR carries the seats won ({seats}) but not the law's seat rules: the definition says largest "
                    + "remainder (hare) with no threshold. Write the real rules into election.json before reading its seats."
                : $"Contest {contestId}: ERR carries neither its seats nor its seat rules: the definition says 1 seat by largest remainder "
                    + "(hare). Write the real ones into election.json before reading its seats.");
        }
        return json;
    }

    private static JsonObject FormJson() => new()
    {
        ["id"] = Form,
        ["lines"] = new JsonArray(
            new JsonObject { ["id"] = "ballots_cast", ["name"] = new JsonObject { ["en"] = "Ballots cast" } },
            new JsonObject { ["id"] = "ballots_rejected", ["name"] = new JsonObject { ["en"] = "Ballots rejected (cast, with no valid vote)" } }),
        ["relations"] = new JsonArray(
            new JsonObject { ["id"] = "cast", ["rule"] = "ballots_cast = ballots_rejected + votes(*)", ["severity"] = "error" }),
        ["participation"] = "ballots_cast",
    };

    private static IEnumerable<string> Lost(ErrAreas areas)
    {
        yield return "ERR carries no protocol form: every contest is written on one form, \"err\", with two lines, ballots_cast "
            + "(BallotsCast) and ballots_rejected (BallotsRejected), and one control relation, ballots_cast = ballots_rejected + votes(*). "
            + "The original form's other lines and relations are not in the file.";
        yield return "ERR does not say which counts were signed by station devices or entered twice: every source is imported unsigned.";
        yield return "Levels are named by their ReportingUnitType (or OtherType); their headings are not in ERR. Registered voters are "
            + "VotersRegistered of each station, all on the main list.";
        if (areas.WithoutRegistered > 0)
        {
            yield return $"{areas.WithoutRegistered} stations have no VotersRegistered: given 0 registered voters.";
        }
        if (areas.LeftOut > 0)
        {
            yield return $"{areas.LeftOut} GpUnits are neither under the election's scope nor a grouping of its areas: left out.";
        }
    }
}
