using Sanoo.Core.Definitions;

namespace Sanoo.Core.Tally;

/// <summary>
/// The engine's sums copied at one log position, not yet checked: <see cref="Check"/> makes the <see cref="Snapshot"/>. Copying needs
/// the engine to stand still; checking does not, so a writer waits only for the copy.
/// </summary>
public sealed class CapturedTally
{
    private readonly object _lineage;
    private readonly long _number;

    internal CapturedTally(Election election, long position, ContestBook[] books, int sources, object lineage, long number)
    {
        Election = election;
        Position = position;
        Books = books;
        Sources = sources;
        _lineage = lineage;
        _number = number;
    }

    /// <summary>The election.</summary>
    public Election Election { get; }

    /// <summary>The log position copied.</summary>
    public long Position { get; }

    internal ContestBook[] Books { get; }

    internal int Sources { get; }

    /// <summary>
    /// Runs the invariant check and gives the snapshot. When <paramref name="previous"/> was checked from the engine's freeze just
    /// before this one, what the stations add to each area is updated from it by the stations changed since (the check then costs
    /// what changed, not the whole map); otherwise every station is added again. Either way the result is the same.
    /// </summary>
    public Snapshot Check(Snapshot? previous)
    {
        var before = previous?.Captured is { } p && ReferenceEquals(p._lineage, _lineage) && p._number == _number - 1 ? p.Books : null;
        return new Snapshot(this, SnapshotInvariants.Check(Election, Books, before));
    }
}
