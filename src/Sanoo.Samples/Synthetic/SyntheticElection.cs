using System.Collections.Immutable;
using System.Text.Json;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Samples.Synthesis;

namespace Sanoo.Samples.Synthetic;

/// <summary>
/// An election of any size for rehearsals and benchmarks: ten regions, districts of about 700
/// stations, stations of 300–2,700 voters, twenty parties and "against all" on one national
/// list, counted on the Kyrgyz protocol form. Deterministic for a seed; written and generated
/// as streams, so a million stations need no more memory than one.
/// </summary>
public static class SyntheticElection
{
    /// <summary>Parties on the list.</summary>
    public const int Parties = 20;

    /// <summary>Stations per district, about.</summary>
    public const int StationsPerDistrict = 700;

    /// <summary>Writes the definition of an election with <paramref name="stations"/> stations.</summary>
    public static void WriteDefinition(Stream output, int stations, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stations, 1);
        var random = new SampleRandom(seed).Fork("synthetic-map");
        var districts = Math.Max(1, (stations + (StationsPerDistrict / 2)) / StationsPerDistrict);
        var regions = Math.Min(10, districts);
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("format", DefinitionReader.Format);
        json.WriteString("id", $"synthetic-{stations}");
        Name(json, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Synthetic election of {stations:N0} stations"));
        json.WriteString("date", "2030-01-01");
        json.WriteStartArray("languages");
        json.WriteStringValue("en");
        json.WriteEndArray();
        json.WriteStartArray("sources");
        foreach (var (id, official) in new[] { ("machine", false), ("hand", true) })
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            Name(json, official ? "Hand count" : "Machine count");
            json.WriteBoolean("official", official);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("forms");
        Kg2021Facts.Embedded.Form.WriteTo(json);
        json.WriteEndArray();
        json.WriteStartArray("choices");
        for (var p = 1; p <= Parties; p++)
        {
            json.WriteStartObject();
            json.WriteString("id", $"p{p:D2}");
            json.WriteString("kind", "party");
            json.WriteNumber("ballotNumber", p);
            Name(json, $"Party {p}");
            json.WriteEndObject();
        }
        json.WriteStartObject();
        json.WriteString("id", "against-all");
        json.WriteString("kind", "against-all");
        Name(json, "Against all");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartArray("contests");
        json.WriteStartObject();
        json.WriteString("id", "list");
        json.WriteString("kind", "party-list");
        Name(json, "National list");
        json.WriteString("area", "nation");
        json.WriteString("form", Kg2021Facts.Embedded.Form.GetProperty("id").GetString());
        json.WriteStartArray("choices");
        for (var p = 1; p <= Parties; p++)
        {
            json.WriteStringValue($"p{p:D2}");
        }
        json.WriteStringValue("against-all");
        json.WriteEndArray();
        json.WriteNumber("seats", 100);
        json.WriteStartObject("seatRules");
        json.WriteString("method", "dhondt");
        json.WriteStartObject("threshold");
        json.WriteNumber("percent", 5);
        json.WriteString("base", "valid");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartArray("areas");
        Area(json, "nation", "nation", null, "Nation");
        for (var r = 0; r < regions; r++)
        {
            Area(json, $"r{r + 1}", "region", "nation", $"Region {r + 1}");
        }
        for (var d = 0; d < districts; d++)
        {
            Area(json, $"d{d + 1}", "district", $"r{(d % regions) + 1}", $"District {d + 1}");
        }
        for (var s = 0; s < stations; s++)
        {
            json.WriteStartObject();
            json.WriteString("id", $"s{s + 1}");
            json.WriteString("kind", "station");
            json.WriteString("parent", $"d{((long)s * districts / stations) + 1}");
            json.WriteNumber("registered", 300 + random.Next(2400));
            json.WriteEndObject();
            if (s % 10_000 == 0)
            {
                json.Flush();
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// One consistent protocol per station for <paramref name="source"/>, in station order.
    /// Turnout 30–70%, party strength varying by district; the machine count equals the hand
    /// count except at about one station in fifty.
    /// </summary>
    public static IEnumerable<Protocol> Protocols(Election election, string source, ulong seed)
    {
        var plan = election.Contests[0];
        var random = new SampleRandom(seed).Fork("synthetic-counts");
        var differ = new SampleRandom(seed).Fork("synthetic-machine");
        var strengths = new Dictionary<int, double[]>();
        var line = plan.Form.Lines.Select((l, i) => (l.Id.Value, i)).ToDictionary(p => p.Value, p => p.i);
        for (var ordinal = 0; ordinal < election.StationCount; ordinal++)
        {
            var areaIndex = election.StationAreaIndex(ordinal);
            var station = election.Areas[areaIndex];
            var district = election.ParentIndex(areaIndex);
            if (!strengths.TryGetValue(district, out var strength))
            {
                strength = strengths[district] =
                    [.. Enumerable.Range(0, plan.Choices.Length).Select(c => (plan.Choices.Length - c) * random.Factor(0.4))];
            }
            var roll = station.Roll!;
            var took = (int)(roll.Registered * random.Between(0.3, 0.7));
            var invalid = took / (15 + random.Next(20));
            var valid = took - invalid;
            var votes = Apportion.Split(valid, [.. strength.Select(w => w * random.Factor(0.2))]).Select(v => (int)v).ToArray();
            var mobile = took / (20 + random.Next(30));
            var figures = new int[plan.Form.Lines.Length];
            figures[line["registered"]] = roll.Registered;
            figures[line["additional"]] = roll.Additional;
            figures[line["received"]] = roll.Registered + roll.Additional;
            figures[line["issued_station"]] = took - mobile;
            figures[line["issued_outside"]] = mobile;
            figures[line["cancelled"]] = roll.Registered + roll.Additional - took;
            figures[line["in_mobile"]] = mobile;
            figures[line["in_stationary"]] = took - mobile;
            figures[line["valid"]] = valid;
            figures[line["invalid"]] = invalid;
            if (source == "machine" && differ.Next(50) == 0 && votes[0] > 0)
            {
                votes[0]--;
                votes[1]++;
            }
            yield return new Protocol(
                election.Id,
                station.Id,
                plan.Contest.Id,
                new SourceId(source),
                1,
                ImmutableArray.Create(figures),
                ImmutableArray.Create(votes),
                null);
        }
    }

    private static void Area(Utf8JsonWriter json, string id, string kind, string? parent, string name)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("kind", kind);
        if (parent is not null)
        {
            json.WriteString("parent", parent);
        }
        Name(json, name);
        json.WriteEndObject();
    }

    private static void Name(Utf8JsonWriter json, string english)
    {
        json.WriteStartObject("name");
        json.WriteString("en", english);
        json.WriteEndObject();
    }
}
