using Sanoo.Core.Definitions;
using Sanoo.Core.Seats;
using Sanoo.Core.Tally;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// What every figure of a whole-election export must be at the verified head, from the verifier's own replay: an area's votes from
/// its running sums (<see cref="AreaSums"/>), its voters who took part from its tally engine, a station's figures from the version
/// it has counted, seats recomputed from those. Holds nothing of its own beyond a few lookups per contest: it reads the replay, so
/// an export of any size costs no memory per row. Read-only once built, so both forms of a report are checked at once.
/// </summary>
internal sealed class ExportFigures
{
    private readonly LogReplay _replay;
    private readonly AreaSums _sums;
    private readonly Dictionary<int, int>[] _slots;
    private readonly SeatAllocation?[] _seats;

    /// <summary>The figures of <paramref name="replay"/> as it stands.</summary>
    public ExportFigures(LogReplay replay)
        : this(replay, new FrozenTally(replay.Verified, replay.Sums))
    {
    }

    /// <summary>
    /// The figures of <paramref name="replay"/> when it stood at <paramref name="tally"/>'s size (the register's acts and
    /// certification are still read at the head: a certification counts from the log position it names).
    /// </summary>
    public ExportFigures(LogReplay replay, FrozenTally tally)
    {
        _replay = replay;
        _sums = tally.Sums;
        Election = replay.Election;
        Verified = tally.Snapshot;
        _slots = [.. Election.Contests.Select(plan => plan.TallyAreas.Select((area, slot) => (area, slot)).ToDictionary(a => a.area, a => a.slot))];
        _seats = new SeatAllocation?[Election.Contests.Length * Election.ResultSources.Length];
    }

    /// <summary>The election.</summary>
    public Election Election { get; }

    /// <summary>The verifier's own snapshot at the head, or at the earlier size it was made for.</summary>
    public Snapshot Verified { get; }

    /// <summary>The commission's acts the register holds at the head (<see cref="RegisterReplay.CommissionActs"/>).</summary>
    public Web.Publishing.CommissionRecord Acts => _replay.Register.CommissionActs;

    /// <summary>Each station's entries in the verified log, as a running hash of their leaves (<see cref="LogReplay.StationLeaves"/>).</summary>
    public StationLeaves StationLeaves => _replay.StationLeaves;

    /// <summary>The main contest's counted versions in log order, with their received times (<see cref="LogReplay.Counted"/>).</summary>
    public IReadOnlyList<Core.Progress.CountedVersion> CountedVersions => _replay.Counted;

    /// <summary>The report's <c>Status</c> at the head: certified by a register record, else complete or partial by the count.</summary>
    public string Status => Core.Err.ErrExport.Status(
        Verified, new Core.Err.ErrContext(default, _replay.Register.CertifiedFrom <= Verified.Position, ""));

    /// <summary>
    /// The votes for the choice at <paramref name="choice"/> of <paramref name="plan"/> by the result source at <paramref name="source"/>
    /// in the area at <paramref name="area"/>; null where the export must list none (a station with no counted protocol, an area the
    /// contest is not tallied in).
    /// </summary>
    public long? VotesOf(ContestPlan plan, int source, int area, int choice)
    {
        if (_slots[plan.Index].TryGetValue(area, out var slot))
        {
            return _sums.Of(plan, source, slot).Votes.Span[choice];
        }
        return Counted(plan, source, area) is { } counted ? (choice < counted.Votes.Length ? counted.Votes[choice] : 0) : null;
    }

    /// <summary>
    /// The ballots cast (voters who took part, the form's participation) and rejected (cast less votes) of <paramref name="plan"/> by
    /// the result source at <paramref name="source"/> in the area at <paramref name="area"/>; null where the export must list none.
    /// </summary>
    public (long Cast, long Rejected)? BallotsOf(ContestPlan plan, int source, int area)
    {
        if (_slots[plan.Index].TryGetValue(area, out var slot))
        {
            var cast = Verified.Tally(plan.Contest.Id, Election.ResultSources[source].Id, Election.Areas[area].Id)?.Participation ?? 0;
            var votes = 0L;
            foreach (var v in _sums.Of(plan, source, slot).Votes.Span)
            {
                votes += v;
            }
            return (cast, cast - votes);
        }
        if (Counted(plan, source, area) is not { } counted)
        {
            return null;
        }
        long participation = plan.Rules.Participation.Evaluate<int>(counted.Lines, counted.Votes);
        var sum = 0L;
        foreach (var v in counted.Votes)
        {
            sum += v;
        }
        return (participation, participation - sum);
    }

    private CountedRef? Counted(ContestPlan plan, int source, int area) =>
        Election.Areas[area].IsStation
            ? Verified.CountedRefOf(Election.Areas[area].Id, plan.Contest.Id, Election.ResultSources[source].Id)
            : null;

    /// <summary>How many areas and stations have figures in <paramref name="plan"/> and the source at <paramref name="source"/>.</summary>
    public int Listed(ContestPlan plan, int source) =>
        plan.TallyAreas.Length + _sums.Of(plan, source, _slots[plan.Index][plan.AreaIndex]).Stations;

    /// <summary>The stations the official count has in and expects in <paramref name="plan"/>'s area.</summary>
    public (int Reporting, int Expected) Stations(ContestPlan plan)
    {
        var official = Election.DefaultSource.Id;
        var tally = Verified.Tally(plan.Contest.Id, official, plan.Contest.Area);
        var source = Election.ResultSources.IndexOf(Election.DefaultSource);
        var reporting = source < 0 ? tally?.StationsReporting ?? 0 : _sums.Of(plan, source, _slots[plan.Index][plan.AreaIndex]).Stations;
        return (reporting, tally?.StationsExpected ?? 0);
    }

    /// <summary>The seats <paramref name="party"/> wins in <paramref name="plan"/> by the result source at <paramref name="source"/>.</summary>
    public int SeatsOf(ContestPlan plan, int source, ChoiceId party)
    {
        var at = (plan.Index * Election.ResultSources.Length) + source;
        lock (_seats)
        {
            _seats[at] ??= ContestSeats.PartyList(plan, Verified, Election.ResultSources[source].Id);
            return _seats[at]!.SeatsOf(party);
        }
    }
}
