using Sanoo.Core.Definitions;
using Sanoo.Core.Register;

namespace Sanoo.Core.Turnout;

/// <summary>What becomes of a turnout report offered to the book.</summary>
public enum TurnoutOutcome
{
    /// <summary>A new report: recorded.</summary>
    Recorded,

    /// <summary>The same station, time and figure as a report recorded before: nothing new (a device that did not get its answer).</summary>
    Duplicate,

    /// <summary>Another figure for a station and time already reported: refused; a report is never changed.</summary>
    Conflict,

    /// <summary>A report that cannot be true or is not of this election: refused, with the reason.</summary>
    Refused,
}

/// <summary>
/// The turnout reports of an election day: per station, the voters who had taken part by each of the definition's
/// <see cref="ElectionDefinition.TurnoutTimes"/>. It says whether a new report may be recorded (a time of the election, a polling
/// station, no more voters than are on its lists, never fewer than an earlier time nor more than a later one, one per station
/// and time) and sums the reports of any area. The server keeps one under the register's writer lock; <c>sanoo verify</c> replays
/// one over the register, so both judge every report alike.
/// </summary>
public sealed class TurnoutBook
{
    private readonly Election _election;
    private readonly Dictionary<int, long[]> _voters = [];
    private readonly int _times;

    /// <summary>An empty book for <paramref name="election"/>.</summary>
    public TurnoutBook(Election election)
    {
        _election = election;
        _times = election.Definition.TurnoutTimes.Length;
    }

    /// <summary>The report times, in the order of the day.</summary>
    public IReadOnlyList<string> Times => _election.Definition.TurnoutTimes;

    /// <summary>How many reports the book holds.</summary>
    public int Count { get; private set; }

    /// <summary>A book of the reports in <paramref name="records"/>, in register order (a report the book refuses is left out).</summary>
    public static TurnoutBook Of(Election election, IEnumerable<TurnoutRecord> records)
    {
        var book = new TurnoutBook(election);
        foreach (var record in records)
        {
            book.Add(record.Report(election.Id), out _);
        }
        return book;
    }

    /// <summary>Voters at a station by the time at <paramref name="time"/> (its position in <see cref="Times"/>); null until reported.</summary>
    public long? VotersAt(int stationOrdinal, int time) =>
        _voters.TryGetValue(stationOrdinal, out var day) && day[time] is var v and >= 0 ? v : null;

    /// <summary>The station's latest report: the time's position and the voters; null when it has sent none.</summary>
    public (int Time, long Voters)? Latest(int stationOrdinal)
    {
        for (var t = _times - 1; t >= 0; t--)
        {
            if (VotersAt(stationOrdinal, t) is { } voters)
            {
                return (t, voters);
            }
        }
        return null;
    }

    /// <summary>What becomes of <paramref name="report"/>; a recorded one is added. <paramref name="reason"/> says why one is refused.</summary>
    public TurnoutOutcome Add(TurnoutReport report, out string reason)
    {
        reason = "";
        var time = _election.Definition.TurnoutTimes.IndexOf(report.Time);
        if (report.Election != _election.Id)
        {
            reason = $"the report is of election {report.Election}, not {_election.Id}";
            return TurnoutOutcome.Refused;
        }
        if (time < 0)
        {
            reason = Times.Count == 0
                ? "this election publishes no turnout during the day (its definition has no turnoutTimes)"
                : $"{report.Time} is not a report time of this election ({string.Join(", ", Times)})";
            return TurnoutOutcome.Refused;
        }
        if (!_election.TryAreaIndex(report.Station, out var index) || !_election.TryStationOrdinal(index, out var ordinal))
        {
            reason = $"{report.Station} is not a polling station of this election";
            return TurnoutOutcome.Refused;
        }
        var roll = _election.Areas[index].Roll!;
        if (report.Voters < 0 || report.Voters > roll.Total)
        {
            reason = $"{report.Voters:N0} voters at {report.Station}, whose lists hold {roll.Total:N0}";
            return TurnoutOutcome.Refused;
        }
        if (VotersAt(ordinal, time) is { } before)
        {
            if (before == report.Voters)
            {
                return TurnoutOutcome.Duplicate;
            }
            reason = $"{report.Station} reported {before:N0} voters by {report.Time} already; a report is never changed";
            return TurnoutOutcome.Conflict;
        }
        for (var t = 0; t < _times; t++)
        {
            if (VotersAt(ordinal, t) is { } other && (t < time ? other > report.Voters : t > time && other < report.Voters))
            {
                reason = $"{report.Voters:N0} voters by {report.Time} at {report.Station}, but {other:N0} by {Times[t]}: "
                    + "voters who took part are never fewer later in the day";
                return TurnoutOutcome.Refused;
            }
        }
        if (!_voters.TryGetValue(ordinal, out var reported))
        {
            _voters[ordinal] = reported = new long[_times];
            Array.Fill(reported, -1);
        }
        reported[time] = report.Voters;
        Count++;
        return TurnoutOutcome.Recorded;
    }

    /// <summary>
    /// The turnout of an area (of the tree or of a grouping) at each time: how many of its stations reported, their voters and the
    /// voters on those stations' lists (the base of the percentage, so a partial report is judged on the stations it covers).
    /// </summary>
    public IReadOnlyList<AreaTurnout> Area(int areaIndex)
    {
        var stations = _election.StationsOf(areaIndex);
        var sums = new AreaTurnout[_times];
        for (var t = 0; t < _times; t++)
        {
            int reporting = 0;
            long voters = 0, registered = 0;
            foreach (var ordinal in stations)
            {
                if (VotersAt(ordinal, t) is { } v)
                {
                    reporting++;
                    voters += v;
                    registered += _election.Station(ordinal).Roll!.Total;
                }
            }
            sums[t] = new AreaTurnout(Times[t], reporting, stations.Length, voters, registered);
        }
        return sums;
    }
}

/// <summary>An area's turnout at one time of the day.</summary>
/// <param name="Time">The time (<c>HH:mm</c>, local).</param>
/// <param name="Reporting">Stations that reported by then.</param>
/// <param name="Stations">Stations of the area.</param>
/// <param name="Voters">Voters who had taken part at the reporting stations.</param>
/// <param name="Registered">Voters on the lists of the reporting stations (main and additional).</param>
public sealed record AreaTurnout(string Time, int Reporting, int Stations, long Voters, long Registered)
{
    /// <summary>Voters as a percentage of <see cref="Registered"/>; null when no station reported.</summary>
    public decimal? Percent => Registered == 0 ? null : Math.Round(100m * Voters / Registered, 2);
}
