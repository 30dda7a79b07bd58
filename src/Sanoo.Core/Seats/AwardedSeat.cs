namespace Sanoo.Core.Seats;

/// <summary>One seat of a highest-averages allocation and the quotient that won it.</summary>
/// <param name="Number">The seat's number, from 1, in the order seats were given.</param>
/// <param name="Party">Who won it.</param>
/// <param name="Quotient">
/// The exact winning quotient: votes ÷ divisor(seats the party had won before). For Huntington-Hill,
/// whose divisors √(s(s+1)) are irrational, it is the square votes² ÷ s(s+1), which ranks the same.
/// </param>
public sealed record AwardedSeat(int Number, StepParty Party, Fraction Quotient);
