namespace Sanoo.Core.Definitions;

/// <summary>
/// Which two counts of the same ballots are compared station by station, and how far apart
/// they may be before a station is flagged. A difference on a line or choice is within
/// tolerance when it is at most <see cref="Absolute"/> ballots, or at most
/// <see cref="RelativePercent"/> percent of the larger of the two values. Both 0 (the default):
/// any difference is a discrepancy.
/// </summary>
/// <param name="First">The count compared (in Kyrgyzstan, the machine count).</param>
/// <param name="Second">The count it is compared with (the hand count).</param>
/// <param name="Absolute">Ballots a line or choice may differ by, ≥ 0.</param>
/// <param name="RelativePercent">Percent of the larger value a line or choice may differ by, ≥ 0.</param>
public sealed record ReconciliationRule(SourceId First, SourceId Second, long Absolute, decimal RelativePercent)
{
    /// <summary>
    /// The rule of a definition that states none: the first unofficial count (not a party's copy) against the first
    /// official one, no tolerance; null when the election has fewer than two such counts.
    /// </summary>
    public static ReconciliationRule? DefaultFor(ElectionDefinition definition)
    {
        var official = definition.Sources.FirstOrDefault(s => s.Official);
        var other = definition.Sources.FirstOrDefault(s => s != official && s.PartyCopy is null);
        return official is null || other is null ? null : new ReconciliationRule(other.Id, official.Id, 0, 0);
    }

    /// <summary>A party's copy against the official count: a copy of the same paper, so any difference counts.</summary>
    public static ReconciliationRule PartyCopy(CountSource copy, CountSource official) => new(copy.Id, official.Id, 0, 0);

    /// <summary>Whether two values differ by no more than the tolerance allows.</summary>
    public bool Tolerates(long first, long second)
    {
        var difference = Math.Abs(second - first);
        return difference <= Absolute || difference * 100m <= RelativePercent * Math.Max(Math.Abs(first), Math.Abs(second));
    }
}
