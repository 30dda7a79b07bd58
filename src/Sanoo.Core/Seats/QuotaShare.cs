namespace Sanoo.Core.Seats;

/// <summary>A party's whole quotas under a largest-remainder method, and what is left over.</summary>
/// <param name="Party">The party.</param>
/// <param name="Seats">Whole quotas in its votes: ⌊votes ÷ quota⌋.</param>
/// <param name="Remainder">Its votes minus <paramref name="Seats"/> quotas, exact, in votes.</param>
public sealed record QuotaShare(StepParty Party, int Seats, Fraction Remainder);
