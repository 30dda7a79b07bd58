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
        { typeof(Core.Definitions.AreaKind), typeof(Wire.AreaKind) },
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

    [Fact]
    public void A_value_the_wire_does_not_know_is_a_bug_that_throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WireEnums.Of<Wire.Severity>((Core.Definitions.Severity)7));
    }
}
