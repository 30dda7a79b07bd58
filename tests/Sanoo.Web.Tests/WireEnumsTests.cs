using Wire = Sanoo.Contracts;

namespace Sanoo.Web.Tests;

/// <summary>The wire's enums restate the domain's member for member, so <see cref="WireEnums"/> maps every value by its name.</summary>
public class WireEnumsTests
{
    public static TheoryData<Type, Type> Pairs => new()
    {
        { typeof(Log.ReceiptOutcome), typeof(Wire.ReceiptOutcome) },
        { typeof(Storage.Log.StoredOutcome), typeof(Wire.StoredOutcome) },
        { typeof(Core.Definitions.Severity), typeof(Wire.Severity) },
        { typeof(Core.Definitions.ContestKind), typeof(Wire.ContestKind) },
        { typeof(Core.Entries.EntryStatus), typeof(Wire.EntryStatus) },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Every_domain_value_has_its_namesake_on_the_wire(Type domain, Type wire)
    {
        var of = typeof(WireEnums).GetMethod(nameof(WireEnums.Of))!.MakeGenericMethod(wire);
        Assert.Equal(Enum.GetNames(domain), Enum.GetNames(wire));
        foreach (Enum value in Enum.GetValues(domain))
        {
            Assert.Equal(value.ToString(), of.Invoke(null, [value])!.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void The_names_are_matched_once_for_every_domain_value_and_kept(Type domain, Type wire)
    {
        var of = typeof(WireEnums).GetMethod(nameof(WireEnums.Of))!.MakeGenericMethod(wire);
        var mapped = typeof(WireEnums).GetMethod(nameof(WireEnums.Mapped))!.MakeGenericMethod(wire);
        var first = (Enum)Enum.GetValues(domain).GetValue(0)!;
        of.Invoke(null, [first]);
        var table = ((System.Collections.IEnumerable)mapped.Invoke(null, null)!).Cast<object>().ToDictionary(
            pair => (Enum)pair.GetType().GetProperty("Key")!.GetValue(pair)!,
            pair => pair.GetType().GetProperty("Value")!.GetValue(pair)!.ToString());
        foreach (Enum value in Enum.GetValues(domain))
        {
            Assert.True(table.TryGetValue(value, out var kept), $"{domain.Name}.{value} was not mapped with {first}");
            Assert.Equal(value.ToString(), kept);
        }
    }

    [Fact]
    public void A_value_the_wire_does_not_know_is_a_bug_that_throws_and_is_not_kept()
    {
        WireEnums.Of<Wire.Severity>(Core.Definitions.Severity.Error);
        var count = WireEnums.Mapped<Wire.Severity>().Count;
        Assert.Throws<ArgumentOutOfRangeException>(() => WireEnums.Of<Wire.Severity>((Core.Definitions.Severity)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => WireEnums.Of<Wire.Severity>((Core.Definitions.Severity)8));
        Assert.Equal(count, WireEnums.Mapped<Wire.Severity>().Count);
        Assert.Equal(Enum.GetValues<Core.Definitions.Severity>().Length, count);
    }
}
