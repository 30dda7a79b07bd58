using Sanoo.Storage.Log;

namespace Sanoo.Storage.Sql;

/// <summary>
/// How a <see cref="LogEntry"/> maps to the <c>protocol_version</c> table, the log itself
/// (the columns and the row mapper are <see cref="LogEntryColumns"/>).
/// </summary>
internal static class ProtocolVersionRows
{
    public const string Insert =
        "INSERT INTO protocol_version (seq, station, contest, source, version, outcome, content_sha256, canonical, figures, " +
        "correction_reason, correction_author, sender, received_at, violations, device_signature) " +
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)";

    /// <summary>The entries after <c>$1</c>, in order; canonical bytes (read last) only when asked.</summary>
    public static string SelectAfter(bool withCanonical) => $"{Select(withCanonical)} WHERE seq > $1 ORDER BY seq";

    public static string SelectPage => $"{SelectAfter(true)} LIMIT $2";

    public static string SelectOfStation => $"{Select(true)} WHERE station = $1 ORDER BY seq";

    public static string SelectByHash => $"{Select(true)} WHERE content_sha256 = $1";

    public static SqlArg[] Values(LogEntry e) =>
    [
        e.Sequence, e.Station.Value, e.Contest.Value, e.Source.Value, e.Version, OutcomeText.Of(e.Outcome),
        e.ContentHash.ToArray(), e.Canonical.ToArray(), Figures.Encode(e.Figures.AsSpan(), []),
        e.CorrectionReason, e.CorrectionAuthor, e.Sender, e.ReceivedAt, e.Violations,
        e.Signature.IsDefaultOrEmpty ? null : e.Signature.ToArray(),
    ];

    private static string Select(bool withCanonical) => $"SELECT {LogEntryColumns.List}{(withCanonical ? ", canonical" : "")} FROM protocol_version";
}
