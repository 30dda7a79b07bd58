using System.Data.Common;
using Sanoo.Core.Definitions;
using Sanoo.Core.Entries;
using Sanoo.Storage.Entries;

namespace Sanoo.Storage.Sql;

/// <summary>How a <see cref="HandEntry"/> maps to the <c>hand_entry</c> table; only recorded statuses are stored.</summary>
internal static class HandEntryRows
{
    private const string Select =
        "SELECT seq, station, contest, source, version, operator, canonical, content_hash, entered_at, status, salt FROM hand_entry";

    public const string SelectAll = $"{Select} ORDER BY seq";

    public const string SelectOfStation = $"{Select} WHERE station = $1 ORDER BY seq";

    /// <summary>The entries of one protocol version (station, contest, source, version), oldest first.</summary>
    public const string SelectOfVersion = $"{Select} WHERE station = $1 AND contest = $2 AND source = $3 AND version = $4 ORDER BY seq";

    public const string Insert =
        "INSERT INTO hand_entry (seq, station, contest, source, version, operator, canonical, content_hash, entered_at, status, salt) " +
        "VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM hand_entry), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING seq";

    public static SqlArg[] VersionOf(HandEntry entry) => [entry.Station, entry.Contest, entry.Source, entry.Version];

    public static SqlArg[] Values(HandEntry entry, EntryStatus status) =>
    [
        entry.Station, entry.Contest, entry.Source, entry.Version, entry.Operator, entry.Canonical.ToArray(), entry.ContentHash,
        entry.EnteredAt, HandEntry.StatusText(status), entry.Salt.ToArray(),
    ];

    public static HandEntry Read(DbDataReader r) => new(
        r.GetInt64(0), new AreaId(r.GetString(1)), new ContestId(r.GetString(2)), new SourceId(r.GetString(3)),
        r.GetInt32(4), r.GetString(5), [.. (byte[])r.GetValue(6)], r.GetString(7),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(8)), HandEntry.ParseStatus(r.GetString(9)))
    {
        Salt = r.IsDBNull(10) ? HandEntry.NoSalt : [.. (byte[])r.GetValue(10)],
    };
}
