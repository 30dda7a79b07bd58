using System.Data.Common;
using Sanoo.Core.Definitions;
using Sanoo.Storage.Access;

namespace Sanoo.Storage.Sql;

/// <summary>
/// How the records of who may write map to their tables: <see cref="DeviceKey"/> to
/// <c>device_key</c>, <see cref="Operator"/> to <c>operator</c>. Both are append-only and
/// numbered by <c>seq</c>, one after the last, under the writer lock.
/// </summary>
internal static class AccessRows
{
    public const string SelectKeys = "SELECT station, public_key, enrolled_at, enrolled_by FROM device_key WHERE seq > $1 ORDER BY seq";

    public const string InsertKey = "INSERT INTO device_key (seq, station, public_key, enrolled_at, enrolled_by) " +
        "VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM device_key), $1, $2, $3, $4)";

    public const string SelectOperators = "SELECT name, role, district, token_sha256 FROM operator ORDER BY seq";

    public const string InsertOperator = "INSERT INTO operator (seq, name, role, district, token_sha256, created_at) " +
        "VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM operator), $1, $2, $3, $4, $5)";

    public static SqlArg[] Values(DeviceKey key) => [key.Station, key.PublicKey, key.EnrolledAt, key.EnrolledBy];

    public static SqlArg[] Values(Operator op) =>
        [op.Name, op.Role == OperatorRole.Admin ? "admin" : "district", op.District, op.TokenHash, DateTimeOffset.UtcNow];

    public static DeviceKey ReadKey(DbDataReader r) =>
        new(new AreaId(r.GetString(0)), (byte[])r.GetValue(1), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2)), r.GetString(3));

    public static Operator ReadOperator(DbDataReader r) => new(
        r.GetString(0), r.GetString(1) == "admin" ? OperatorRole.Admin : OperatorRole.District, r.IsDBNull(2) ? null : new AreaId(r.GetString(2)),
        (byte[])r.GetValue(3));
}
