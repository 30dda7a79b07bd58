using System.Collections.Immutable;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Forensics;

/// <summary>
/// The forensic analyses of one contest, count source and area at one snapshot (docs/forensics.md): the integer-percentage tests,
/// the distributions of turnout and the leader's share, and the stations flagged. Turnout is the form's participation over the
/// registered voters of the definition; the leader is whoever has most votes in the area. A pure function of the snapshot and the
/// parameters. Anomalies are reasons to look, not proof of fraud.
/// </summary>
/// <param name="Area">The area analysed.</param>
/// <param name="Contest">The contest.</param>
/// <param name="Source">The count source.</param>
/// <param name="Position">The snapshot's log position.</param>
/// <param name="Stations">Stations the report is based on: those under the area with a counted protocol.</param>
/// <param name="StationsExpected">Stations under the area voting on the contest.</param>
/// <param name="Leader">The choice with most votes in the area; null before any vote is counted.</param>
/// <param name="Turnout">The integer test of turnout.</param>
/// <param name="Choices">The integer tests of the major choices' shares, the leader first.</param>
/// <param name="Areas">The tests of turnout and the leader's share in each area one level below, where the area has such.</param>
/// <param name="Distributions">The histograms and the comet.</param>
/// <param name="Flags">The stations flagged, in station order.</param>
/// <param name="Parameters">The parameters used.</param>
public sealed record ForensicsReport(
    AreaId Area,
    ContestId Contest,
    SourceId Source,
    long Position,
    int Stations,
    int StationsExpected,
    ChoiceId? Leader,
    IntegerTestResult Turnout,
    ImmutableArray<ChoiceTest> Choices,
    ImmutableArray<AreaIntegerTests> Areas,
    RateDistributions Distributions,
    ImmutableArray<StationFlag> Flags,
    ForensicsParameters Parameters)
{
    /// <summary>The test of the leader's share (an empty test before any vote is counted).</summary>
    public IntegerTestResult LeaderShare => Choices.IsEmpty ? new IntegerTestResult(0, 0, 0, 1, 0, Parameters.Replicates) : Choices[0].Test;

    /// <summary>
    /// How many integer tests the alarm rests on: turnout and the leader's share, the two of Kobak et al. (the other major choices'
    /// tests are shown for reading, outside the alarm, so that its level does not depend on how many choices are major).
    /// </summary>
    public int Tests => Choices.IsEmpty ? 1 : 2;

    /// <summary>The level each test is held to: <see cref="ForensicsParameters.Alpha"/> shared out over the tests (Bonferroni).</summary>
    public double TestLevel => Parameters.Alpha / Tests;

    /// <summary>
    /// Whether any integer test finds an excess of whole percentages at the family-wise level, the Monte Carlo's uncertainty
    /// included (<see cref="IntegerTestResult.PValueUpper"/> below <see cref="TestLevel"/>): a reason to look, not a proof.
    /// </summary>
    public bool IntegerAlarm => Turnout.PValueUpper < TestLevel || (!Choices.IsEmpty && LeaderShare.PValueUpper < TestLevel);
}
