using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Sanoo.Core.Definitions;
using Sanoo.Core.Err;
using Sanoo.Core.Protocols;

namespace Sanoo.Cli.ErrImport;

/// <summary>
/// The counts of an ERR report, contest by contest, and the protocols they make. A count's source is its <c>DeviceClass</c>'s
/// <c>OtherType</c> (its <c>Type</c> where that is not <c>other</c>; <c>total</c> without a device class). Votes are the counts of
/// type <c>total</c> at the stations; a contest's ballots are the election's <c>BallotCounts</c> of type <c>other</c> naming the
/// contest, or of type <c>total</c> where the election has one contest.
/// </summary>
public sealed class ErrContestCounts
{
    private readonly ErrAreas _areas;
    private readonly Dictionary<string, List<ErrNode>> _ballots = new(StringComparer.Ordinal);
    private readonly int _contests;
    private readonly ErrLocalIds _sourceIds = new("");
    private readonly List<string> _sources = [];
    private readonly List<(string Contest, ErrCountBook Book)> _books = [];
    private readonly string? _official;
    private int _otherTypes;

    /// <summary>Indexes the ballot counts of <paramref name="election"/>.</summary>
    public ErrContestCounts(ErrAreas areas, ErrNode election)
    {
        _areas = areas;
        _contests = election.Objects("Contest").Count();
        _official = election.External(ErrIds.OfficialSource);
        foreach (var ballots in election.Objects("BallotCounts"))
        {
            var key = ballots.Text("Type") == "total" ? "" : ballots.Text("OtherType") ?? "";
            if (!_ballots.TryGetValue(key, out var list))
            {
                list = [];
                _ballots[key] = list;
            }
            list.Add(ballots);
        }
    }

    /// <summary>The station counts of a contest whose selections are <paramref name="selections"/>, in ballot order.</summary>
    public ErrCountBook Read(ErrNode contest, IReadOnlyList<(ErrNode Node, string Choice)> selections)
    {
        var book = new ErrCountBook(selections.Count);
        for (var i = 0; i < selections.Count; i++)
        {
            foreach (var count in selections[i].Node.Objects("VoteCounts"))
            {
                var (type, unit, value) = (count.Text("Type"), count.Text("GpUnitId"), count.Number("Count") ?? 0);
                if (type == "seats")
                {
                    book.SeatsOf(Source(count))[i] += value;
                }
                else if (type != "total")
                {
                    _otherTypes++;
                }
                else if (unit is not null && _areas.Stations.Contains(unit))
                {
                    book.At(unit, Source(count)).Votes[i] = value;
                }
            }
        }
        var key = contest.Id is { } id && _ballots.ContainsKey(id) ? id : _contests == 1 ? "" : null;
        foreach (var ballots in key is null ? [] : _ballots.GetValueOrDefault(key) ?? [])
        {
            if (ballots.Text("GpUnitId") is { } unit && _areas.Stations.Contains(unit))
            {
                var station = book.At(unit, Source(ballots));
                (station.Cast, station.Rejected) = (ballots.Number("BallotsCast"), ballots.Number("BallotsRejected"));
            }
        }
        return book;
    }

    /// <summary>Keeps the counts of a contest for <see cref="Protocols"/>.</summary>
    public void Add(string contest, ErrCountBook book) => _books.Add((contest, book));

    /// <summary>A party-list contest's seats: the sum of its parties' seats in the official count (else in any count); 0 when none.</summary>
    public long SeatsOf(ErrCountBook book) =>
        _official is not null && book.Seats.TryGetValue(_sourceIds.Of(_official), out var official) ? official.Sum()
        : book.Seats.Values.Select(s => s.Sum()).DefaultIfEmpty(0).Max();

    /// <summary>The sources met, as definition JSON: the one the report names official (else the first) is official.</summary>
    public JsonArray Sources(string? official, List<string> notes)
    {
        if (_sources.Count == 0)
        {
            throw new FormatException("the report has no vote counts at its stations: it is no precinct-level report Sanoo can count");
        }
        var officialId = official is not null && _sources.Contains(_sourceIds.Of(official)) ? _sourceIds.Of(official) : _sources[0];
        if (official is null)
        {
            notes.Add($"The report does not say which count is official: the first met, {officialId}, is.");
        }
        if (_otherTypes > 0)
        {
            notes.Add($"{_otherTypes} vote counts of other types than total (early, absentee …) are not imported: Sanoo counts totals.");
        }
        return new JsonArray([.. _sources.Select(s => (JsonNode)new JsonObject
        {
            ["id"] = s,
            ["name"] = new JsonObject { ["en"] = s },
            ["official"] = s == officialId,
            ["signed"] = false,
        })]);
    }

    /// <summary>One protocol per station, contest and source with any count, by source in the order first met.</summary>
    public ImmutableArray<KeyValuePair<string, ImmutableArray<Protocol>>> Protocols(Election election, ErrAreas areas, List<string> notes)
    {
        var bySource = _sources.ToDictionary(s => s, _ => ImmutableArray.CreateBuilder<Protocol>(), StringComparer.Ordinal);
        var refused = 0;
        foreach (var (contest, book) in _books)
        {
            foreach (var ((station, source), counts) in book.Stations)
            {
                var votes = counts.Votes.Sum();
                var cast = counts.Cast ?? votes + (counts.Rejected ?? 0);
                long[] lines = [cast, counts.Rejected ?? cast - votes];
                if (lines.Concat(counts.Votes).Any(v => v is < 0 or > int.MaxValue))
                {
                    refused++;
                    continue;
                }
                bySource[source].Add(new Protocol(
                    election.Id,
                    new AreaId(areas.Ids.Of(station)),
                    new ContestId(contest),
                    new SourceId(source),
                    1,
                    [.. lines.Select(v => (int)v)],
                    [.. counts.Votes.Select(v => (int)v)],
                    null));
            }
        }
        if (refused > 0)
        {
            notes.Add($"{refused} station counts have a figure below 0 or above 2,147,483,647: left out.");
        }
        return [.. bySource.Select(p => KeyValuePair.Create(p.Key, p.Value.ToImmutable()))];
    }

    private string Source(ErrNode count)
    {
        var device = count.Object("DeviceClass");
        var raw = device?.Text("Type") is "other" or null ? device?.Text("OtherType") ?? device?.Text("Type") ?? "total" : device.Text("Type")!;
        var id = _sourceIds.Of(raw);
        if (!_sources.Contains(id))
        {
            _sources.Add(id);
        }
        return id;
    }
}
