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
        foreach (var areaIndex in plan.TallyAreas)
        {
            var tally = snapshot.Tally(plan.Contest.Id, source.Id, election.Areas[areaIndex].Id)!;
            yield return new Figures(tally.Area, tally.Participation, tally.Votes);
        }
        for (var offset = 0; offset < plan.StationCount; offset++)
        {
            var station = election.Areas[election.StationAreaIndex(plan.OrdinalAt(offset))].Id;
            if (snapshot.Counted(station, plan.Contest.Id, source.Id) is { } protocol)
            {
                var participation = plan.Rules.Participation.Evaluate<int>(protocol.Lines.AsSpan(), protocol.Votes.AsSpan());
                yield return new Figures(station, participation, [.. protocol.Votes.Select(v => (long)v)]);
            }
        }
    }

    /// <summary>The ballots of every contest, source and area: cast (participation) and rejected (cast less valid votes).</summary>
    public static IEnumerable<ErrValue> Ballots(Snapshot snapshot)
    {
        var election = snapshot.Election;
        foreach (var plan in election.Contests)
        {
            var (type, otherType) = election.Contests.Length == 1 ? ("total", null) : ("other", new ErrText(ErrIds.Of(plan.Contest.Id)));
            foreach (var source in election.ResultSources)
            {
                var device = ErrWords.Device(source);
                foreach (var figures in Of(snapshot, plan, source))
                {
                    yield return new ErrObject(
                        "BallotCounts",
                        null,
                        [
                            new("DeviceClass", device),
                            new("GpUnitId", new ErrText(ErrIds.Of(figures.Area))),
                            new("Type", new ErrText(type)),
                            new("OtherType", otherType),
                            new("BallotsCast", new ErrNumber(figures.Participation)),
                            new("BallotsRejected", new ErrNumber(figures.Participation - figures.Votes.Sum())),
                        ]);
                }
            }
        }
    }

    /// <summary>The votes of one choice (at <paramref name="choice"/> in ballot order) in every area and source.</summary>
    public static IEnumerable<ErrValue> Votes(Snapshot snapshot, ContestPlan plan, int choice)
    {
        foreach (var source in snapshot.Election.ResultSources)
        {
            var device = ErrWords.Device(source);
            foreach (var figures in Of(snapshot, plan, source))
            {
                yield return new ErrObject(
                    "VoteCounts",
                    null,
                    [
                        new("DeviceClass", device),
                        new("GpUnitId", new ErrText(ErrIds.Of(figures.Area))),
                        new("Type", new ErrText("total")),
                        new("Count", new ErrNumber(figures.Votes[choice])),
                    ]);
            }
        }
    }
}
