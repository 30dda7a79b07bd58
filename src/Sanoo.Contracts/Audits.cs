namespace Sanoo.Contracts;

/// <summary>
/// <c>GET /api/v1/audit</c> (and <c>sanoo audit status --json</c>): the risk-limiting audit (docs/audits.md) as the register holds
/// it and as its records add up: the plan, the assertions audited with their margins, each round's draws, stations, recounts,
/// measured risk and decision.
/// </summary>
/// <param name="State">Where it stands: <c>confirmed</c>, <c>full-count</c> (the hand count decides) or <c>recounting</c>.</param>
/// <param name="Seed">The seed rolled in public.</param>
/// <param name="RiskLimit">The risk limit as a decimal fraction, e.g. <c>0.05</c>.</param>
/// <param name="Source">The count source audited (the reported count).</param>
/// <param name="LogSize">The protocol log position whose count is audited.</param>
/// <param name="Contests">The contests audited.</param>
/// <param name="Stations">How many stations can be in the sample (the batches).</param>
/// <param name="TotalErrorBound">U, the sum of the stations' error bounds, six decimals.</param>
/// <param name="TotalWeight">The sum of the stations' weights (error bounds in millionths, rounded up): W of the sampler.</param>
/// <param name="Sampler">How each draw picks its station, in one sentence, so that anyone can redraw the sample.</param>
/// <param name="Assertions">The assertions the reported outcome rests on, with their margins.</param>
/// <param name="Rounds">The rounds, in order; the last may be waiting for recounts.</param>
/// <param name="PlannedBy">Who recorded the plan.</param>
/// <param name="PlannedAt">When.</param>
public sealed record AuditStatus(
    string State,
    string Seed,
    string RiskLimit,
    string Source,
    long LogSize,
    IReadOnlyList<string> Contests,
    int Stations,
    double TotalErrorBound,
    long TotalWeight,
    string Sampler,
    IReadOnlyList<AuditedAssertion> Assertions,
    IReadOnlyList<AuditRoundStatus> Rounds,
    string PlannedBy,
    DateTimeOffset PlannedAt);

/// <summary>One claim the reported outcome rests on.</summary>
/// <param name="Assertion">The claim in short, e.g. <c>list: p03 over the threshold</c>.</param>
/// <param name="Contest">The contest.</param>
/// <param name="Kind"><c>beats</c>, <c>over-threshold</c> or <c>under-threshold</c>.</param>
/// <param name="Choice">The winner, or the party the threshold claim is about.</param>
/// <param name="Loser">The loser, for <c>beats</c>.</param>
/// <param name="Margin">The reported margin, in the assertion's score units (votes, for <c>beats</c>).</param>
public sealed record AuditedAssertion(string Assertion, string Contest, string Kind, string Choice, string? Loser, long Margin);

/// <summary>One round of the audit.</summary>
/// <param name="Round">The round, from 1.</param>
/// <param name="FirstDraw">The number of its first draw (draws are numbered from 1 across rounds).</param>
/// <param name="Draws">The station each draw picked, in draw order (a station may come more than once).</param>
/// <param name="Stations">The stations drawn, each once, in the order first drawn, with their recounts.</param>
/// <param name="Risk">The measured risk over every draw so far, six decimals; null while recounts are outstanding.</param>
/// <param name="Decision"><c>confirmed</c>, <c>next-round</c> or <c>full-count</c>; null while recounts are outstanding.</param>
/// <param name="NextDraws">For <c>next-round</c>, how many draws all rounds together reach with the next; otherwise 0.</param>
public sealed record AuditRoundStatus(
    int Round, int FirstDraw, IReadOnlyList<string> Draws, IReadOnlyList<AuditDrawnStation> Stations, string? Risk, string? Decision,
    int NextDraws);

/// <summary>A station drawn in a round, with its reported count and its hand recount.</summary>
/// <param name="Station">The station.</param>
/// <param name="Times">How many of the round's draws picked it.</param>
/// <param name="ErrorBound">Its error bound u_p, six decimals.</param>
/// <param name="Recounted">Whether two operators' entries agree on its recount of every audited contest.</param>
/// <param name="Taint">Its taint once recounted (0 when the recount agrees, negative when the reported count understated the margins).</param>
/// <param name="Counts">Each audited contest it votes on: the reported figures and the agreed recount.</param>
public sealed record AuditDrawnStation(
    string Station, int Times, double ErrorBound, bool Recounted, double? Taint, IReadOnlyList<AuditStationCount> Counts);

/// <summary>One contest at a drawn station: the count audited against the hand recount.</summary>
/// <param name="Contest">The contest.</param>
/// <param name="ReportedBallots">The ballots the reported count says took part.</param>
/// <param name="Reported">The reported votes per choice, in ballot order.</param>
/// <param name="RecountBallots">The ballots the agreed recount found; null until two entries agree.</param>
/// <param name="Recount">The agreed recount's votes per choice; null until two entries agree.</param>
/// <param name="Entries">How many recount entries operators have made of it.</param>
public sealed record AuditStationCount(
    string Contest, long ReportedBallots, IReadOnlyList<long> Reported, long? RecountBallots, IReadOnlyList<long>? Recount, int Entries);
