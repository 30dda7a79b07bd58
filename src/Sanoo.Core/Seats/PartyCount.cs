namespace Sanoo.Core.Seats;

/// <summary>A number of seats for one party in a step: won, a minimum, or a second-tier share.</summary>
/// <param name="Party">The party.</param>
/// <param name="Seats">Its seats; non-negative.</param>
public sealed record PartyCount(StepParty Party, int Seats);
