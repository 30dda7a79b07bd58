namespace Sanoo.Core.Seats;

/// <summary>Seats given to one area (a region, a state) before they are shared among parties.</summary>
/// <param name="Area">The area's name as given to the allocation.</param>
/// <param name="Seats">Its seats; non-negative.</param>
public sealed record AreaCount(string Area, int Seats);
