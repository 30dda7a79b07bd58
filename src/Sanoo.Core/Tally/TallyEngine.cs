using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;

namespace Sanoo.Core.Tally;

/// <summary>
/// Sums protocols per contest, count source and area, incrementally: a new version of a
/// station's protocol replaces the one counted (its figures subtracted, the new ones added, up
/// the area tree); an identical retry, a conflicting or older version, and a protocol that
/// breaks an error-level relation change nothing.
/// Determinism: the state after a sequence of protocols is a pure function of that sequence,
/// and equals <see cref="Rebuild"/> from <see cref="CurrentProtocols"/> exactly.
/// Not thread-safe: one writer applies; readers use immutable <see cref="Snapshot"/>s.
/// </summary>
public sealed partial class TallyEngine
{
    private readonly ContestBook[] _books;
    private readonly long[][] _positions;
    private readonly int _sources;
    private readonly object _lineage = new();
    private long _freezes;

    /// <summary>An empty tally of <paramref name="election"/>.</summary>
    public TallyEngine(Election election)
    {
        Election = election;
        _sources = election.Sources.Length;
        _books = new ContestBook[election.Contests.Length * _sources];
        _positions = new long[_books.Length][];
        foreach (var plan in election.Contests)
        {
            var layout = new ContestLayout(election, plan);
            for (var s = 0; s < _sources; s++)
            {
                _books[(plan.Index * _sources) + s] = new ContestBook(plan, layout, new CountedFigures(election, plan, s));
                _positions[(plan.Index * _sources) + s] = new long[plan.StationCount];
            }
        }
    }

    /// <summary>The election tallied.</summary>
    public Election Election { get; }

    /// <summary>
    /// How many protocol versions have been applied, each duplicate (an exact retry) excepted:
    /// the log position the state corresponds to.
    /// </summary>
    public long Position { get; private set; }

    /// <summary>Applies one protocol version and says what it did; its shape was checked when it was read.</summary>
    public ApplyOutcome Apply(CheckedProtocol checkedProtocol)
    {
        var protocol = checkedProtocol.Protocol;
        if (protocol.Election != Election.Id)
        {
            throw new ArgumentException(
                $"a protocol of election '{protocol.Election}' applied to a tally of '{Election.Id}'", nameof(checkedProtocol));
        }
        if (_adopting)
        {
            throw new InvalidOperationException("versions were adopted from a checkpoint, but its state was not restored yet");
        }
        var plan = Election.Contest(protocol.Contest)!;
        var bookIndex = (plan.Index * _sources) + Election.SourceIndex(protocol.Source);
        var book = _books[bookIndex];
        var offset = plan.OffsetOf(Election.StationOrdinal(Election.AreaIndex(protocol.Station)));
        var current = book.CountedAt(offset);
        int? currentVersion = current >= 0 ? book.Kept.VersionOf(current) : null;
        if (protocol.Version <= currentVersion)
        {
            if (protocol.Version == currentVersion && book.Kept.Holds(current, protocol))
            {
                return new ApplyOutcome.Duplicate(book.Kept.Protocol(current));
            }
            Position++;
            return protocol.Version == currentVersion
                ? new ApplyOutcome.Conflict(book.Kept.Protocol(current))
                : new ApplyOutcome.Stale(currentVersion.Value);
        }
        Position++;
        var violations = plan.Rules.Check(protocol.Lines.AsSpan(), protocol.Votes.AsSpan());
        if (violations.Any(v => v.Severity == Severity.Error))
        {
            return new ApplyOutcome.Rejected(violations);
        }
        var voters = Election.Areas[Election.AreaIndex(protocol.Station)].Roll!.Total;
        if (current >= 0)
        {
            book.Apply(offset, book.Kept.Lines(current), book.Kept.Votes(current), book.CurrentFlagged[offset], voters, -1);
        }
        var flagged = !violations.IsEmpty;
        book.Apply(offset, protocol.Lines.AsSpan(), protocol.Votes.AsSpan(), flagged, voters, 1);
        var index = book.Kept.Add(offset, protocol);
        book.Current[offset] = index + 1;
        book.CurrentFlagged[offset] = flagged;
        _positions[bookIndex][offset] = Position;
        book.Changed.Add(offset, book.Current.Length);
        return new ApplyOutcome.Accepted(protocol, currentVersion, violations)
        {
            Counted = new CountedRef(book.Kept, index),
            SupersededIndex = current,
        };
    }

    /// <summary>The protocol counted for a station, contest and source, if any.</summary>
    public Protocol? Current(AreaId station, ContestId contest, SourceId source)
    {
        return Election.TryCountedPlace(station, contest, source, out var plan, out var s, out var offset)
            && _books[(plan.Index * _sources) + s].RefAt(offset) is { } counted ? counted.Protocol() : null;
    }

    /// <summary>Every protocol counted now, contest by contest, source by source, in station order (each made anew).</summary>
    public IEnumerable<Protocol> CurrentProtocols() =>
        _books.SelectMany(b => b.Current.Items().Where(i => i > 0).Select(i => b.Kept.Protocol(i - 1)));

    /// <summary>
    /// Freezes the sums into an immutable snapshot at the current position and checks every
    /// invariant on it; see <see cref="Snapshot.IsPublishable"/>.
    /// </summary>
    public Snapshot Freeze() => Capture().Check(null);

    /// <summary>
    /// Copies the sums at the current position, unchecked: the part that needs the engine still (a writer's lock), while
    /// <see cref="CapturedTally.Check"/> can run after it is released.
    /// </summary>
    public CapturedTally Capture() => _adopting
        ? throw new InvalidOperationException("versions were adopted from a checkpoint, but its state was not restored yet")
        : new(Election, Position, [.. _books.Select(b => b.FreezeSums())], _sources, _lineage, ++_freezes);

    /// <summary>A tally built from scratch from the given current versions; one that does not fit the election is not counted.</summary>
    public static TallyEngine Rebuild(Election election, IEnumerable<Protocol> currentVersions)
    {
        var engine = new TallyEngine(election);
        foreach (var protocol in currentVersions)
        {
            if (ProtocolReader.Check(election, protocol) is ProtocolReadResult.Ok ok)
            {
                engine.Apply(ok.Checked);
            }
        }
        return engine;
    }
}
