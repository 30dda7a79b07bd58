using System.Text.Json;

namespace Sanoo.Samples.RealElections;

/// <summary>The pieces of a definition every importer writes the same way: names, areas, a protocol form, a party-list contest.</summary>
internal static class ImportJson
{
    /// <summary>A name in the languages given (a missing text is left out).</summary>
    public static void Names(Utf8JsonWriter json, string property, params (string Language, string? Text)[] texts)
    {
        json.WriteStartObject(property);
        foreach (var (language, text) in texts.Where(t => !string.IsNullOrEmpty(t.Text)))
        {
            json.WriteString(language, text);
        }
        json.WriteEndObject();
    }

    /// <summary>An area; a station has its voters on the main list.</summary>
    public static void Area(
        Utf8JsonWriter json,
        string id,
        string kind,
        string? parent,
        (string Language, string? Text)[] names,
        int? registered = null)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("kind", kind);
        if (parent is not null)
        {
            json.WriteString("parent", parent);
        }
        if (names.Any(n => !string.IsNullOrEmpty(n.Text)))
        {
            Names(json, "name", names);
        }
        if (registered is { } r)
        {
            json.WriteNumber("registered", r);
        }
        json.WriteEndObject();
    }

    /// <summary>A protocol form: its lines with their names, its control relations (described in English), participation = valid + invalid.</summary>
    public static void Form(
        Utf8JsonWriter json,
        string id,
        IEnumerable<(string Id, (string Language, string? Text)[] Names)> lines,
        IEnumerable<(string Id, string Rule, string Severity, string English)> relations)
    {
        json.WriteStartArray("forms");
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteStartArray("lines");
        foreach (var (lineId, names) in lines)
        {
            json.WriteStartObject();
            json.WriteString("id", lineId);
            Names(json, "name", names);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("relations");
        foreach (var (relationId, rule, severity, english) in relations)
        {
            json.WriteStartObject();
            json.WriteString("id", relationId);
            json.WriteString("rule", rule);
            json.WriteString("severity", severity);
            Names(json, "description", ("en", english));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("participation", "valid + invalid");
        json.WriteEndObject();
        json.WriteEndArray();
    }

    /// <summary>The contests: one party-list contest with seats by <paramref name="method"/> among lists over a threshold.</summary>
    public static void PartyListContest(
        Utf8JsonWriter json,
        string id,
        (string Language, string? Text)[] names,
        string area,
        string form,
        IEnumerable<string> choices,
        int seats,
        string method,
        int thresholdPercent,
        string thresholdBase)
    {
        json.WriteStartArray("contests");
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("kind", "party-list");
        Names(json, "name", names);
        json.WriteString("area", area);
        json.WriteString("form", form);
        json.WriteStartArray("choices");
        foreach (var choice in choices)
        {
            json.WriteStringValue(choice);
        }
        json.WriteEndArray();
        json.WriteNumber("seats", seats);
        json.WriteStartObject("seatRules");
        json.WriteString("method", method);
        json.WriteStartObject("threshold");
        json.WriteNumber("percent", thresholdPercent);
        json.WriteString("base", thresholdBase);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
    }
}
