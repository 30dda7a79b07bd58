using System.Collections.Concurrent;

namespace Sanoo.Web;

/// <summary>
/// A domain enum as the wire carries it: the member of the same name in the contract's enum.
/// Sanoo.Contracts depends on nothing of ours, so its enums restate the domain's member for
/// member; one test holds every pair to it, and a member missing on the wire is a bug that throws.
/// The names are matched once per pair of enums, the first time a domain enum meets a wire enum,
/// not at every call: answers map an outcome per log entry.
/// </summary>
public static class WireEnums
{
    /// <summary>The wire's member named as <paramref name="value"/>.</summary>
    public static TWire Of<TWire>(Enum value)
        where TWire : struct, Enum =>
        Table<TWire>.ByDomain.TryGetValue(value, out var wire) ? wire : Table<TWire>.Add(value);

    /// <summary>
    /// Every domain value mapped to <typeparamref name="TWire"/> so far, with its wire member: each member of every domain enum
    /// met, and nothing else (a value the wire lacks throws and is not kept), so it is bounded by the domain's enums.
    /// </summary>
    public static IReadOnlyDictionary<Enum, TWire> Mapped<TWire>()
        where TWire : struct, Enum => Table<TWire>.ByDomain;

    /// <summary>The memo of one wire enum: a domain value (its type and number) to the wire member of the same name.</summary>
    private static class Table<TWire>
        where TWire : struct, Enum
    {
        public static readonly ConcurrentDictionary<Enum, TWire> ByDomain = new();

        /// <summary>Maps every member of <paramref name="value"/>'s enum at once, then answers <paramref name="value"/>.</summary>
        public static TWire Add(Enum value)
        {
            foreach (Enum member in Enum.GetValues(value.GetType()))
            {
                ByDomain.TryAdd(member, Parse(member));
            }
            return ByDomain.TryGetValue(value, out var wire) ? wire : Parse(value);
        }

        private static TWire Parse(Enum value) =>
            Enum.TryParse<TWire>(value.ToString(), out var wire) && Enum.IsDefined(wire)
                ? wire
                : throw new ArgumentOutOfRangeException(nameof(value), value, $"the wire's {typeof(TWire).Name} has no member {value}");
    }
}
