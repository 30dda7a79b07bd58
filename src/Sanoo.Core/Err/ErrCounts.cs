using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;

namespace Sanoo.Core.Err;

/// <summary>
/// The counts of an ERR report. Each count names its area (<c>GpUnitId</c>) and its count source as a <c>DeviceClass</c> of type
/// <c>other</c> whose <c>OtherType</c> is the source's id: sources are the definition's data (machine, hand, a machines' own export),
/// and NIST's device types cannot say which is which without code knowing a country. Every count is of type <c>total</c>. A
/// contest's ballots are <c>BallotCounts</c> of the election: type <c>total</c> when the election has one contest, else type
/// <c>other</c> whose <c>OtherType</c> is the contest's <c>@id</c>, since NIST ties ballot counts to no contest.
/// </summary>
public static class ErrCounts
{
    /// <summary>The figures of one area or station in one contest and source: voters who took part and votes per choice.</summary>
    /// <param name="Area">The area or station.</param>
    /// <param name="Participation">Voters who took part (the form's participation expression).</param>
    /// <param name="Votes">Votes per choice, in ballot order.</param>
    public sealed record Figures(AreaId Area, long Participation, IReadOnlyList<long> Votes);

    /// <summary>
    /// Every figure of a contest and source: the areas the contest is tallied in (its own area first), then each station whose
    /// protocol is counted, in station order. A station with no counted protocol has no figures, so it is not reporting.
    /// </summary>
    public static IEnumerable<Figures> Of(Snapshot snapshot, ContestPlan plan, CountSource source)
    {
        var election = snapshot.Election;
        var areas = plan.TallyAreas.Select(a => snapshot.Tally(plan.Contest.Id, source.Id, election.Areas[a].Id)!)
            .Select(tally => new Figures(tally.Area, tally.Participation, tally.Votes));
        var known = election.TrySourceIndex(source.Id, out var sourceIndex);
        var stations = Enumerable.Range(0, known ? plan.StationCount : 0)
            .Select(offset => snapshot.Counted(plan, sourceIndex, offset))
            .Where(counted => counted is not null)
            .Select(counted => Station(plan, counted!.Value));
        return areas.Concat(stations);
    }

    private static Figures Station(ContestPlan plan, CountedRef counted) => new(
        counted.Station, plan.Rules.Participation.Evaluate<int>(counted.Lines, counted.Votes), CountedFigures.Widened(counted.Votes));

    /// <summary>The ballots of every contest, source and area: cast (participation) and rejected (cast less valid votes).</summary>
    public static IEnumerable<ErrValue> Ballots(Snapshot snapshot)
    {
        var election = snapshot.Election;
        return election.Contests.SelectMany(plan =>
        {
            var (type, otherType) = election.Contests.Length == 1 ? ("total", null) : ("other", new ErrText(ErrIds.Of(plan.Contest.Id)));
            return election.ResultSources.SelectMany(source => Of(snapshot, plan, source).Select(figures => (ErrValue)new ErrObject(
                "BallotCounts",
                null,
                [
                    new("DeviceClass", ErrWords.Device(source)),
                    new("GpUnitId", new ErrText(ErrIds.Of(figures.Area))),
                    new("Type", new ErrText(type)),
                    new("OtherType", otherType),
                    new("BallotsCast", new ErrNumber(figures.Participation)),
                    new("BallotsRejected", new ErrNumber(figures.Participation - figures.Votes.Sum())),
                ])));
        });
    }

    /// <summary>The votes of one choice (at <paramref name="choice"/> in ballot order) in every area and source.</summary>
    public static IEnumerable<ErrValue> Votes(Snapshot snapshot, ContestPlan plan, int choice) =>
        snapshot.Election.ResultSources.SelectMany(source => Of(snapshot, plan, source).Select(figures => (ErrValue)new ErrObject(
            "VoteCounts",
            null,
            [
                new("DeviceClass", ErrWords.Device(source)),
                new("GpUnitId", new ErrText(ErrIds.Of(figures.Area))),
                new("Type", new ErrText("total")),
                new("Count", new ErrNumber(figures.Votes[choice])),
            ])));
}
