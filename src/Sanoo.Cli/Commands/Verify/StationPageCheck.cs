using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Sanoo.Contracts;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Core.Tally;
using Sanoo.Core.Transparency;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Holds a station's page data (<c>data.json</c>, <see cref="StationRecord"/>, and <c>data.csv</c>, its rows of protocols.csv) to the
/// verified snapshot: the station, its district and voter lists as the definition has them; for each contest and source, the version
/// counted as the one the verified log counts, none added or left out, its content hash and every figure of it those of the verified
/// protocol. The versions not counted (rejected, conflicting, stale, corrected) change no figure and are not held in its data; its
/// HTML page, which lists every version with its receipt, is rendered again from the station's entries the verified log holds
/// (<see cref="Entries"/>) and compared byte for byte (<see cref="PageHtmlCheck.CompareAsync"/>, a <see cref="RenderedPage.OfStation"/>).
/// </summary>
internal static class StationPageCheck
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
    /// A station's entries as the verified log holds them, rebuilt from the file of its entries a published folder holds
    /// (<c>api/v1/area-entries/{station}.json</c>, <paramref name="bytes"/> at <paramref name="path"/>) for its page to be rendered
    /// again: every field its Merkle leaf commits to, the content hash its canonical bytes give (not the one written), and what follows
    /// from those bytes under the definition: the figures, the correction, the relations broken (the control relations re-run, as the
    /// log's tally engine runs them: kept for an accepted or rejected version). Their leaves, in log order, must be every leaf the
    /// verified log holds for the station (<see cref="StationLeaves"/>): null, with a problem, when they are not or do not read.
    /// </summary>
    public static IReadOnlyList<Storage.Log.LogEntry>? Entries(
        string path, byte[] bytes, Election election, Area station, StationLeaves leaves, FigureProblems problems)
    {
        Contracts.AreaEntries read;
        try
        {
            read = JsonSerializer.Deserialize(bytes, WireJson.Default.AreaEntries) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            problems.Add($"{path}: does not read as a station's entries ({e.Message})");
            return null;
        }
        var entries = new List<Storage.Log.LogEntry>();
        var hashes = new List<byte[]>();
        foreach (var e in read.Entries.OrderBy(e => e.Sequence))
        {
            byte[] canonical, signature;
            try
            {
                (canonical, signature) = (Convert.FromBase64String(e.Canonical), Convert.FromBase64String(e.Signature));
            }
            catch (FormatException)
            {
                problems.Add($"{path}: entry {e.Sequence}'s protocol or signature is not base64");
                return null;
            }
            var hash = Sha256Digest.Of(canonical);
            var at = DateTimeOffset.FromUnixTimeMilliseconds(e.ReceivedAt);
            var outcome = EntryPage.WordOf(e.Outcome);
            hashes.Add(Core.Transparency.LogLeaf.Hash(
                e.Sequence, e.Station, e.Contest, e.Source, e.Version, outcome, e.Sender, hash, signature, at));
            if (ProtocolReader.Read(election, canonical) is not ProtocolReadResult.Ok { Protocol: var p } || p.Station != station.Id
                || election.Contest(p.Contest) is not { } plan)
            {
                problems.Add($"{path}: entry {e.Sequence}'s protocol does not read as one of station {station.Id} under the definition");
                return null;
            }
            var stored = Storage.Log.OutcomeText.Parse(outcome);
            var broken = stored is Storage.Log.StoredOutcome.Accepted or Storage.Log.StoredOutcome.Rejected
                ? plan.Rules.Check(p.Lines.AsSpan(), p.Votes.AsSpan())
                : [];
            entries.Add(new Storage.Log.LogEntry(
                e.Sequence, p.Station, p.Contest, p.Source, p.Version, stored, [.. hash], [.. canonical], [.. p.Lines, .. p.Votes],
                p.Correction?.Reason, p.Correction?.Author, e.Sender, at, Storage.Log.ViolationsJson.Write(broken), [.. signature]));
        }
        if (!leaves.Holds(station, hashes))
        {
            problems.Add($"{path}: the {entries.Count:N0} entries listed for station {station.Id} are not the ones the verified log holds "
                + "for it (one is added, changed or left out): its page is not checked against them");
            return null;
        }
        return entries;
    }

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
        Convert.ToHexStringLower(Sha256Digest.Of(ProtocolWriter.Canonical(election, protocol)));
}
