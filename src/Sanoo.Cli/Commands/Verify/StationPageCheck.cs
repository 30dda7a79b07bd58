using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sanoo.Contracts;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Core.Tally;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Holds a station's page data (<c>data.json</c>, <see cref="StationRecord"/>, and <c>data.csv</c>, its rows of protocols.csv) to the
/// verified snapshot: the station, its district and voter lists as the definition has them; for each contest and source, the version
/// counted as the one the verified log counts, none added or left out, its content hash and every figure of it those of the verified
/// protocol. The versions not counted (rejected, conflicting, stale, corrected) are listed on the page with their receipts; they
/// change no figure and are not held here.
/// </summary>
internal static partial class StationPageCheck
{
    private static readonly string Accepted = Storage.Log.OutcomeText.Of(Storage.Log.StoredOutcome.Accepted);

    /// <summary>Checks a station's <c>data.json</c> at <paramref name="path"/>.</summary>
    public static void Json(string path, byte[] bytes, Snapshot verified, Area station, long size, FigureProblems problems)
    {
        StationRecord record;
        try
        {
            record = JsonSerializer.Deserialize(bytes, WireJson.Default.StationRecord) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            problems.Add($"{path}: does not read as a station's data ({e.Message})");
            return;
        }
        if (record.Snapshot > size)
        {
            problems.Add($"{path}: is of snapshot {record.Snapshot:N0}, past the {size:N0} entries of the signed tree head");
            return;
        }
        problems.Same(path, "the station", record.Station, station.Id.Value);
        problems.Same(path, "the district", record.Parent, station.Parent?.Value);
        problems.Same(path, "the registered voters", record.Registered, station.Roll!.Registered);
        problems.Same(path, "the voters added on the day", record.Additional, station.Roll.Additional);
        var counts = record.Counts.Where(c => c.CountedVersion is not null).ToDictionary(c => (c.Contest, c.Source));
        foreach (var (plan, source, protocol) in Counted(verified, station))
        {
            var where = $"{path}: {plan.Contest.Id} by {source.Id}";
            if (!counts.Remove((plan.Contest.Id.Value, source.Id.Value), out var count))
            {
                problems.Differs(where, "the version counted", null, protocol.Version.ToString(CultureInfo.InvariantCulture));
                continue;
            }
            problems.Same(where, "the version counted", count.CountedVersion, protocol.Version);
            var accepted = count.Versions.Where(v => v.Outcome == Contracts.StoredOutcome.Accepted);
            if (accepted.LastOrDefault(v => v.Version == count.CountedVersion) is not { } version)
            {
                problems.Add($"{where}: lists no accepted version {count.CountedVersion}, the one it says is counted");
                continue;
            }
            var hash = ContentHash(verified.Election, protocol);
            problems.Same(where, "the content hash of the version counted", version.ContentHash, hash);
            var shown = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(version.Protocol);
            if (Convert.ToHexStringLower(SHA256.HashData(shown)) != hash)
            {
                Figures(where, version.Protocol, plan, protocol, verified.Election, problems);
            }
        }
        foreach (var ((contest, source), count) in counts)
        {
            problems.Add($"{path}: {contest} by {source}: version {count.CountedVersion} is published as counted, but the verified log counts none");
        }
    }

