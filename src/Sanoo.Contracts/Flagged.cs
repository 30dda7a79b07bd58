namespace Sanoo.Contracts;

/// <summary>
/// <c>GET /api/v1/flagged</c>: every stored version that was counted although it breaks a warning-level control relation, up
/// to the snapshot: the protocols flagged for review. A later version of the same protocol may have replaced one since
/// (<c>GET /api/v1/stations/{id}</c> names the version counted).
/// </summary>
/// <param name="Snapshot">The snapshot's log position (0 before the first).</param>
/// <param name="Flagged">The versions, in log order.</param>
public sealed record FlaggedList(long Snapshot, IReadOnlyList<FlaggedVersion> Flagged);

/// <summary>A stored version counted with warnings.</summary>
/// <param name="Sequence">Its log position.</param>
/// <param name="Station">The station's id.</param>
/// <param name="Contest">The contest's id.</param>
/// <param name="Source">The count source's id.</param>
/// <param name="Version">Its version number.</param>
/// <param name="Violations">The warning-level relations it breaks; never empty.</param>
/// <param name="ReceivedAt">When it was received (ISO 8601 with offset).</param>
public sealed record FlaggedVersion(
    long Sequence,
    string Station,
    string Contest,
    string Source,
    int Version,
    IReadOnlyList<Violation> Violations,
    DateTimeOffset ReceivedAt);
