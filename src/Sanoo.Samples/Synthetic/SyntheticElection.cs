using System.Collections.Immutable;
using System.Text.Json;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Samples.Synthesis;

namespace Sanoo.Samples.Synthetic;

/// <summary>
/// An election of any size and any depth for rehearsals and benchmarks: by default four levels (ten
/// regions, districts of about 700 stations), or any number of levels from two up, with the areas
/// just above the stations holding about 700 each; optionally groupings of the same stations
/// beside the tree (each a scrambled partition, so its areas' stations are not contiguous).
/// Stations of 300–2,700 voters, twenty parties and "against all" on one national list, counted on
/// the Kyrgyz protocol form. Deterministic for a seed; written and generated as streams, so a
/// million stations need no more memory than one.
/// </summary>
public static class SyntheticElection
{
    /// <summary>Parties on the list.</summary>
    public const int Parties = 20;

    /// <summary>Stations per district, about.</summary>
    public const int StationsPerDistrict = 700;

    /// <summary>
    /// Writes the definition of an election with <paramref name="stations"/> stations on a map of <paramref name="levels"/> levels
    /// (the nation and the stations included), with <paramref name="groupings"/> further groupings of the stations; with
    /// <paramref name="signedMachine"/>, its machine count is a signed source (each protocol signed by its station's device).
    /// </summary>
    public static void WriteDefinition(Stream output, int stations, ulong seed, int levels = 4, int groupings = 0, bool signedMachine = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(levels, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(groupings);
        var random = new SampleRandom(seed).Fork("synthetic-map");
        var counts = LevelSizes(stations, levels);
        var ids = levels == 4 ? ["nation", "region", "district", "station"] : LevelIds(levels);
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("format", DefinitionReader.Format);
        json.WriteString("id", $"synthetic-{stations}");
        Name(json, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Synthetic election of {stations:N0} stations"));
        json.WriteString("date", "2030-01-01");
        json.WriteStartArray("languages");
        json.WriteStringValue("en");
        json.WriteEndArray();
        if (levels != 4 || groupings > 0)
        {
            json.WriteStartArray("levels");
            for (var l = 0; l < levels; l++)
            {
                json.WriteStartObject();
                json.WriteString("id", ids[l]);
                Name(json, l == 0 ? "Nation" : l == levels - 1 ? "Polling stations" : $"Areas of level {l}");
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("groupings");
            for (var g = 1; g <= groupings; g++)
            {
                json.WriteStartObject();
                json.WriteString("id", $"grouping{g}");
                Name(json, $"Districts of grouping {g}");
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteStartArray("sources");
        foreach (var (id, official) in new[] { ("machine", false), ("hand", true) })
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            Name(json, official ? "Hand count" : "Machine count");
            json.WriteBoolean("official", official);
            if (signedMachine && !official)
            {
                json.WriteBoolean("signed", true);
            }
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
        Area(json, "nation", ids[0], null, "Nation");
        for (var l = 1; l < levels - 1; l++)
        {
            for (var a = 0; a < counts[l]; a++)
            {
                Area(json, AreaId(l, a, levels), ids[l], ParentId(l, a, counts, levels), $"{Capitalized(ids[l])} {a + 1}");
            }
        }
        for (var s = 0; s < stations; s++)
        {
            json.WriteStartObject();
            json.WriteString("id", $"s{s + 1}");
            json.WriteString("level", ids[levels - 1]);
            json.WriteString("parent", ParentId(levels - 1, s, counts, levels));
            json.WriteNumber("registered", 300 + random.Next(2400));
            json.WriteEndObject();
            if (s % 10_000 == 0)
            {
                json.Flush();
            }
        }
        for (var g = 1; g <= groupings; g++)
        {
            WriteGrouping(json, g, stations);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// The areas of grouping <paramref name="g"/>: about 500 × (g + 1) stations each, every station in one, chosen by a scrambled
    /// order so that an area's stations lie all over the tree.
    /// </summary>
    private static void WriteGrouping(Utf8JsonWriter json, int g, int stations)
    {
        var areas = Math.Max(1, stations / (500 * (g + 1)));
        var members = new List<int>[areas];
        for (var s = 0; s < stations; s++)
        {
            var scrambled = (int)((((long)s * 7919) + g) % stations);
            (members[(int)((long)scrambled * areas / stations)] ??= []).Add(s);
        }
        for (var a = 0; a < areas; a++)
        {
            json.WriteStartObject();
            json.WriteString("id", $"g{g}-{a + 1}");
            json.WriteString("level", $"grouping{g}");
            Name(json, $"District {a + 1} of grouping {g}");
            json.WriteStartArray("members");
            foreach (var s in members[a] ?? [])
            {
                json.WriteStringValue($"s{s + 1}");
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.Flush();
        }
    }

    /// <summary>
    /// How many areas each level has: one nation, the stations at the bottom, about 700 stations to an area of the level above
    /// them, and the levels between growing evenly (ten regions when there are four levels).
    /// </summary>
    private static int[] LevelSizes(int stations, int levels)
    {
        var counts = new int[levels];
        counts[0] = 1;
        counts[levels - 1] = stations;
        if (levels < 3)
        {
            return counts;
        }
        var lowest = Math.Max(1, (stations + (StationsPerDistrict / 2)) / StationsPerDistrict);
        counts[levels - 2] = lowest;
        for (var l = levels - 3; l >= 1; l--)
        {
            counts[l] = levels == 4
                ? Math.Min(10, lowest)
                : Math.Max(1, Math.Min(counts[l + 1], (int)Math.Round(Math.Pow(lowest, (double)l / (levels - 2)))));
        }
        return counts;
    }

    private static string[] LevelIds(int levels) =>
        [.. Enumerable.Range(0, levels).Select(l => l == 0 ? "nation" : l == levels - 1 ? "station" : $"level{l}")];

    private static string AreaId(int level, int index, int levels) =>
        levels == 4 ? (level == 1 ? $"r{index + 1}" : $"d{index + 1}") : $"a{level}-{index + 1}";

    /// <summary>The parent of area <paramref name="index"/> of level <paramref name="level"/>: the areas of a level are shared out in
    /// order among those of the level above (regions take districts in turn when there are four levels, as before).</summary>
    private static string ParentId(int level, int index, int[] counts, int levels)
    {
        if (level == 1)
        {
            return "nation";
        }
        var above = levels == 4 && level == 2
            ? index % counts[1]
            : (int)((long)index * counts[level - 1] / counts[level]);
        return AreaId(level - 1, above, levels);
    }

    private static string Capitalized(string id) => char.ToUpperInvariant(id[0]) + id[1..];

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

    private static void Area(Utf8JsonWriter json, string id, string level, string? parent, string name)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("level", level);
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
