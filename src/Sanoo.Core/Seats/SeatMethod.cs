using System.Collections.Immutable;

namespace Sanoo.Core.Seats;

/// <summary>
/// A seat allocation method by name (docs/seats.md). Largest-remainder methods divide the
/// votes by a quota; highest-averages methods give seats one by one to the largest quotient
/// votes ÷ divisor(seats so far). Every divisor and quota is an exact <see cref="Fraction"/>.
/// </summary>
public sealed record SeatMethod(string Name, SeatMethodKind Kind, string Description)
{
    /// <summary>Every method Sanoo knows.</summary>
    public static ImmutableArray<SeatMethod> All { get; } =
    [
        new("hare", SeatMethodKind.LargestRemainder, "largest remainder, Hare quota: votes ÷ seats"),
        new("droop", SeatMethodKind.LargestRemainder, "largest remainder, Droop quota: ⌊votes ÷ (seats + 1)⌋ + 1"),
        new("hagenbach-bischoff", SeatMethodKind.LargestRemainder, "largest remainder, Hagenbach-Bischoff quota: votes ÷ (seats + 1)"),
        new(
            "hagenbach-bischoff-rounded",
            SeatMethodKind.LargestRemainder,
            "largest remainder, Hagenbach-Bischoff quota rounded to a whole number of votes (Slovakia)"),
        new("imperiali-quota", SeatMethodKind.LargestRemainder, "largest remainder, Imperiali quota: votes ÷ (seats + 2)"),
        new("dhondt", SeatMethodKind.HighestAverages, "highest averages, divisors 1, 2, 3 …"),
        new("sainte-lague", SeatMethodKind.HighestAverages, "highest averages, divisors 1, 3, 5 …"),
        new("modified-sainte-lague", SeatMethodKind.HighestAverages, "highest averages, divisors 1.4, 3, 5 …"),
        new("danish", SeatMethodKind.HighestAverages, "highest averages, divisors 1, 4, 7 …"),
        new("imperiali", SeatMethodKind.HighestAverages, "highest averages, divisors 2, 3, 4 …"),
        new("huntington-hill", SeatMethodKind.HighestAverages, "highest averages, divisors √(s(s+1)): 0, √2, √6 …"),
        new("adams", SeatMethodKind.HighestAverages, "highest averages, divisors 0, 1, 2 …"),
    ];

    /// <summary>The method with this name, or null.</summary>
    public static SeatMethod? Find(string name) => All.FirstOrDefault(m => m.Name == name);
}

/// <summary>The two families of proportional methods.</summary>
public enum SeatMethodKind
{
    /// <summary>Quota, whole seats, then the largest remainders.</summary>
    LargestRemainder,

    /// <summary>Seats one by one to the largest quotient.</summary>
    HighestAverages,
}
