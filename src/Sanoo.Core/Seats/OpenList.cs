using System.Collections.Immutable;

namespace Sanoo.Core.Seats;

/// <summary>A candidate on an open list, in list order, with preference votes.</summary>
/// <param name="Name">The candidate.</param>
/// <param name="Votes">Preference votes.</param>
public sealed record ListCandidate(string Name, long Votes);

/// <summary>
/// Who takes a list's seats under an open list (Czech municipal rule): candidates with at
/// least <c>jumpPercent</c> of the list's votes come first, most votes first; the others follow
/// in list order.
/// </summary>
public static class OpenList
{
    /// <summary>The elected candidates, in the order they take the <paramref name="seats"/> seats.</summary>
    public static ImmutableArray<ListCandidate> Elect(IReadOnlyList<ListCandidate> list, int seats, decimal jumpPercent)
    {
        var total = list.Sum(c => c.Votes);
        var jumpers = list.Select((c, i) => (c, i))
            .Where(x => x.c.Votes * 100m >= jumpPercent * total)
            .OrderByDescending(x => x.c.Votes)
            .ThenBy(x => x.i)
            .Select(x => x.c);
        var order = jumpers.Concat(list.Where(c => c.Votes * 100m < jumpPercent * total));
        return [.. order.Take(seats)];
    }
}
