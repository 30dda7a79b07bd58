using System.Data.Common;
using System.Runtime.InteropServices;
using Sanoo.Core.Register;
using Sanoo.Storage.Register;

namespace Sanoo.Storage.Sql;

/// <summary>
/// How register records map to the <c>register</c> table: the record's bytes, with its kind, station and protocol log size
/// beside them for indexing. Records are numbered one after the last under the writer lock.
/// </summary>
internal static class RegisterRows
{
    // Every read takes only places from 1 on: a row slipped in at 0 or below is in no tree and never read (the self-check names it).
    public const string SelectAfter = "SELECT seq, kind, record, station FROM register WHERE seq > $1 AND seq >= 1 ORDER BY seq LIMIT $2";

    // Up to a place ($2): what a tree head of that register size covers, whatever was recorded since.
    public const string SelectOfKind = "SELECT seq, kind, record, station FROM register WHERE kind = $1 AND seq >= 1 AND seq <= $2 ORDER BY seq";

    public const string SelectOfStation = "SELECT seq, kind, record, station FROM register WHERE station = $1 AND seq >= 1 ORDER BY seq";

    /// <summary>Rows the register's tree cannot hold: at places below 1.</summary>
    public const string CountOutside = "SELECT COUNT(*) FROM register WHERE seq < 1";

    public const string Next = "SELECT COALESCE(MAX(seq), 0) + 1 FROM register";

    public const string LogSize = "SELECT COALESCE(MAX(seq), 0) FROM protocol_version";

    public const string Insert = "INSERT INTO register (seq, kind, station, record, log_size) VALUES ($1, $2, $3, $4, $5)";

    public static SqlArg[] Values(RegisterRecord record) => [record.Sequence, record.Kind, record.Station, record.Encode(), record.LogSize];

    /// <summary>
    /// Reads the current row; the record's blob, made by the reader for this call only, is taken as it is (a restart reads a million).
    /// </summary>
    public static RegisterRow Read(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), ImmutableCollectionsMarshal.AsImmutableArray((byte[])r.GetValue(2)))
        {
            Station = r.IsDBNull(3) ? null : r.GetString(3),
        };

    /// <summary>A stored record read back; a record that does not read is a damaged store.</summary>
    public static T Decode<T>(RegisterRow row)
        where T : RegisterRecord
    {
        try
        {
            return RegisterRecord.Decode(row.Record.AsSpan()) as T
                ?? throw new StoreException($"register record {row.Sequence} is not a {typeof(T).Name}: the store is damaged");
        }
        catch (FormatException e)
        {
            throw new StoreException($"register record {row.Sequence} does not read ({e.Message}): the store is damaged", e);
        }
    }
}
