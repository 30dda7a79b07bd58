using System.Collections.Immutable;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;

namespace Sanoo.Core.Tally;

/// <summary>
/// An immutable tally at one log position, with the result of the invariant check run when it
/// was frozen. All numbers on one page or API response come from one snapshot.
/// </summary>
public sealed class Snapshot
{
    private readonly ContestBook[] _books;
    private readonly int _sources;

    internal Snapshot(CapturedTally captured, ImmutableArray<InvariantViolation> violations)
    {
        Captured = captured;
        Election = captured.Election;
        Position = captured.Position;
        _books = captured.Books;
        _sources = captured.Sources;
        InvariantViolations = violations;
    }

    /// <summary>The election.</summary>
    public Election Election { get; }

    /// <summary>The engine's freeze it was checked from: the next freeze's check starts from this one's.</summary>
    internal CapturedTally? Captured { get; }

    /// <summary>The log position: how many protocol versions the snapshot reflects.</summary>
    public long Position { get; }

    /// <summary>Every impossible number found; empty for a sound snapshot.</summary>
    public ImmutableArray<InvariantViolation> InvariantViolations { get; }

    /// <summary>Whether the snapshot may be shown to anyone: no invariant is broken.</summary>
    public bool IsPublishable => InvariantViolations.IsEmpty;

    /// <summary>
    /// The tally of a contest, source and area; null when the contest, source or area is unknown
    /// or the area does not hold the contest (or is a station: see the station's protocols).
    /// </summary>
    public AreaTally? Tally(ContestId contest, SourceId source, AreaId area)
    {
        if (Election.Contest(contest) is not { } plan || !Election.TrySourceIndex(source, out var s) || !Election.TryAreaIndex(area, out var index))
        {
            return null;
        }
        var book = _books[(plan.Index * _sources) + s];
        return book.Layout.SlotOfArea.TryGetValue(index, out var slot) ? Read(book, slot) : null;
    }

    /// <summary>
    /// The protocol a station had counted for a contest and source at this snapshot, made anew; null when none was counted, or the
    /// station does not vote on the contest. <see cref="CountedRefOf"/> reads its figures without making it.
    /// </summary>
    public Protocol? Counted(AreaId station, ContestId contest, SourceId source) => CountedRefOf(station, contest, source)?.Protocol();

    /// <summary>
    /// Where the engine keeps the version a station had counted for a contest and source at this snapshot; null when none was
    /// counted, or the station does not vote on the contest.
    /// </summary>
    public CountedRef? CountedRefOf(AreaId station, ContestId contest, SourceId source) =>
        Election.TryCountedPlace(station, contest, source, out var plan, out var s, out var offset) ? Counted(plan, s, offset) : null;

    /// <summary>
    /// The version the station at <paramref name="offset"/> among <paramref name="plan"/>'s (<see cref="ContestPlan.OffsetOf"/>) had
    /// counted by the source at <paramref name="sourceIndex"/>: what <see cref="CountedRefOf"/> finds by names, for loops over a
    /// contest's stations.
    /// </summary>
    internal CountedRef? Counted(ContestPlan plan, int sourceIndex, int offset) => Book(plan, sourceIndex).RefAt(offset);

    /// <summary>The sums of a contest and source (by the source's position), with the contest's layout.</summary>
    internal ContestBook Book(ContestPlan plan, int sourceIndex) => _books[(plan.Index * _sources) + sourceIndex];

    /// <summary>Whether both snapshots of the same election hold exactly the same numbers (positions aside).</summary>
    public bool SameNumbersAs(Snapshot other) =>
        Election.Id == other.Election.Id
        && _books.Length == other._books.Length
        && _books.Zip(other._books).All(pair =>
            pair.First.Sums.AsSpan().SequenceEqual(pair.Second.Sums)
            && pair.First.Reporting.AsSpan().SequenceEqual(pair.Second.Reporting)
            && pair.First.Covered.AsSpan().SequenceEqual(pair.Second.Covered)
            && pair.First.Flagged.AsSpan().SequenceEqual(pair.Second.Flagged));

    internal static AreaTally Read(ContestBook book, int slot)
    {
        var plan = book.Plan;
        var figures = book.Sums.AsSpan(slot * book.Width, book.Width);
        var lineCount = plan.Form.Lines.Length;
        var lines = figures[..lineCount];
        var votes = figures[lineCount..];
        var areaIndex = plan.TallyAreas[slot];
        var election = book.Layout.Election;
        return new AreaTally(
            election.Areas[areaIndex].Id,
            [.. lines],
            [.. votes],
            plan.Rules.Participation.Evaluate<long>(lines, votes),
            book.Reporting[slot],
            election.StationCountOf(areaIndex),
            book.Covered[slot],
            election.RegisteredVoters(areaIndex),
            book.Flagged[slot]);
    }
}
