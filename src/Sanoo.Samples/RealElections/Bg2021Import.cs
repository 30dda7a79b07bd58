using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;

namespace Sanoo.Samples.RealElections;

/// <summary>
/// Bulgaria, National Assembly, 11 Jul 2021, from the CEC's open data (one row per section,
/// 13,005): the map (nation → 32 constituencies (RIK, 32 is abroad) → municipalities →
/// sections), 23 lists and ballot 24, "I support no one", 240 seats by Hare-Niemeyer among
/// lists with 4% of the votes for lists. Three counts per section, tallied apart:
/// <list type="bullet">
/// <item><c>protocol</c> (official): the section protocol, paper and machine votes together;</item>
/// <item><c>machine</c>: the machine votes as written on the section protocol;</item>
/// <item><c>machine-export</c>: the same machine ballots as the machines' own export records them.</item>
/// </list>
/// The last two are two counts of the same ballots: the definition reconciles them.
/// </summary>
public static class Bg2021Import
{
    private const int Lists = 24;
    private const int NoOne = 99;

    /// <summary>Imports the folder, opening each file with <paramref name="open"/> (which decompresses .xz).</summary>
    public static ImportedElection Import(string folder, Func<string, TextReader> open)
    {
        string Path_(string name) => Path.Combine(folder, name);
        List<string[]> Read(string name, int minFields)
        {
            using var reader = open(Path_(name));
            var rows = CsvRecords.Read(reader, ';').Skip(1).Where(r => r.Length > 1).ToList();
            return rows.Any(r => r.Length < minFields) ? throw new FormatException($"{name}: a row has fewer than {minFields} fields") : rows;
        }
        var riks = Read("riks.csv", 4).ToDictionary(r => r[0], r => (Bulgarian: r[1], Latin: r[3]));
        var parties = Read("20_parties.csv", 4).ToDictionary(r => int.Parse(r[2], CultureInfo.InvariantCulture), r => r[3]);
        var sections = Read("31_sections.csv.xz", 5).ToDictionary(r => r[0], r => (Rik: r[1], MunicipalityCode: r[3], Municipality: r[4]));
        var protocols = Read("41_protocols.csv.xz", 15).ToDictionary(r => r[0], r => r[1..].Select(v => Figure(v, r[0])).ToArray());
        var paper = Votes(Read("50_votes_paper.csv.xz", 3));
        var machine = Votes(Read("50_votes_machine.csv.xz", 3));
        var export = Votes(Read("50_votes_machine_from_machine_data.csv.xz", 3));
        var missing = protocols.Keys.Where(s => !sections.ContainsKey(s)).Take(3).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"sections {string.Join(", ", missing)} have a protocol but no row in 31_sections");
        }

        var json = Definition(riks, parties, sections.Where(s => protocols.ContainsKey(s.Key)).ToDictionary(), protocols);
        var election = ImportedElection.Load(json);
        ImmutableArray<Protocol> Count(string source, Func<string, int[], (int[] Lines, int[] Votes)?> figures) =>
        [
            .. protocols.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => (Station: p.Key, Figures: figures(p.Key, p.Value)))
                .Where(p => p.Figures is not null)
                .Select(p => new Protocol(
                    election.Id,
                    new AreaId("s" + p.Station),
                    new ContestId("national"),
                    new SourceId(source),
                    1,
                    [.. p.Figures!.Value.Lines],
                    [.. p.Figures.Value.Votes],
                    null)),
        ];
        // 41_protocols columns after section_id: 0 distributed, 1 pre-registered, 2 registered, 3 onsite, 4 voted, 5 unused paper, 6 destroyed,
        // 7 urn paper, 8 invalid paper, 9 no-one paper, 10 valid paper for lists, 11 urn machine, 12 no-one machine, 13 valid machine for lists.
        var counts = ImmutableDictionary<string, ImmutableArray<Protocol>>.Empty
            .Add("protocol", Count("protocol", (s, p) =>
                ([p[2], p[4], p[8], p[9] + p[10] + p[12] + p[13]], Add(paper.GetValueOrDefault(s), machine.GetValueOrDefault(s)))))
            .Add("machine", Count("machine", (s, p) => machine.TryGetValue(s, out var v) ? ([p[2], p[11], 0, p[12] + p[13]], v) : null))
            .Add("machine-export", Count("machine-export", (s, p) => export.TryGetValue(s, out var v) ? ([p[2], p[11], 0, v.Sum()], v) : null));
        return new ImportedElection(json, election, counts,
        [
            $"{protocols.Count:N0} sections in {riks.Count} constituencies; {machine.Count:N0} with machine votes on their protocol, " +
                $"{export.Count:N0} in the machines' own export.",
            "Three counts per section, tallied apart: protocol (official: paper and machine together), machine (as on the protocol) " +
                "and machine-export (as the machines recorded it); the last two are reconciled.",
            "Lines: registered, voted (for the machine counts: ballots in the machine), invalid paper ballots, " +
                "valid votes as the protocol states them. " +
                "A count whose votes do not add up to the valid votes its protocol states breaks valid = votes(*): it is stored and not counted.",
        ]);
    }

    private static int Figure(string text, string section) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"section {section}: '{text}' is not a count");

    /// <summary>Votes per section in ballot order: lists 1–24, then "I support no one"; codes ≥ 100 (protocol totals) are left out.</summary>
    private static Dictionary<string, int[]> Votes(List<string[]> rows)
    {
        var votes = new Dictionary<string, int[]>();
        foreach (var r in rows)
        {
            var code = int.Parse(r[1], CultureInfo.InvariantCulture);
            var index = code is >= 1 and <= Lists ? code - 1 : code == NoOne ? Lists : -1;
            if (index < 0)
            {
                continue;
            }
            if (!votes.TryGetValue(r[0], out var section))
            {
                section = votes[r[0]] = new int[Lists + 1];
            }
            section[index] += Figure(r[2], r[0]);
        }
        return votes;
    }

    private static int[] Add(int[]? a, int[]? b) => [.. Enumerable.Range(0, Lists + 1).Select(i => (a?[i] ?? 0) + (b?[i] ?? 0))];

    private static byte[] Definition(
        Dictionary<string, (string Bulgarian, string Latin)> riks,
        Dictionary<int, string> parties,
        Dictionary<string, (string Rik, string MunicipalityCode, string Municipality)> sections,
        Dictionary<string, int[]> protocols)
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 22);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            void Source(string id, string bulgarian, string english, bool official)
            {
                json.WriteStartObject();
                json.WriteString("id", id);
                ImportJson.Names(json, "name", ("bg", bulgarian), ("en", english));
                json.WriteBoolean("official", official);
                json.WriteBoolean("signed", false); // published figures: no station device signed them
                json.WriteEndObject();
            }
            json.WriteStartObject();
            json.WriteString("format", DefinitionReader.Format);
            json.WriteString("id", "bg-2021-07");
            ImportJson.Names(json, "name", ("bg", "Избори за Народно събрание, 11 юли 2021"), ("en", "National Assembly election, 11 July 2021"));
            json.WriteString("date", "2021-07-11");
            json.WriteStartArray("languages");
            json.WriteStringValue("bg");
            json.WriteStringValue("en");
            json.WriteEndArray();
            json.WriteStartArray("sources");
            Source("protocol", "Протоколи на СИК (хартия и машина)", "Section protocols (paper and machine)", true);
            Source("machine", "Машинни гласове по протокол", "Machine votes as on the protocol", false);
            Source("machine-export", "Машинни гласове по данни от машините", "Machine votes as the machines recorded them", false);
            json.WriteEndArray();
            ImportJson.Form(
                json,
                "bg-protocol",
                [
                    ("registered", [("bg", "Избиратели в списъка"), ("en", "Voters on the list")]),
                    ("voted", [("bg", "Гласували избиратели"), ("en", "Voters who voted")]),
                    ("invalid", [("bg", "Недействителни бюлетини"), ("en", "Invalid ballots")]),
                    ("valid", [("bg", "Действителни гласове"), ("en", "Valid votes")]),
                ],
                [
                    ("valid_equals_votes", "valid = votes(*)", "error", "The votes per list and for no one add up to the valid votes stated."),
                    ("cast_within_voted", "invalid + valid <= voted", "warning", "No more ballots than voters."),
                ]);
            json.WriteStartArray("choices");
            for (var number = 1; number <= Lists; number++)
            {
                json.WriteStartObject();
                json.WriteString("id", $"l{number:D2}");
                json.WriteString("kind", "party");
                json.WriteNumber("ballotNumber", number);
                ImportJson.Names(json, "name", ("bg", parties.GetValueOrDefault(number, $"Бюлетина № {number}")));
                json.WriteEndObject();
            }
            json.WriteStartObject();
            json.WriteString("id", "no-one");
            json.WriteString("kind", "against-all");
            ImportJson.Names(json, "name", ("bg", "Не подкрепям никого"), ("en", "I support no one"));
            json.WriteEndObject();
            json.WriteEndArray();
            ImportJson.PartyListContest(json, "national", [("bg", "Народно събрание"), ("en", "National Assembly")], "bg", "bg-protocol",
                [.. Enumerable.Range(1, Lists).Select(number => $"l{number:D2}"), "no-one"], 240, "hare", 4, "valid");
            json.WriteStartObject("reconciliation");
            json.WriteStartArray("between");
            json.WriteStringValue("machine");
            json.WriteStringValue("machine-export");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteStartArray("areas");
            ImportJson.Area(json, "bg", "nation", null, [("bg", "България"), ("en", "Bulgaria")]);
            foreach (var (code, (bulgarian, latin)) in riks.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                ImportJson.Area(json, $"rik{code}", "region", "bg", [("bg", $"{code} {bulgarian}"), ("en", $"{code} {latin}")]);
            }
            foreach (var m in sections.Values
                .DistinctBy(s => (s.Rik, s.MunicipalityCode))
                .OrderBy(s => s.Rik, StringComparer.Ordinal)
                .ThenBy(s => s.MunicipalityCode, StringComparer.Ordinal))
            {
                ImportJson.Area(
                    json,
                    $"m{m.Rik}-{m.MunicipalityCode}",
                    "district",
                    $"rik{m.Rik}",
                    [("bg", m.Municipality.Length > 0 ? m.Municipality : $"{riks.GetValueOrDefault(m.Rik).Bulgarian} {m.MunicipalityCode}".Trim())]);
            }
            foreach (var (id, s) in sections.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                ImportJson.Area(json, "s" + id, "station", $"m{s.Rik}-{s.MunicipalityCode}", [("bg", id)], protocols[id][2]);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
