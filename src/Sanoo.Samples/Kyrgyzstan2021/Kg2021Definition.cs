using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sanoo.Core.Definitions;

namespace Sanoo.Samples.Kyrgyzstan2021;

/// <summary>
/// Writes the sample's election definition (docs/definition-format.md): the map, the list
/// contest with the 2021 seat rules, 36 single-member contests, the 21 parties, "against all",
/// the candidates and the Kyrgyz protocol form.
/// </summary>
public static class Kg2021Definition
{
    /// <summary>The times of election day at which the stations report turnout (local, Asia/Bishkek).</summary>
    public static readonly IReadOnlyList<string> TurnoutTimes = ["10:00", "12:00", "14:00", "16:00", "18:00", "20:00"];

    private static readonly string[] Languages = ["ky", "ru", "en"];

    /// <summary>The id of the nationwide party-list contest.</summary>
    public const string ListContest = "list";

    /// <summary>The id of "against all".</summary>
    public const string AgainstAll = "against-all";

    /// <summary>The id of a party by ballot number.</summary>
    public static string PartyId(int ballotNumber) => $"p{ballotNumber:D2}";

    /// <summary>The id of a district by number.</summary>
    public static string DistrictId(int number) => $"d{number:D2}";

    /// <summary>The id of a district's single-member contest.</summary>
    public static string SingleMemberContest(int number) => $"smd-{number:D2}";

    /// <summary>The id of a candidate: district and place (1 is the strongest).</summary>
    public static string CandidateId(int district, int place) => $"d{district:D2}-c{place}";

