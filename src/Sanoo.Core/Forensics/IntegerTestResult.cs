namespace Sanoo.Core.Forensics;

/// <summary>One integer-percentage test's outcome (<see cref="IntegerPercentTest"/>).</summary>
/// <param name="Stations">Stations tested: those with a count in and a base of at least the minimum.</param>
/// <param name="Observed">Stations whose reported rate is a whole percentage.</param>
/// <param name="Expected">The mean of that number over the null's replicates.</param>
/// <param name="PValue">(1 + replicates with at least <paramref name="Observed"/>) / (1 + replicates): one-sided, for an excess.</param>
/// <param name="ZScore">(observed − expected) / the replicates' standard deviation; 0 when they do not vary. A measure of size
/// beyond the smallest p-value the replicates can give.</param>
/// <param name="Replicates">How many replicates the null was drawn.</param>
public sealed record IntegerTestResult(int Stations, int Observed, double Expected, double PValue, double ZScore, int Replicates)
{
    /// <summary>Observed − expected: stations with a whole percentage beyond chance (negative when fewer).</summary>
    public double Excess => Observed - Expected;
}
