namespace Sanoo.Contracts;

/// <summary>
/// <c>GET /api/v1/forensics</c>: the forensic analyses of one contest's count under an area at one snapshot (docs/forensics.md).
/// The names <c>integerPercentages.turnout</c>, <c>integerPercentages.leaderShare</c> (each with <c>observed</c>, <c>expected</c>,
/// <c>excess</c>, <c>pValue</c>) and <c>flags</c> (each <c>{station, reasons[]}</c>) are fixed for observers' scripts. An anomaly is a
/// reason to look, never proof of fraud.
/// </summary>
/// <param name="Snapshot">The snapshot's log position.</param>
/// <param name="Election">The election's id.</param>
/// <param name="Contest">The contest's id.</param>
/// <param name="Source">The count source's id.</param>
/// <param name="Area">The area's id.</param>
/// <param name="Stations">Stations the report is based on: those under the area with a counted protocol.</param>
/// <param name="StationsExpected">Stations under the area voting on the contest.</param>
/// <param name="Leader">The choice with most votes in the area; null before any vote.</param>
/// <param name="IntegerPercentages">The integer-percentage tests.</param>
/// <param name="Areas">The tests of turnout and the leader's share in each area one level below.</param>
/// <param name="Distributions">The histograms and the comet.</param>
/// <param name="Flags">The stations flagged, in station order.</param>
/// <param name="Methods">Every method: its reference, what it can and cannot show, its parameters.</param>
public sealed record ForensicsReport(
    long Snapshot,
    string Election,
    string Contest,
    string Source,
    string Area,
    int Stations,
    int StationsExpected,
    string? Leader,
    IntegerPercentages IntegerPercentages,
    IReadOnlyList<AreaIntegerPercentages> Areas,
    RateDistributions Distributions,
    IReadOnlyList<FlaggedStation> Flags,
    IReadOnlyList<ForensicMethod> Methods);

/// <summary>The integer-percentage tests of turnout and of each major choice's share.</summary>
/// <param name="Turnout">The test of turnout.</param>
/// <param name="LeaderShare">The test of the leader's share.</param>
/// <param name="Choices">The tests of the major choices' shares, the leader first.</param>
/// <param name="TestLevel">The level the tests of turnout and the leader's share are held to: alpha over two (Bonferroni).</param>
/// <param name="Alarm">Whether either of them is below <paramref name="TestLevel"/>, the Monte Carlo's uncertainty included.</param>
public sealed record IntegerPercentages(
    IntegerTest Turnout, IntegerTest LeaderShare, IReadOnlyList<ChoiceIntegerTest> Choices, double TestLevel, bool Alarm);

/// <summary>One integer-percentage test.</summary>
/// <param name="Stations">Stations tested (a count in and a base of at least the minimum).</param>
/// <param name="Observed">Stations reporting a whole percentage.</param>
/// <param name="Expected">The number expected under the null (the Monte Carlo's mean).</param>
/// <param name="Excess">Observed − expected.</param>
/// <param name="PValue">The one-sided Monte Carlo p-value of an excess.</param>
/// <param name="PValueUpper">The upper end of its one-sided 95 % Clopper–Pearson interval given the replicates drawn; the alarm
/// needs it below the test level.</param>
/// <param name="ZScore">(observed − expected) / the null's standard deviation.</param>
/// <param name="Replicates">Simulated elections drawn.</param>
public sealed record IntegerTest(
    int Stations, int Observed, double Expected, double Excess, double PValue, double PValueUpper, double ZScore, int Replicates);

/// <summary>The integer test of one choice's share.</summary>
/// <param name="Choice">The choice's id.</param>
/// <param name="SharePercent">Its share of the voters who took part in the area.</param>
/// <param name="Test">The test.</param>
public sealed record ChoiceIntegerTest(string Choice, double SharePercent, IntegerTest Test);

/// <summary>The tests within one area one level below.</summary>
/// <param name="Area">The area's id.</param>
/// <param name="Turnout">The test of turnout.</param>
/// <param name="LeaderShare">The test of the report's leader's share.</param>
public sealed record AreaIntegerPercentages(string Area, IntegerTest Turnout, IntegerTest LeaderShare);

/// <summary>How turnout and the leader's share are spread over the stations (counts of stations).</summary>
/// <param name="HistogramBinPercent">The histograms' bin width in percentage points; bin b holds [b·w, (b+1)·w).</param>
/// <param name="Turnout">Stations by turnout, from 0 %.</param>
/// <param name="LeaderShare">Stations by the leader's share, from 0 %.</param>
/// <param name="CometBinPercent">The comet's cell width in percentage points on both axes.</param>
/// <param name="Comet">Stations by leader's share (rows, from 0 %) and turnout (columns, from 0 %).</param>
public sealed record RateDistributions(
    double HistogramBinPercent,
    IReadOnlyList<int> Turnout,
    IReadOnlyList<int> LeaderShare,
    double CometBinPercent,
    IReadOnlyList<IReadOnlyList<int>> Comet);

/// <summary>A station flagged for a closer look.</summary>
/// <param name="Station">The station's id.</param>
/// <param name="Reasons">Why: <c>turnout-above-threshold</c>, <c>choice-above-threshold</c>, <c>round-figures</c>, <c>counts-differ</c>,
/// <c>turnout-outlier</c>, <c>leader-share-outlier</c>.</param>
/// <param name="Registered">Registered voters.</param>
/// <param name="TookPart">Voters who took part.</param>
/// <param name="TurnoutPercent">Its turnout.</param>
/// <param name="LeaderSharePercent">The area leader's share there.</param>
public sealed record FlaggedStation(
    string Station, IReadOnlyList<string> Reasons, long Registered, long TookPart, double TurnoutPercent, double LeaderSharePercent);

/// <summary>One forensic method, stated so that a reader can judge and repeat it.</summary>
/// <param name="Id">The method's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Reference">Where it comes from.</param>
/// <param name="Shows">What it can show.</param>
/// <param name="CannotShow">What it cannot.</param>
/// <param name="Parameters">Its parameters, by name.</param>
public sealed record ForensicMethod(
    string Id, string Name, string Reference, string Shows, string CannotShow, IReadOnlyDictionary<string, double> Parameters);