    /// <summary>Checks a station's <c>data.csv</c> at <paramref name="path"/>: the rows of the versions counted.</summary>
    public static void Csv(string path, string text, Snapshot verified, Area station, FigureProblems problems)
    {
        var records = CsvRecords.Read(text);
        if (records.Count == 0)
        {
            problems.Add($"{path}: is empty");
            return;
        }
        var header = records[0];
        int Column(string name) => Array.IndexOf(header, name);
        var (stationAt, districtAt, contestAt, sourceAt) = (Column("station"), Column("district"), Column("contest"), Column("source"));
        var (versionAt, outcomeAt, hashAt) = (Column("version"), Column("outcome"), Column("content_hash"));
        if (new[] { stationAt, districtAt, contestAt, sourceAt, versionAt, outcomeAt, hashAt }.Any(c => c < 0))
        {
            problems.Add($"{path}: the header lacks a column of protocols.csv ({string.Join(',', header)})");
            return;
        }
        var counted = Counted(verified, station).ToDictionary(c => (c.Plan.Contest.Id.Value, c.Source.Id.Value));
        var seen = new HashSet<(string, string)>();
        foreach (var row in records.Skip(1).Where(r => r.Length == header.Length))
        {
            var where = $"{path}: the row of {row[contestAt]} by {row[sourceAt]} version {row[versionAt]}";
            problems.Same(where, "the station", row[stationAt], station.Id.Value);
            problems.Same(where, "the district", row[districtAt], station.Parent?.Value ?? "");
            if (row[outcomeAt] != Accepted)
            {
                continue;
            }
            if (!counted.TryGetValue((row[contestAt], row[sourceAt]), out var c))
            {
                problems.Add($"{where}: is published as accepted, but the verified log counts no version of it");
                continue;
            }
            var version = c.Protocol.Version.ToString(CultureInfo.InvariantCulture);
            if (row[versionAt] != version)
            {
                if (int.TryParse(row[versionAt], CultureInfo.InvariantCulture, out var v) && v > c.Protocol.Version)
                {
                    problems.Differs(where, "the version counted (the last accepted)", row[versionAt], version);
                }
                continue;
            }
            seen.Add((row[contestAt], row[sourceAt]));
            problems.Same(where, "content_hash", row[hashAt], ContentHash(verified.Election, c.Protocol));
            var plan = c.Plan;
            for (var i = 0; i < plan.Form.Lines.Length; i++)
            {
                Cell(where, row, Column(plan.Form.Lines[i].Id.Value), plan.Form.Lines[i].Id.Value, c.Protocol.Lines[i], problems);
            }
            for (var i = 0; i < plan.Choices.Length; i++)
            {
                Cell(where, row, Column("votes:" + plan.Choices[i].Id.Value), "votes:" + plan.Choices[i].Id.Value, c.Protocol.Votes[i], problems);
            }
        }
        foreach (var key in counted.Keys.Where(k => !seen.Contains(k)))
        {
            var version = counted[key].Protocol.Version;
            problems.Add($"{path}: has no row of {key.Item1} by {key.Item2} version {version}, the version the verified log counts");
        }
        if (records.Skip(1).FirstOrDefault(r => r.Length != header.Length) is { } odd)
        {
            problems.Add($"{path}: a row has {odd.Length} fields, the header {header.Length}: {string.Join(',', odd)}");
        }
    }

    /// <summary>
    /// Checks a station's HTML page at <paramref name="path"/> in <paramref name="language"/> by its figures (the page lists every
    /// version received with its receipt, and the commission's recounts, reports and flags, which the verifier does not hold per
    /// station: it is not rebuilt byte for byte): the registered voters, and for each contest and source the version the page shows
    /// as counted and every line and vote of it, as the page writes them, against the version the verified log counts.
    /// </summary>
    public static void Html(string path, string html, Snapshot verified, Area station, Web.Site.SiteLanguage language, FigureProblems problems)
    {
        var words = language.Words;
        var registered = $"{words.RegisteredVoters}: {language.Number(station.Roll!.Registered)}"
            + (station.Roll.Additional > 0 ? $" + {language.Number(station.Roll.Additional)}" : "");
        var voters = HtmlDifference.Text(Registered().Match(html).Groups["voters"].Value);
        if (voters != HtmlDifference.Fold(registered))
        {
            problems.Differs(path, "the registered voters", voters, registered);
        }
        var sections = new Dictionary<(string, string), Match>();
        foreach (var m in Sections().Matches(html).Where(m => m.Groups["counted"].Value == "true"))
        {
            if (!sections.TryAdd((m.Groups["contest"].Value, m.Groups["source"].Value), m))
            {
                problems.Add($"{path}: shows two versions of {m.Groups["contest"].Value} by {m.Groups["source"].Value} as counted");
            }
        }
        foreach (var (plan, source, protocol) in Counted(verified, station))
        {
            var where = $"{path}: {plan.Contest.Id} by {source.Id}";
            var version = protocol.Version.ToString(CultureInfo.InvariantCulture);
            if (!sections.Remove((plan.Contest.Id.Value, source.Id.Value), out var section))
            {
                problems.Differs(where, "the version shown as counted", null, version);
                continue;
            }
            problems.Same(where, "the version shown as counted", section.Groups["version"].Value, version);
            var body = section.Groups["body"].Value;
            var shownFigures = new Dictionary<(string, string), string>();
            foreach (Match m in Figure().Matches(body))
            {
                if (!shownFigures.TryAdd((m.Groups["kind"].Value, m.Groups["id"].Value), System.Net.WebUtility.HtmlDecode(m.Groups["value"].Value)))
                {
                    problems.Add($"{where}: shows the {m.Groups["kind"].Value} {m.Groups["id"].Value} twice");
                }
            }
            for (var i = 0; i < plan.Form.Lines.Length; i++)
            {
                var id = plan.Form.Lines[i].Id.Value;
                problems.Same(where, $"line {id}", shownFigures.GetValueOrDefault(("line", id)), language.Number(protocol.Lines[i]));
            }
            for (var i = 0; i < plan.Choices.Length; i++)
            {
                var id = plan.Choices[i].Id.Value;
                problems.Same(where, $"the votes of {id}", shownFigures.GetValueOrDefault(("choice", id)), language.Number(protocol.Votes[i]));
            }
        }
        foreach (var ((contest, source), section) in sections)
        {
            problems.Add($"{path}: {contest} by {source}: version {section.Groups["version"].Value} is shown as counted, but the verified log "
                + "counts none");
        }
    }