    /// <summary>The definition as UTF-8 JSON, indented.</summary>
    public static byte[] Write(
        Kg2021Facts facts,
        IReadOnlyList<Kg2021Station> stations,
        IReadOnlyDictionary<int, int> candidatesPerDistrict,
        Kg2021Geography? geography = null)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        using (var json = new Utf8JsonWriter(
            buffer,
            new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("format", DefinitionReader.Format);
            json.WriteString("id", facts.Id);
            Text(json, "name", facts.Name);
            json.WriteString("date", facts.Date);
            json.WriteString("timeZone", "Asia/Bishkek");
            // The commission publishes turnout through the day: «явка на 10:00», every two hours until the polls close at 20:00.
            json.WriteStartArray("turnoutTimes");
            foreach (var time in TurnoutTimes)
            {
                json.WriteStringValue(time);
            }
            json.WriteEndArray();
            if (geography is not null)
            {
                Text(json, "mapCredit", new(Kg2021Geography.Credit));
            }
            json.WriteStartArray("languages");
            json.WriteStringValue("ky");
            json.WriteStringValue("ru");
            json.WriteStringValue("en");
            json.WriteEndArray();
            WriteSources(json);
            json.WriteStartArray("forms");
            facts.Form.WriteTo(json);
            json.WriteEndArray();
            WriteChoices(json, facts, candidatesPerDistrict);
            WriteContests(json, facts, candidatesPerDistrict);
            WriteAreas(json, facts, stations, geography);
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteSources(Utf8JsonWriter json)
    {
        json.WriteStartArray("sources");
        json.WriteStartObject();
        json.WriteString("id", "machine");
        Text(json, "name", new()
        {
            ["ky"] = "Автоматтык саноо (алдын ала)",
            ["ru"] = "Автоматический подсчёт (предварительный)",
            ["en"] = "Machine count (preliminary)",
        });
        json.WriteBoolean("official", false);
        json.WriteEndObject();
        json.WriteStartObject();
        json.WriteString("id", "hand");
        Text(json, "name", new() { ["ky"] = "Кол менен саноо (расмий)", ["ru"] = "Ручной подсчёт (официальный)", ["en"] = "Hand count (official)" });
        json.WriteBoolean("official", true);
        json.WriteBoolean("doubleEntry", true); // typed in twice by district operators
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WriteChoices(Utf8JsonWriter json, Kg2021Facts facts, IReadOnlyDictionary<int, int> candidatesPerDistrict)
    {
        json.WriteStartArray("choices");
        foreach (var party in facts.Parties)
        {
            json.WriteStartObject();
            json.WriteString("id", PartyId(party.BallotNumber));
            json.WriteString("kind", "party");
            json.WriteNumber("ballotNumber", party.BallotNumber);
            Text(json, "name", party.Name);
            json.WriteEndObject();
        }
        json.WriteStartObject();
        json.WriteString("id", AgainstAll);
        json.WriteString("kind", "against-all");
        Text(json, "name", facts.AgainstAll.Name);
        json.WriteEndObject();
        foreach (var district in facts.Districts)
        {
            for (var place = 1; place <= candidatesPerDistrict[district.Number]; place++)
            {
                json.WriteStartObject();
                json.WriteString("id", CandidateId(district.Number, place));
                json.WriteString("kind", "candidate");
                json.WriteNumber("ballotNumber", place);
                Text(json, "name", place == 1 && district.Winner is { } winner ? winner : Placeholder(place));
                json.WriteEndObject();
            }
        }
        json.WriteEndArray();
    }

    private static void WriteContests(Utf8JsonWriter json, Kg2021Facts facts, IReadOnlyDictionary<int, int> candidatesPerDistrict)
    {
        json.WriteStartArray("contests");
        json.WriteStartObject();
        json.WriteString("id", ListContest);
        json.WriteString("kind", "party-list");
        Text(json, "name", new()
        {
            ["ky"] = "Бирдиктүү шайлоо округу (партиялык тизмелер)",
            ["ru"] = "Единый избирательный округ (партийные списки)",
            ["en"] = "Nationwide constituency (party lists)",
        });
        json.WriteString("area", "kg");
        json.WriteString("form", FormId(facts));
        json.WriteStartArray("choices");
        foreach (var party in facts.Parties)
        {
            json.WriteStringValue(PartyId(party.BallotNumber));
        }
        json.WriteStringValue(AgainstAll);
        json.WriteEndArray();
        json.WriteNumber("seats", facts.ListSeats);
        json.WriteStartObject("seatRules");
        json.WriteString("method", "hare");
        json.WriteStartObject("threshold");
        json.WriteNumber("percent", facts.Threshold.Percent);
        json.WriteString("base", facts.Threshold.Base);
        json.WriteEndObject();
        json.WriteNumber("maxSeatsPerParty", facts.MaxSeatsPerParty);
        json.WriteEndObject();
        json.WriteEndObject();
        foreach (var district in facts.Districts)
        {
            json.WriteStartObject();
            json.WriteString("id", SingleMemberContest(district.Number));
            json.WriteString("kind", "single-member");
            Text(json, "name", new()
            {
                ["ky"] = $"№{district.Number} бир мандаттуу шайлоо округу",
                ["ru"] = $"Одномандатный избирательный округ №{district.Number}",
                ["en"] = $"Single-member district No. {district.Number}",
            });
            json.WriteString("area", DistrictId(district.Number));
            json.WriteString("form", FormId(facts));
            json.WriteStartArray("choices");
            for (var place = 1; place <= candidatesPerDistrict[district.Number]; place++)
            {
                json.WriteStringValue(CandidateId(district.Number, place));
            }
            json.WriteStringValue(AgainstAll);
            json.WriteEndArray();
            json.WriteBoolean("againstAllBlocks", true);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteAreas(Utf8JsonWriter json, Kg2021Facts facts, IReadOnlyList<Kg2021Station> stations, Kg2021Geography? geography)
    {
        json.WriteStartArray("areas");
        json.WriteStartObject();
        json.WriteString("id", "kg");
        json.WriteString("kind", "nation");
        Text(json, "name", new() { ["ky"] = "Кыргыз Республикасы", ["ru"] = "Кыргызская Республика", ["en"] = "Kyrgyz Republic" });
        json.WriteEndObject();
        foreach (var region in facts.Regions)
        {
            json.WriteStartObject();
            json.WriteString("id", region.Id);
            json.WriteString("kind", "region");
            json.WriteString("parent", "kg");
            Text(json, "name", region.Name);
            geography?.WriteGeometry(json, region.Id);
            json.WriteEndObject();
            foreach (var district in facts.Districts.Where(d => d.Region == region.Id).OrderBy(d => d.Number))
            {
                Area(json, DistrictId(district.Number), "district", region.Id, district.Name ?? new()
                {
                    ["ky"] = $"№{district.Number} шайлоо округу",
                    ["ru"] = $"Избирательный округ №{district.Number}",
                    ["en"] = $"District No. {district.Number}",
                });
            }
        }
        foreach (var station in stations)
        {
            json.WriteStartObject();
            json.WriteString("id", station.Id);
            json.WriteString("kind", "station");
            json.WriteString("parent", station.District is { } d ? DistrictId(d) : facts.Regions[station.Region].Id);
            json.WriteNumber("registered", station.Registered);
            if (station.Additional > 0)
            {
                json.WriteNumber("additional", station.Additional);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Area(Utf8JsonWriter json, string id, string kind, string parent, Dictionary<string, string> name)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("kind", kind);
        json.WriteString("parent", parent);
        Text(json, "name", name);
        json.WriteEndObject();
    }

    private static Dictionary<string, string> Placeholder(int place) => new()
    {
        ["ky"] = $"Талапкер №{place}",
        ["ru"] = $"Кандидат №{place}",
        ["en"] = string.Create(CultureInfo.InvariantCulture, $"Candidate No. {place}"),
    };

    private static string FormId(Kg2021Facts facts) => facts.Form.GetProperty("id").GetString()!;

    private static void Text(Utf8JsonWriter json, string name, Dictionary<string, string> texts)
    {
        json.WriteStartObject(name);
        foreach (var language in Languages.Where(texts.ContainsKey))
        {
            json.WriteString(language, texts[language]);
        }
        json.WriteEndObject();
    }
}
