using System.Globalization;
using Sanoo.Core.Definitions;
using Sanoo.Core.Err;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Holds every number of an ERR report (docs/err.md), object by object as <see cref="ErrScan"/> reads it, to the verifier's own
/// figures (<see cref="ExportFigures"/>): each area's and station's votes per choice and count source, their ballots cast and
/// rejected, the seats, each unit's registered voters, each contest's stations reporting and expected; and at the end that no area
/// or station was left out or listed twice. The report states the snapshot it is of: its figures mean something only when that is
/// the verified head, which the caller decides once the whole report is read.
/// </summary>
internal sealed class ErrCheck
{
    /// <summary>How many problems are kept (the rest are counted): a report of another snapshot differs almost everywhere.</summary>
    public const int Kept = 200;

    private readonly ExportFigures _figures;
    private readonly Election _election;
    private readonly string _file;
    private readonly Dictionary<string, (ContestPlan Plan, int Choice)> _selections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _sources = new(StringComparer.Ordinal);
    private readonly int[] _votesListed;
    private readonly int[] _ballotsListed;

    /// <summary>A check of the report at <paramref name="file"/> against <paramref name="figures"/>.</summary>
    public ErrCheck(ExportFigures figures, string file)
    {
        _figures = figures;
        _election = figures.Election;
        _file = file;
        foreach (var plan in _election.Contests)
        {
            for (var i = 0; i < plan.Choices.Length; i++)
            {
                _selections[ErrIds.Of(plan.Contest.Id, plan.Choices[i].Id)] = (plan, i);
            }
        }
        for (var s = 0; s < _election.ResultSources.Length; s++)
        {
            _sources[_election.ResultSources[s].Id.Value] = s;
        }
        _votesListed = new int[_election.Contests.Length * _election.ResultSources.Length];
        _ballotsListed = new int[_votesListed.Length];
    }

    /// <summary>The figures the report is held to: the head's, or those of the earlier snapshot it was read ahead to state.</summary>
    public ExportFigures Figures => _figures;

    /// <summary>What differs, up to <see cref="Kept"/>.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>How many problems were found in all.</summary>
    public int Found { get; private set; }

    /// <summary>The log position the report says it is of (its <c>sanoo-snapshot</c> identifier); null when it says none.</summary>
    public long? Snapshot { get; private set; }

    /// <summary>Checks one object read whole.</summary>
    public void Done(ErrRecord record)
    {
        switch (record.Type)
        {
            case "DeviceClass":
                record.Parent?.Device = record.OtherType;
                break;
            case "VoteCounts":
                Votes(record);
                break;
            case "BallotCounts":
                Ballots(record);
                break;
            case "ReportingUnit":
                Unit(record);
                break;
            case "PartyContest" or "CandidateContest":
                Contest(record);
                break;
            case "ElectionReport" when record.Status != _figures.Status:
                Add($"{_file}: its Status is published as {record.Status ?? "nothing"}, but the verified log and register give {_figures.Status}");
                break;
            case "ExternalIdentifier" when record.Parent?.Type == "ElectionReport" && record.OtherType == ErrIds.Snapshot:
                Snapshot = long.TryParse(record.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var position) ? position : -1;
                break;
            default:
                break;
        }
    }

    /// <summary>After the whole report: names each contest and source whose areas and stations were not each listed once.</summary>
    public void Finish()
    {
        foreach (var plan in _election.Contests)
        {
            for (var s = 0; s < _election.ResultSources.Length; s++)
            {
                var (listed, at) = (_figures.Listed(plan, s), (plan.Index * _election.ResultSources.Length) + s);
                var where = $"{_file}: {plan.Contest.Id}/{_election.ResultSources[s].Id}";
                if (_votesListed[at] != listed * plan.Choices.Length)
                {
                    Add($"{where}: {_votesListed[at]:N0} vote counts are published; the verified protocols give {listed:N0} areas and "
                        + $"stations with figures, {listed * plan.Choices.Length:N0} counts (one left out, added or listed twice)");
                }
                if (_ballotsListed[at] != listed)
                {
                    Add($"{where}: {_ballotsListed[at]:N0} ballot counts are published; the verified protocols give {listed:N0}");
                }
            }
        }
    }

    private void Add(string problem)
    {
        if (Found++ < Kept)
        {
            Problems.Add(problem);
        }
    }

    private bool Where(ErrRecord record, out int source, out int area)
    {
        (source, area) = (-1, -1);
        if (record.Device is not { } device || !_sources.TryGetValue(device, out source))
        {
            Add($"{_file}: a count of source {record.Device ?? "(none)"}, which is no result source of the definition");
            return false;
        }
        if (ErrIds.Strip(record.GpUnitId, ErrIds.Area) is not { } id || !AreaId.TryParse(id, out var areaId)
            || !_election.TryAreaIndex(areaId, out area))
        {
            Add($"{_file}: a count of {record.GpUnitId ?? "no area"}, which is no area of the definition");
            return false;
        }
        return true;
    }

