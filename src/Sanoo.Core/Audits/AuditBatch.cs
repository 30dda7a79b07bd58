using System.Collections.Immutable;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Audits;

/// <summary>
/// One contest's figures at one station, as reported (the count audited) or as recounted by hand.
/// Invariant: <see cref="Votes"/> follows the contest's ballot order; <see cref="Ballots"/> is at least their sum.
/// </summary>
/// <param name="Contest">The contest.</param>
/// <param name="Ballots">The ballots that took part (valid and invalid): the most votes the station can hold.</param>
/// <param name="Votes">Votes per choice.</param>
public sealed record BatchCount(ContestId Contest, long Ballots, ImmutableArray<long> Votes)
{
    /// <summary>Whether the two say the same figures.</summary>
    public bool Equals(BatchCount? other) =>
        other is not null && Contest == other.Contest && Ballots == other.Ballots && Votes.AsSpan().SequenceEqual(other.Votes.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Contest, Ballots, Votes.Length);
}

/// <summary>
/// A batch of the audit: one polling station, with the reported count of every audited contest it votes on. The station's
/// ballots are the batch; the audit recounts all of them by hand when the batch is drawn.
/// </summary>
/// <param name="Station">The station.</param>
/// <param name="Counts">The reported figures of each audited contest the station votes on.</param>
public sealed record AuditBatch(AreaId Station, ImmutableArray<BatchCount> Counts)
{
    /// <summary>The reported figures of <paramref name="contest"/>, or null where the station does not vote on it.</summary>
    public BatchCount? Of(ContestId contest) => Counts.FirstOrDefault(c => c.Contest == contest);
}
