namespace Sanoo.Core.Forensics;

/// <summary>
/// The parameters of every forensic method, published with each report so that anyone can repeat it (docs/forensics.md). The
/// defaults are what the site, the API and <c>sanoo forensics</c> use.
/// </summary>
/// <param name="Seed">The Monte Carlo's seed: the same seed and the same protocols give the same report on every machine.</param>
/// <param name="Replicates">Simulated elections per integer test; the smallest p-value it can give is 1 / (replicates + 1).</param>
/// <param name="MinimumBase">
/// Stations whose base (registered voters for turnout, voters who took part for a share) is below this are left out of the integer
/// test: with n voters about 100/n of all possible counts fall on a whole percentage, so at small stations almost any count does.
/// </param>
/// <param name="SmoothingPercent">
/// The width, in percentage points, of the uniform window each station's rate is spread over in the null (one whole percentage,
/// so that the null has no preference for whole percentages).
/// </param>
/// <param name="Alpha">The family-wise level of the integer tests: an alarm is raised when a test's p-value is below Alpha / tests.</param>
/// <param name="MajorChoicePercent">A choice is tested on its own when its share of voters in the area is at least this.</param>
/// <param name="MajorChoices">At most this many choices are tested (the leader first).</param>
/// <param name="HighPercent">A station is flagged when its turnout, or one choice's share, is at or above this …</param>
/// <param name="LargeStation">… and it has at least this many registered voters.</param>
/// <param name="OutlierScore">
/// A station is flagged when its turnout or leader's share lies further than this many robust standard deviations (1.4826 × the
/// median absolute deviation) from the median of the stations of its parent area …
/// </param>
/// <param name="OutlierPeers">… and that parent has at least this many stations in the report.</param>
/// <param name="JumpPercent">
/// A station is flagged when the voters who took part by its count exceed its last turnout report of the day by more than this many
/// percentage points of its registered voters.
/// </param>
/// <param name="RoundFigures">
/// A station is flagged when its voters who took part and every choice's votes of 10 or more are all multiples of ten, and there are
/// at least this many such figures.
/// </param>
public sealed record ForensicsParameters(
    ulong Seed = 20160301,
    int Replicates = 200,
    int MinimumBase = 200,
    double SmoothingPercent = 1.0,
    double Alpha = 0.05,
    double MajorChoicePercent = 10,
    int MajorChoices = 3,
    double HighPercent = 95,
    int LargeStation = 500,
    double OutlierScore = 5,
    int OutlierPeers = 10,
    int RoundFigures = 5,
    double JumpPercent = 10)
{
    /// <summary>The defaults.</summary>
    public static ForensicsParameters Default { get; } = new();
}
