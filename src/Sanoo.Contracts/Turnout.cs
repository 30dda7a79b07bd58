namespace Sanoo.Contracts;

/// <summary>
/// <c>POST /api/v1/turnout</c>: a station's report of the voters who have taken part by one of the election's report times. A
/// station's device signs it (<paramref name="Signature"/>: Ed25519 over the report's canonical bytes, docs/turnout.md); without
/// a signature it is sent by an operator acting for the station (bearer token).
/// </summary>
/// <param name="Station">The polling station.</param>
/// <param name="Time">The report time, local, <c>HH:mm</c>, one of the definition's <c>turnoutTimes</c>.</param>
/// <param name="Voters">Voters who had taken part by then.</param>
/// <param name="Signature">The device's signature, base64; null when an operator sends the report.</param>
public sealed record TurnoutRequest(string Station, string Time, long Voters, string? Signature);

/// <summary>A turnout report as recorded.</summary>
/// <param name="Station">The station.</param>
/// <param name="Time">The report time.</param>
/// <param name="Voters">Voters who had taken part by then.</param>
/// <param name="By">The device (<c>device:STATION</c>) or operator who sent it.</param>
/// <param name="Sequence">Its place in the register.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record TurnoutRecorded(string Station, string Time, long Voters, string By, long Sequence, DateTimeOffset RecordedAt);

/// <summary><c>GET /api/v1/turnout?area=ID</c>: an area's turnout through the day, its children's at the latest time, and the stations
/// whose count has fewer voters than their last turnout report.</summary>
/// <param name="Area">The area's id.</param>
/// <param name="Snapshot">The log position of the snapshot whose counts the flags compare with.</param>
/// <param name="Reports">How many turnout records of the register the figures are read from (the first so many, in register
/// order; a report the day's earlier ones refuse is left out of the sums): a verifier re-adds the same records and compares.</param>
/// <param name="Times">The area's turnout at each report time, in the order of the day.</param>
/// <param name="Children">The areas directly below (of the tree), each with its turnout at each time.</param>
/// <param name="Flagged">Stations whose counted protocol has fewer voters taking part than their last turnout report.</param>
public sealed record TurnoutArea(
    string Area,
    long Snapshot,
    int Reports,
    IReadOnlyList<TurnoutAt> Times,
    IReadOnlyList<TurnoutChild> Children,
    IReadOnlyList<TurnoutFlag> Flagged);

/// <summary>Turnout at one report time.</summary>
/// <param name="Time">The time, local, <c>HH:mm</c>.</param>
/// <param name="Reporting">Stations that reported by then.</param>
/// <param name="Stations">Stations of the area.</param>
/// <param name="Voters">Voters who had taken part at the reporting stations.</param>
/// <param name="Registered">Voters on those stations' lists (main and additional).</param>
/// <param name="Percent">Voters as a percentage of <paramref name="Registered"/>, two decimals; null when no station reported.</param>
public sealed record TurnoutAt(string Time, int Reporting, int Stations, long Voters, long Registered, decimal? Percent);

/// <summary>One area below, with its turnout at each time.</summary>
/// <param name="Id">The area's id.</param>
/// <param name="Times">Its turnout at each report time.</param>
public sealed record TurnoutChild(string Id, IReadOnlyList<TurnoutAt> Times);

/// <summary>A station whose count has fewer voters taking part than its last turnout report (a control relation: flagged).</summary>
/// <param name="Station">The station.</param>
/// <param name="Source">The count source of the protocol.</param>
/// <param name="Time">The time of the last turnout report.</param>
/// <param name="Reported">Voters in that report.</param>
/// <param name="Participation">Voters who took part by the counted protocol (the form's participation).</param>
public sealed record TurnoutFlag(string Station, string Source, string Time, long Reported, long Participation);