    private void Votes(ErrRecord record)
    {
        if (record.Parent?.Id is not { } selection || !_selections.TryGetValue(selection, out var chosen))
        {
            Add($"{_file}: votes of {record.Parent?.Id ?? "no selection"}, which is no choice of a contest of the definition");
            return;
        }
        if (!Where(record, out var source, out var area))
        {
            return;
        }
        var (plan, choice) = chosen;
        var choiceId = plan.Choices[choice].Id;
        if (record.CountType == "seats")
        {
            var seats = _figures.SeatsOf(plan, source, choiceId);
            if (area != plan.AreaIndex || record.Count != seats)
            {
                Add($"{Here(plan, source, area)}: {choiceId} is published with {record.Count} seats, but the verified protocols give "
                    + $"{seats} at {plan.Contest.Area}");
            }
            return;
        }
        if (record.CountType != "total")
        {
            Add($"{Here(plan, source, area)}: {choiceId} has a count of type {record.CountType}, which Sanoo never publishes");
            return;
        }
        _votesListed[(plan.Index * _election.ResultSources.Length) + source]++;
        if (_figures.VotesOf(plan, source, area, choice) is not { } own)
        {
            Add($"{Here(plan, source, area)}: {choiceId} is published with {record.Count:N0} votes, but the log has no counted protocol there");
        }
        else if (record.Count != own)
        {
            Add($"{Here(plan, source, area)}: {choiceId} is published with {record.Count:N0} votes, "
                + $"but the station protocols add up to {own:N0}");
        }
    }

    private void Ballots(ErrRecord record)
    {
        var plan = _election.Contests.Length == 1 && record.CountType == "total" ? _election.Contests[0]
            : record.CountType == "other" && ErrIds.Strip(record.OtherType, ErrIds.Contest) is { } id && ContestId.TryParse(id, out var contest)
                ? _election.Contest(contest) : null;
        if (plan is null)
        {
            Add($"{_file}: ballots counted for {record.OtherType ?? record.CountType ?? "nothing"}, which is no contest of the definition");
            return;
        }
        if (!Where(record, out var source, out var area))
        {
            return;
        }
        _ballotsListed[(plan.Index * _election.ResultSources.Length) + source]++;
        if (_figures.BallotsOf(plan, source, area) is not { } own)
        {
            Add($"{Here(plan, source, area)}: ballots are published, but the log has no counted protocol there");
            return;
        }
        if (record.BallotsCast != own.Cast)
        {
            Add($"{Here(plan, source, area)}: BallotsCast is published as {record.BallotsCast:N0}, but the station protocols give {own.Cast:N0}");
        }
        if (record.BallotsRejected != own.Rejected)
        {
            Add($"{Here(plan, source, area)}: BallotsRejected is published as {record.BallotsRejected:N0}, "
                + $"but the station protocols give {own.Rejected:N0}");
        }
    }

    /// <summary>Names a contest, source and area as the other comparisons do, the file first.</summary>
    private string Here(ContestPlan plan, int source, int area) =>
        $"{_file}: {plan.Contest.Id}/{_election.ResultSources[source].Id}/{_election.Areas[area].Id}";

    private void Unit(ErrRecord record)
    {
        if (ErrIds.Strip(record.Id, ErrIds.Area) is not { } id || !AreaId.TryParse(id, out var areaId)
            || !_election.TryAreaIndex(areaId, out var area))
        {
            Add($"{_file}: the unit {record.Id ?? "(no id)"} is no area of the definition");
            return;
        }
        if (record.VotersRegistered != _election.RegisteredVoters(area))
        {
            Add($"{_file}: {areaId}: VotersRegistered is published as {record.VotersRegistered:N0}, "
                + $"but the definition gives {_election.RegisteredVoters(area):N0}");
        }
    }

    private void Contest(ErrRecord record)
    {
        if (ErrIds.Strip(record.Id, ErrIds.Contest) is not { } id || !ContestId.TryParse(id, out var contestId)
            || _election.Contest(contestId) is not { } plan)
        {
            Add($"{_file}: the contest {record.Id ?? "(no id)"} is no contest of the definition");
            return;
        }
        var (reporting, expected) = _figures.Stations(plan);
        if (record.SubUnitsReported != reporting || record.TotalSubUnits != expected)
        {
            Add($"{_file}: {contestId}: SubUnitsReported/TotalSubUnits are published as "
                + $"{record.SubUnitsReported}/{record.TotalSubUnits}, but the log's official count gives {reporting}/{expected}");
        }
    }
}
