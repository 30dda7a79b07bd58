using System.Collections.Immutable;
using System.Data.Common;
using Sanoo.Core.Register;
using Sanoo.Storage.Register;

namespace Sanoo.Storage.Sql;

/// <summary>
/// How register records map to the <c>register</c> table: the record's bytes, with its kind, station and protocol log size
/// beside them for indexing. Records are numbered one after the last under the writer lock.
/// </summary>
internal static class RegisterRows
{
    public const string SelectAfter = "SELECT seq, kind, record FROM register WHERE seq > $1 ORDER BY seq";

    public const string SelectOfKind = "SELECT seq, kind, record FROM register WHERE kind = $1 ORDER BY seq";

    public const string SelectOfStation = "SELECT seq, kind, record FROM register WHERE station = $1 ORDER BY seq";

    public const string Next = "SELECT COALESCE(MAX(seq), 0) + 1 FROM register";

    public const string LogSize = "SELECT COALESCE(MAX(seq), 0) FROM protocol_version";

    public const string Insert = "INSERT INTO register (seq, kind, station, record, log_size) VALUES ($1, $2, $3, $4, $5)";

    public static SqlArg[] Values(RegisterRecord record) => [record.Sequence, record.Kind, record.Station, record.Encode(), record.LogSize];

    public static RegisterRow Read(DbDataReader r) => new(r.GetInt64(0), r.GetString(1), ImmutableArray.Create((byte[])r.GetValue(2)));

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
