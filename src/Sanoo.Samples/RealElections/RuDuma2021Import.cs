using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;

namespace Sanoo.Samples.RealElections;

/// <summary>
/// Russia, State Duma, 19 Sep 2021, the federal party-list ballot, from the CEC's station-level
/// results as published by github.com/dkobak/elections (one row per polling station, 96,325
/// rows): the map (nation → 85 regions and abroad → territorial commissions → stations), the
/// Russian protocol form and its control relations, 14 parties, 225 seats by Hare among lists
/// with 5% of the voters who took part. One count source: the commissions' protocols.
/// </summary>
public static partial class RuDuma2021Import
{
    /// <summary>The relations the Russian form must satisfy. The two that real data breaks are warnings, so every protocol is counted and
    /// flagged.</summary>
    private static readonly (string Id, string Rule, string Severity, string Description)[] Relations =
    [
        ("boxes_balance", "in_portable + in_stationary = valid + invalid", "error", "Every ballot found in a box is either valid or invalid."),
        ("valid_equals_votes", "valid = votes(*)", "error", "The votes for the lists add up to the valid ballots."),
        ("issued_within_register", "issued_early + issued_station + issued_outside <= registered", "warning",
            "No more ballots are issued than there are voters on the list."),
        ("ballots_balance", "received = issued_early + issued_station + issued_outside + cancelled + lost - unaccounted", "warning",
            "Every ballot received is issued, cancelled or lost (less those not accounted for at receipt)."),
    ];

    private static readonly string[] Lines =
    [
        "registered", "received", "issued_early", "issued_station", "issued_outside", "cancelled",
        "in_portable", "in_stationary", "invalid", "valid", "lost", "unaccounted",
    ];

    /// <summary>Imports the CSV (decompressed) read from <paramref name="csv"/>.</summary>
    public static ImportedElection Import(TextReader csv)
    {
        using var records = CsvRecords.Read(csv).GetEnumerator();
        if (!records.MoveNext() || records.Current.Length < 31 || records.Current[4] != "uik")
        {
            throw new FormatException("expected the dkobak/elections 2021 CSV: level, region, oik, tik, uik, 12 protocol figures, 14 parties, url");
        }
        var header = records.Current;
        var parties = header[17..31].Select((name, i) => (Id: $"p{i + 1:D2}", Number: i + 1, Name: PartyName(name))).ToList();
        var regions = new List<string>();
        var regionIds = new Dictionary<string, string>();
        var tiks = new List<(string Id, string Name, string Region)>();
        var tikIds = new Dictionary<(string, string), string>();
        var stations = new List<(string Id, string Name, string Tik, int Registered, int[] Lines, int[] Votes)>();
        var stationIds = new HashSet<string>();
        var row = 1;
        while (records.MoveNext())
        {
            row++;
            var r = records.Current;
            if (r.Length < 31)
            {
                throw new FormatException($"row {row} has {r.Length} fields, expected 32");
            }
            if (!regionIds.TryGetValue(r[1], out var regionId))
            {
                regions.Add(r[1]);
                regionId = regionIds[r[1]] = $"r{regions.Count:D2}";
            }
            if (!tikIds.TryGetValue((regionId, r[3]), out var tikId))
            {
                tikId = tikIds[(regionId, r[3])] = $"{regionId}-t{tiks.Count(t => t.Region == regionId) + 1:D3}";
                tiks.Add((tikId, r[3], regionId));
            }
            var number = UikNumber().Match(r[4]) is { Success: true } m ? m.Groups[1].Value : $"x{row}";
            var id = $"{regionId}-{number}";
            for (var n = 2; !stationIds.Add(id); n++)
            {
                id = $"{regionId}-{number}-{n}";
            }
            var lines = r[5..17].Select(v => Figure(v, row)).ToArray();
            stations.Add((id, r[4], tikId, lines[0], lines, r[17..31].Select(v => Figure(v, row)).ToArray()));
        }
        var json = Definition(regions, regionIds, tiks, stations.Select(s => (s.Id, s.Name, s.Tik, s.Registered)), parties);
        var election = ImportedElection.Load(json);
        var protocols = stations
            .Select(s => new Protocol(
                election.Id,
                new AreaId(s.Id),
                new ContestId("federal"),
                new SourceId("cec"),
                1,
                [.. s.Lines],
                [.. s.Votes],
                null))
            .ToImmutableArray();
        return new ImportedElection(json, election, ImmutableDictionary<string, ImmutableArray<Protocol>>.Empty.Add("cec", protocols),
        [
            $"{stations.Count:N0} polling stations in {regions.Count} regions (and abroad) " +
                $"and {tiks.Count:N0} territorial commissions; one protocol each.",
            "Stations are named region-UIK number (r01-592); the territorial commissions (TIK) are the districts. " +
                "The single-member contests are not in the file.",
            "registered ≥ issued and the ballot balance are warnings: real protocols break them and are still counted, flagged.",
        ]);
    }

