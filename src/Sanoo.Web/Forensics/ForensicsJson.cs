using Sanoo.Core.Forensics;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.Forensics;

/// <summary>Maps a <see cref="ForensicsReport"/> to its wire form, <see cref="Wire.ForensicsReport"/>, with every method stated.</summary>
public static class ForensicsJson
{
    /// <summary>The Monte Carlo's draws (chunks of stations) spread over the machine's cores; the result does not depend on it.</summary>
    public static readonly ReplicateRunner Parallel = static (count, replicate) => System.Threading.Tasks.Parallel.For(0, count, replicate);

    /// <summary>The wire form of <paramref name="report"/>.</summary>
    public static Wire.ForensicsReport Of(Core.Definitions.Election election, ForensicsReport report) => new(
        report.Position,
        election.Id.Value,
        report.Contest.Value,
        report.Source.Value,
        report.Area.Value,
        report.Stations,
        report.StationsExpected,
        report.Leader?.Value,
        new Wire.IntegerPercentages(
            Test(report.Turnout),
            Test(report.LeaderShare),
            [.. report.Choices.Select(c => new Wire.ChoiceIntegerTest(c.Choice.Value, c.SharePercent, Test(c.Test)))],
            report.TestLevel,
            report.IntegerAlarm),
        [.. report.Areas.Select(a => new Wire.AreaIntegerPercentages(a.Area.Value, Test(a.Turnout), Test(a.LeaderShare)))],
        new Wire.RateDistributions(
            0.1,
            report.Distributions.Turnout,
            report.Distributions.LeaderShare,
            1,
            [.. Enumerable.Range(0, RateDistributions.CometBins).Select(y => Row(report.Distributions, y))]),
        [.. report.Flags.Select(f => new Wire.FlaggedStation(
            f.Station.Value,
            [.. f.Reasons.Select(Word)],
            f.Registered,
            f.TookPart,
            Math.Round(f.TurnoutPercent, 2),
            Math.Round(f.LeaderSharePercent, 2)))],
        Methods(report.Parameters));

    /// <summary>A reason as its wire word.</summary>
    public static string Word(FlagReason reason) => reason switch
    {
        FlagReason.TurnoutAboveThreshold => "turnout-above-threshold",
        FlagReason.ChoiceAboveThreshold => "choice-above-threshold",
        FlagReason.RoundFigures => "round-figures",
        FlagReason.CountsDiffer => "counts-differ",
        FlagReason.TurnoutOutlier => "turnout-outlier",
        FlagReason.LeaderShareOutlier => "leader-share-outlier",
        FlagReason.TurnoutJump => "turnout-jump",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };

    private static IReadOnlyList<int> Row(RateDistributions d, int y) =>
        [.. Enumerable.Range(0, RateDistributions.CometBins).Select(x => d.CometAt(x, y))];

    private static Wire.IntegerTest Test(IntegerTestResult t) =>
        new(t.Stations, t.Observed, Math.Round(t.Expected, 3), Math.Round(t.Excess, 3), t.PValue, Math.Round(t.PValueUpper, 4),
            Math.Round(t.ZScore, 3), t.Replicates);

    private static IReadOnlyList<Wire.ForensicMethod> Methods(ForensicsParameters p) =>
    [
        new(
            "integer-percentages",
            "Integer-percentage test",
            "D. Kobak, S. Shpilkin, M. S. Pshenichnikov, Integer percentages as electoral falsification fingerprints, "
                + "Annals of Applied Statistics 10(1):54-73, 2016, doi:10.1214/16-AOAS904",
            "More stations reporting a turnout or share that is a whole percentage than chance allows: the mark of figures written to a "
                + "target rather than counted.",
            "Not which station was falsified (any one station may be round by chance), nor falsification that does not aim at round "
                + "figures; an excess is a reason to look, not proof.",
            new Dictionary<string, double>
            {
                ["seed"] = p.Seed,
                ["replicates"] = p.Replicates,
                ["minimumBase"] = p.MinimumBase,
                ["smoothingPercent"] = p.SmoothingPercent,
                ["alpha"] = p.Alpha,
                ["majorChoicePercent"] = p.MajorChoicePercent,
                ["majorChoices"] = p.MajorChoices,
            }),
        new(
            "comet",
            "Turnout against the leader's share",
            "S. Shpilkin's and D. Kobak's analyses of Russian elections since 2011; Klimek, Yegorov, Hanel, Thurner, Statistical "
                + "detection of systematic election irregularities, PNAS 109(41), 2012",
            "Stations where a high turnout goes with a high share for the leader (the comet's tail towards 100 % and 100 %), as "
                + "ballot stuffing would make.",
            "Why: a region may vote uniformly and heavily for one choice for reasons of its own; the plot shows a shape, not a cause.",
            new Dictionary<string, double> { ["histogramBinPercent"] = 0.1, ["cometBinPercent"] = 1 }),
        new(
            "station-flags",
            "Stations flagged",
            "Sanoo's own checks (docs/forensics.md); the discrepancy between two counts from the reconciliation ledger",
            "Single stations worth a closer look: turnout or one choice at or above the threshold at large stations, figures all "
                + "multiples of ten, two counts differing beyond the tolerance, turnout or the leader's share far from the other stations "
                + "of its parent area, more voters by the count than the station's last turnout report of the day by over "
                + $"{p.JumpPercent.ToString(System.Globalization.CultureInfo.InvariantCulture)} points of its registered voters.",
            "Whether anything is wrong at a flagged station: closed institutions, small villages and special stations vote unlike "
                + "their neighbours.",
            new Dictionary<string, double>
            {
                ["highPercent"] = p.HighPercent,
                ["largeStation"] = p.LargeStation,
                ["outlierScore"] = p.OutlierScore,
                ["outlierPeers"] = p.OutlierPeers,
                ["roundFigures"] = p.RoundFigures,
                ["jumpPercent"] = p.JumpPercent,
            }),
    ];
}
