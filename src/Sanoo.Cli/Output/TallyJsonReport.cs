using System.Text.Encodings.Web;
using System.Text.Json;
using Sanoo.Core.Seats;
using Sanoo.Web.SeatWording;

namespace Sanoo.Cli.Output;

/// <summary>Writes a <see cref="TallyView"/> as JSON for scripts (format in docs/protocol-format.md, "tally --json").</summary>
public static class TallyJsonReport
{
    /// <summary>Writes the report to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, TallyView view)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var tally = view.Tally;
        json.WriteStartObject();
        json.WriteString("election", view.Election.Id.Value);
        json.WriteString("contest", view.Plan.Contest.Id.Value);
        json.WriteString("source", view.Source.Id.Value);
        json.WriteString("area", view.Area.Id.Value);
        json.WriteNumber("snapshotPosition", view.Snapshot.Position);
        json.WriteStartObject("reporting");
        json.WriteNumber("stations", tally.StationsReporting);
        json.WriteNumber("stationsExpected", tally.StationsExpected);
        json.WriteNumber("registeredCovered", tally.RegisteredCovered);
        json.WriteNumber("registeredTotal", tally.RegisteredTotal);
        json.WriteEndObject();
        json.WriteNumber("participation", tally.Participation);
        json.WriteNumber("validVotes", tally.TotalVotes);
        json.WriteNumber("flagged", tally.Flagged);
        json.WriteStartObject("lines");
        for (var i = 0; i < view.Plan.Form.Lines.Length; i++)
        {
            json.WriteNumber(view.Plan.Form.Lines[i].Id.Value, tally.Lines[i]);
        }
        json.WriteEndObject();
        json.WriteStartArray("choices");
        foreach (var (choice, votes) in view.Ranked())
        {
            json.WriteStartObject();
            json.WriteString("id", choice.Id.Value);
            json.WriteString("name", choice.Name.In(view.Language));
            json.WriteNumber("votes", votes);
            json.WriteNumber("sharePercent", Format.Share(votes, tally.Participation));
            if (view.Seats?.Parties.FirstOrDefault(p => p.Party == choice.Id) is { } party)
            {
                json.WriteBoolean("passedThreshold", party.PassedThreshold);
                json.WriteNumber("seats", party.Seats);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (view.Seats is { } seats)
        {
            json.WriteStartObject("seats");
            json.WriteNumber("total", view.Plan.Contest.Seats);
            json.WriteString("method", view.Plan.Contest.SeatRules!.Method);
            WriteStrings(json, "steps", SeatWords.Steps(seats.Steps, view.Language));
            WriteStrings(json, "ties", SeatWords.Ties(seats.Ties, view.Language));
            json.WritePropertyName("stepData");
            SeatStepJson.Steps(seats.Steps).WriteTo(json);
            json.WritePropertyName("tieData");
            SeatStepJson.Ties(seats.Ties).WriteTo(json);
            json.WriteEndObject();
        }
        switch (view.Winner)
        {
            case SingleMemberResult.Elected elected:
                json.WriteStartObject("outcome");
                json.WriteString("elected", elected.Winner.Id.Value);
                json.WriteNumber("votes", elected.Votes);
                json.WriteNumber("margin", elected.Margin);
                WriteOutcomeSteps(json, elected, view.Language);
                json.WriteEndObject();
                break;
            case SingleMemberResult.NoWinner none:
                json.WriteStartObject("outcome");
                json.WriteNull("elected");
                json.WriteString("reason", SeatWords.NoWinner(none, view.Language));
                WriteOutcomeSteps(json, none, view.Language);
                json.WriteEndObject();
                break;
        }
        WriteLoad(json, view);
        json.WriteEndObject();
    }

    /// <summary>A single-member outcome's steps (majority, runoff, repeat election, turnout), worded and as data; nothing when it has none.</summary>
    private static void WriteOutcomeSteps(Utf8JsonWriter json, SingleMemberResult outcome, string language)
    {
        if (outcome.Steps.IsEmpty)
        {
            return;
        }
        json.WriteStartArray("steps");
        foreach (var step in SeatWords.Steps(outcome.Steps, language))
        {
            json.WriteStringValue(step);
        }
        json.WriteEndArray();
        json.WritePropertyName("stepData");
        SeatStepJson.Steps(outcome.Steps).WriteTo(json);
    }

    private static void WriteLoad(Utf8JsonWriter json, TallyView view)
    {
        var load = view.Load;
        json.WriteStartObject("input");
        json.WriteString("origin", load.Origin);
        json.WriteNumber("lines", load.Lines);
        json.WriteNumber("counted", load.Accepted);
        json.WriteNumber("duplicates", load.Duplicates);
        json.WriteNumber("flagged", load.Flagged.Length);
        json.WriteStartArray("flaggedProtocols");
        foreach (var item in load.Flagged)
        {
            json.WriteStartObject();
            json.WriteString("file", item.File);
            json.WriteNumber("line", item.Line);
            WriteProtocol(json, item.Protocol);
            WriteViolations(json, item.Violations);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("notCounted");
        foreach (var item in load.NotCounted)
        {
            json.WriteStartObject();
            json.WriteString("file", item.File);
            json.WriteNumber("line", item.Line);
            json.WriteString("outcome", item.Outcome);
            if (item.Protocol is { } p)
            {
                WriteProtocol(json, p);
            }
            WriteViolations(json, item.Violations);
            WriteStrings(json, "problems", item.Problems);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteProtocol(Utf8JsonWriter json, Core.Protocols.Protocol p)
    {
        json.WriteString("station", p.Station.Value);
        json.WriteString("contest", p.Contest.Value);
        json.WriteString("source", p.Source.Value);
        json.WriteNumber("version", p.Version);
    }

    private static void WriteViolations(Utf8JsonWriter json, IEnumerable<Core.Rules.Violation> violations)
    {
        json.WriteStartArray("violations");
        foreach (var v in violations)
        {
            json.WriteStartObject();
            json.WriteString("relation", v.Relation.Value);
            json.WriteString("rule", v.Rule);
            json.WriteString("severity", v.Severity.ToString().ToLowerInvariant());
            json.WriteNumber("left", v.Left);
            json.WriteNumber("right", v.Right);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }
}
