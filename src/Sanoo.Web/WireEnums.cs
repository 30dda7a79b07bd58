namespace Sanoo.Web;

/// <summary>
/// A domain enum as the wire carries it: the member of the same name in the contract's enum.
/// Sanoo.Contracts depends on nothing of ours, so its enums restate the domain's member for
/// member; one test holds every pair to it, and a member missing on the wire is a bug that throws.
/// </summary>
public static class WireEnums
{
    /// <summary>The wire's member named as <paramref name="value"/>.</summary>
    public static TWire Of<TWire>(Enum value)
        where TWire : struct, Enum =>
        Enum.TryParse<TWire>(value.ToString(), out var wire) && Enum.IsDefined(wire)
            ? wire
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"the wire's {typeof(TWire).Name} has no member {value}");
}
