using System.Globalization;
using Sanoo.Core.Definitions;
using Sanoo.Core.Forensics;

namespace Sanoo.Core.Tests.Forensics;

/// <summary>A station flag compares and prints by its reasons' values, not the reasons' array: what a page's fingerprint reads.</summary>
public class StationFlagTests
{
    private static StationFlag Flag(params FlagReason[] reasons) =>
        new(new AreaId("S-1"), [.. reasons], 1200, 1100, 91.666666666666671, 40.5);

    [Fact]
    public void Flags_with_the_same_reasons_in_arrays_of_their_own_are_equal_and_read_the_same()
    {
        var (one, other) = (Flag(FlagReason.TurnoutAboveThreshold, FlagReason.RoundFigures),
            Flag(FlagReason.TurnoutAboveThreshold, FlagReason.RoundFigures));

        Assert.Equal(one, other);
        Assert.Equal(one.GetHashCode(), other.GetHashCode());
        Assert.Equal(one.ToString(), other.ToString());
    }

    [Fact]
    public void A_reason_more_or_another_figure_makes_another_flag_and_another_text()
    {
        var flag = Flag(FlagReason.TurnoutAboveThreshold);
        StationFlag[] others = [Flag(FlagReason.TurnoutAboveThreshold, FlagReason.RoundFigures), Flag(FlagReason.RoundFigures),
            flag with { TookPart = 1101 }, flag with { LeaderSharePercent = 40.500000000000007 }];

        Assert.All(others, other => Assert.NotEqual(flag, other));
        Assert.All(others, other => Assert.NotEqual(flag.ToString(), other.ToString()));
        Assert.Contains("Reasons = [TurnoutAboveThreshold]", flag.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Its_text_is_the_same_in_every_culture()
    {
        var flag = Flag(FlagReason.TurnoutOutlier);
        var was = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("ru-RU");
            var russian = flag.ToString();
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

            Assert.Equal(flag.ToString(), russian);
            Assert.Contains("LeaderSharePercent = 40.5", russian, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = was;
        }
    }
}
