namespace Sanoo.Core.Tally;

/// <summary>
/// What the counted protocols of a book's stations add to each tally area (slots as in <see cref="ContestBook.Sums"/>), summed
/// straight from the protocols by the invariant check, apart from the engine's own sums it is compared with.
/// </summary>
/// <param name="Sums">Figures per slot: the form's lines, then the votes.</param>
/// <param name="Reporting">Stations reporting per slot.</param>
/// <param name="Covered">Voters covered per slot.</param>
internal sealed record StationPart(long[] Sums, int[] Reporting, long[] Covered)
{
    /// <summary>An empty part of <paramref name="slots"/> slots <paramref name="width"/> figures wide.</summary>
    public static StationPart Empty(int slots, int width) => new(new long[slots * width], new int[slots], new long[slots]);

    /// <summary>A copy to update.</summary>
    public StationPart Copy() => new((long[])Sums.Clone(), (int[])Reporting.Clone(), (long[])Covered.Clone());
}
