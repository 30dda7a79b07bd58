using System.Collections.Immutable;
using System.Data.Common;
using System.Runtime.InteropServices;
using Sanoo.Core.Definitions;

namespace Sanoo.Storage.Log;

/// <summary>The <c>protocol_version</c> columns in the order both backends select them, and how a row becomes a <see cref="LogEntry"/>.</summary>
internal static class LogEntryColumns
{
    /// <summary>The columns, without <c>canonical</c> (selected last, only when asked for).</summary>
    public const string List =
        "seq, station, contest, source, version, outcome, content_sha256, figures, "
        + "correction_reason, correction_author, sender, received_at, violations, device_signature";

    /// <summary>Reads the current row.</summary>
    public static LogEntry Read(DbDataReader r, bool withCanonical) => new(
        r.GetInt64(0),
        new AreaId(r.GetString(1)),
        new ContestId(r.GetString(2)),
        new SourceId(r.GetString(3)),
        r.GetInt32(4),
        OutcomeText.Parse(r.GetString(5)),
        Owned((byte[])r.GetValue(6)),
        withCanonical ? Owned((byte[])r.GetValue(14)) : [],
        Figures.Decode((byte[])r.GetValue(7)),
        r.IsDBNull(8) ? null : r.GetString(8),
        r.IsDBNull(9) ? null : r.GetString(9),
        r.GetString(10),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(11)),
        r.IsDBNull(12) ? null : r.GetString(12),
        r.IsDBNull(13) ? [] : Owned((byte[])r.GetValue(13)));

    /// <summary>A blob the reader made for this call only, taken as it is rather than copied (a rebuild reads millions).</summary>
    private static ImmutableArray<byte> Owned(byte[] bytes) => ImmutableCollectionsMarshal.AsImmutableArray(bytes);
}
