using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using Sanoo.Contracts;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Log;
using Sanoo.Storage;

namespace Sanoo.Cli.Sheets;

/// <summary>
/// The protocol a sheet prints: the version counted for one station, contest and source, with its device signature and its log
/// position, read from a store (<c>--db</c>) or from a server's public API (<c>--url</c>: the station record, then that entry).
/// </summary>
/// <param name="Election">The election the protocol belongs to.</param>
/// <param name="Payload">The protocol counted and its signature.</param>
/// <param name="Sequence">Its log position.</param>
public sealed record CountedProtocol(Election Election, SheetPayload Payload, long Sequence)
{
    /// <summary>The protocol counted at a server, or why there is none, in a sentence.</summary>
    public static async Task<(CountedProtocol? Found, string? Why)> FromServerAsync(
        HttpClient http, string station, string? contest, string? source, CancellationToken cancellationToken)
    {
        var definition = await http.GetByteArrayAsync("/api/v1/definition", cancellationToken);
        if (DefinitionReader.Read(definition) is not DefinitionResult.Loaded { Election: var election })
        {
            return (null, "the definition the server publishes does not load");
        }
        if (Slot(election, station, contest, source) is not { } slot)
        {
            return (null, Unknown(election, station, contest, source));
        }
        using var answer = await http.GetAsync($"/api/v1/stations/{Uri.EscapeDataString(station)}", cancellationToken);
        if (answer.StatusCode == HttpStatusCode.NotFound)
        {
            return (null, $"the server publishes no station '{station}'");
        }
        answer.EnsureSuccessStatusCode();
        var record = await answer.Content.ReadFromJsonAsync(WireJson.Default.StationRecord, cancellationToken);
        var count = record?.Counts.FirstOrDefault(c => c.Contest == slot.Contest.Value && c.Source == slot.Source.Value);
        if (count?.CountedVersion is not { } counted || count.Versions.FirstOrDefault(v => v.Version == counted) is not { } version)
        {
            return (null, $"station {station} has no counted {slot.Source} protocol of contest {slot.Contest} published yet");
        }
        var query = $"/api/v1/entries?after={version.Sequence - 1}&limit=1";
        var page = await http.GetFromJsonAsync(query, WireJson.Default.EntriesPage, cancellationToken);
        if (page?.Entries is not [var entry] || entry.Sequence != version.Sequence)
        {
            return (null, $"the server does not serve log entry {version.Sequence}, which its station record names");
        }
        if (ProtocolReader.Read(election, Convert.FromBase64String(entry.Canonical)) is not ProtocolReadResult.Ok { Protocol: var protocol })
        {
            return (null, $"log entry {entry.Sequence} does not read as a protocol of this election");
        }
        var signature = entry.Signature.Length == 0 ? ImmutableArray<byte>.Empty : [.. Convert.FromBase64String(entry.Signature)];
        return (new CountedProtocol(election, new SheetPayload(protocol, signature), entry.Sequence), null);
    }

    /// <summary>The protocol counted in a store, or why there is none, in a sentence.</summary>
    public static async Task<(CountedProtocol? Found, string? Why)> FromStoreAsync(
        string db, string station, string? contest, string? source, CancellationToken cancellationToken)
    {
        if (StoreAddress.SqliteFile(db) is { } file && !File.Exists(file))
        {
            return (null, $"there is no store at {Path.GetFullPath(file)}");
        }
        await using var store = await StoreAddress.OpenAsync(db, cancellationToken);
        await using var log = await ElectionLog.OpenAsync(store, null, cancellationToken: cancellationToken);
        var election = log.Election;
        if (Slot(election, station, contest, source) is not { } slot)
        {
            return (null, Unknown(election, station, contest, source));
        }
        if (log.Current(slot.Station, slot.Contest, slot.Source) is not { } protocol)
        {
            return (null, $"station {station} has no counted {slot.Source} protocol of contest {slot.Contest}");
        }
        var entry = (await log.StationEntriesAsync(slot.Station, cancellationToken))
            .Last(e => e.Contest == slot.Contest && e.Source == slot.Source && e.Version == protocol.Version);
        var signature = entry.Signature.IsDefault ? ImmutableArray<byte>.Empty : entry.Signature;
        return (new CountedProtocol(election, new SheetPayload(protocol, signature), entry.Sequence), null);
    }

    /// <summary>The station, contest (default: the party list) and source (default: the official one), when the election has them.</summary>
    private static (AreaId Station, ContestId Contest, SourceId Source)? Slot(Election election, string station, string? contest, string? source)
    {
        var contestId = contest is null ? election.DefaultContest.Contest.Id : new ContestId(contest);
        var sourceId = source is null ? election.DefaultSource.Id : new SourceId(source);
        return election.Area(new AreaId(station)) is { IsStation: true } && election.Contest(contestId) is not null
            && election.TrySourceIndex(sourceId, out var index) && election.Sources[index].PartyCopy is null
            ? (new AreaId(station), contestId, sourceId)
            : null;
    }

    private static string Unknown(Election election, string station, string? contest, string? source) =>
        election.Area(new AreaId(station)) is not { IsStation: true } ? $"'{station}' is not a polling station of election {election.Id}"
        : contest is not null && election.Contest(new ContestId(contest)) is null ? $"'{contest}' is not a contest of election {election.Id}"
        : election.PartyCopies.Any(s => s.Id.Value == source)
            ? $"'{source}' is a party's copy of the protocols: a protocol sheet is printed for the commission's counts only"
        : $"'{source}' is not a count source of election {election.Id} (known: {string.Join(", ", election.ResultSources.Select(s => s.Id))})";
}
