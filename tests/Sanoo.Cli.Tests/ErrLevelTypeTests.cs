namespace Sanoo.Cli.Tests;

/// <summary>Levels become NIST reporting-unit types from the definition's own ids, never from a country written into code.</summary>
public sealed class ErrLevelTypeTests
{
    [Theory]
    [InlineData("county", false, "county", null)]
    [InlineData("village", false, "village", null)]
    [InlineData("region", false, "other", "region")]
    [InlineData("tik", false, "other", "tik")]
    [InlineData("tps", true, "precinct", null)]
    public void A_level_is_its_own_type_where_NIST_has_one_else_other_with_its_id(string level, bool station, string type, string? otherType) =>
        Assert.Equal((type, otherType), Core.Err.ErrWords.UnitType(new Core.Definitions.AreaLevel(level, null), station));
}