    [GeneratedRegex("<main id=\"main\" tabindex=\"-1\">\\s*<h1>[^<]*</h1>\\s*<p>(?<voters>[^<]*)</p>")]
    private static partial Regex Registered();

    [GeneratedRegex("<section class=\"count\" [^>]*?data-contest=\"(?<contest>[^\"]*)\" data-source=\"(?<source>[^\"]*)\"\\s+"
        + "data-version=\"(?<version>[^\"]*)\" data-counted=\"(?<counted>true|false)\">(?<body>.*?)</section>", RegexOptions.Singleline)]
    private static partial Regex Sections();

    [GeneratedRegex("<tr data-(?<kind>line|choice)=\"(?<id>[^\"]*)\"><th scope=\"row\">[^<]*</th><td class=\"num\">(?<value>[^<]*)</td></tr>")]
    private static partial Regex Figure();

    private static void Cell(string where, string[] row, int column, string name, int verified, FigureProblems problems)
    {
        var expected = verified.ToString(CultureInfo.InvariantCulture);
        if (column < 0 || row[column] != expected)
        {
            problems.Differs(where, name, column < 0 ? null : row[column], expected);
        }
    }

    /// <summary>
    /// The counted version as published, read as a protocol (its bytes are not the verified ones) and held to the verified
    /// protocol: each line and vote that differs is named.
    /// </summary>
    private static void Figures(string where, JsonElement shown, ContestPlan plan, Protocol verified, Election election, FigureProblems problems)
    {
        if (ProtocolReader.Read(election, shown) is not ProtocolReadResult.Ok { Protocol: var read })
        {
            problems.Add($"{where}: the version counted does not read as a protocol of the election");
            return;
        }
        if (read.Equals(verified))
        {
            return; // the same protocol, written otherwise (spaces, order of fields)
        }
        for (var i = 0; i < plan.Form.Lines.Length; i++)
        {
            problems.Same(where, $"line {plan.Form.Lines[i].Id}", read.Lines[i], verified.Lines[i]);
        }
        for (var i = 0; i < plan.Choices.Length; i++)
        {
            problems.Same(where, $"the votes of {plan.Choices[i].Id}", read.Votes[i], verified.Votes[i]);
        }
        if (read.Lines.AsSpan().SequenceEqual(verified.Lines.AsSpan()) && read.Votes.AsSpan().SequenceEqual(verified.Votes.AsSpan()))
        {
            problems.Add($"{where}: the protocol of the version counted is not the one the verified log holds (its station, version, "
                + "correction or image differs)");
        }
    }

    /// <summary>Every contest and source the station has a counted version of in the verified snapshot.</summary>
    private static IEnumerable<(ContestPlan Plan, CountSource Source, Protocol Protocol)> Counted(Snapshot verified, Area station)
    {
        foreach (var plan in verified.Election.Contests)
        {
            foreach (var source in verified.Election.Sources)
            {
                if (verified.Counted(station.Id, plan.Contest.Id, source.Id) is { } protocol)
                {
                    yield return (plan, source, protocol);
                }
            }
        }
    }

    private static string ContentHash(Election election, Protocol protocol) =>
        Convert.ToHexStringLower(SHA256.HashData(ProtocolWriter.Canonical(election, protocol)));
}