    private static byte[] Definition(
        List<string> regions,
        Dictionary<string, string> regionIds,
        List<(string Id, string Name, string Region)> tiks,
        IEnumerable<(string Id, string Name, string Tik, int Registered)> stations,
        List<(string Id, int Number, string Name)> parties)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 24);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("format", DefinitionReader.Format);
            json.WriteString("id", "ru-duma-2021");
            ImportJson.Names(
                json,
                "name",
                ("ru", "Выборы депутатов Государственной Думы, 19 сентября 2021 (федеральный округ)"),
                ("en", "State Duma election, 19 September 2021 (federal list)"));
            json.WriteString("date", "2021-09-19");
            json.WriteStartArray("languages");
            json.WriteStringValue("ru");
            json.WriteStringValue("en");
            json.WriteEndArray();
            json.WriteStartArray("sources");
            json.WriteStartObject();
            json.WriteString("id", "cec");
            ImportJson.Names(json, "name", ("ru", "Протоколы участковых комиссий"), ("en", "Polling-station protocols"));
            json.WriteBoolean("official", true);
            json.WriteEndObject();
            json.WriteEndArray();
            string[] russian =
            [
                "Число избирателей, внесённых в список",
                "Получено бюллетеней",
                "Выдано досрочно",
                "Выдано в помещении для голосования",
                "Выдано вне помещения",
                "Погашено бюллетеней",
                "В переносных ящиках",
                "В стационарных ящиках",
                "Недействительных бюллетеней",
                "Действительных бюллетеней",
                "Утраченных бюллетеней",
                "Не учтённых при получении",
            ];
            string[] english =
            [
                "Voters on the list",
                "Ballots received",
                "Issued early",
                "Issued at the station",
                "Issued outside the station",
                "Ballots cancelled",
                "In portable boxes",
                "In stationary boxes",
                "Invalid ballots",
                "Valid ballots",
                "Ballots lost",
                "Ballots not accounted for at receipt",
            ];
            ImportJson.Form(json, "ru-protocol", Lines.Select((id, i) => (id, new[] { ("ru", (string?)russian[i]), ("en", english[i]) })), Relations);
            json.WriteStartArray("choices");
            foreach (var (id, number, name) in parties)
            {
                json.WriteStartObject();
                json.WriteString("id", id);
                json.WriteString("kind", "party");
                json.WriteNumber("ballotNumber", number);
                ImportJson.Names(json, "name", ("ru", name), ("en", name));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            ImportJson.PartyListContest(
                json,
                "federal",
                [("ru", "Федеральный избирательный округ"), ("en", "Federal constituency")],
                "ru",
                "ru-protocol",
                parties.Select(p => p.Id),
                225,
                "hare",
                5,
                "participation");
            json.WriteStartArray("areas");
            ImportJson.Area(json, "ru", "nation", null, [("ru", "Российская Федерация"), ("en", "Russian Federation")]);
            foreach (var region in regions)
            {
                ImportJson.Area(json, regionIds[region], "region", "ru", [("ru", region)]);
            }
            foreach (var (id, name, region) in tiks)
            {
                ImportJson.Area(json, id, "district", region, [("ru", name.Length > 0 ? name : id)]);
            }
            foreach (var (id, name, tik, registered) in stations)
            {
                ImportJson.Area(json, id, "station", tik, [("ru", name)], registered);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static int Figure(string text, int row) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"row {row}: '{text}' is not a count");

    /// <summary>"5. Всероссийская политическая партия "ЕДИНАЯ РОССИЯ"" → the name without its ballot number.</summary>
    private static string PartyName(string header) => BallotNumber().Replace(header, "").Trim();

    [GeneratedRegex(@"№\s*(\d+)")]
    private static partial Regex UikNumber();

    [GeneratedRegex(@"^\d+\.\s*")]
    private static partial Regex BallotNumber();
}
