using Sanoo.Core.Definitions;

namespace Sanoo.Core.Tally;

/// <summary>
/// A snapshot number that cannot be true: a bug in aggregation, never a station's mistake
/// (those are rejected at the door). A snapshot with any of these is never published.
/// </summary>
/// <param name="Contest">The contest.</param>
/// <param name="Source">The count source.</param>
/// <param name="Area">The area whose figures are impossible.</param>
/// <param name="Invariant">The invariant broken, e.g. <c>children-sum</c> or a relation's name.</param>
/// <param name="Detail">The figures involved, in words.</param>
public sealed record InvariantViolation(ContestId Contest, SourceId Source, AreaId Area, string Invariant, string Detail)
{
    /// <inheritdoc />
    public override string ToString() => $"{Contest}/{Source}/{Area}: {Invariant}: {Detail}";
}
