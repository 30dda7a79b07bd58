using System.Data.Common;
using Sanoo.Core.Definitions;
using Sanoo.Storage.Acts;

namespace Sanoo.Storage.Sql;

/// <summary>
/// How the commission's acts map to their tables: <see cref="RecountOrder"/> to
/// <c>recount_order</c>, <see cref="RecountOutcome"/> to <c>recount_outcome</c> (which must
/// name an existing order), <see cref="Certification"/> to <c>certification</c>. Each insert
/// numbers the act one after the last and returns that number.
/// </summary>
internal static class ActRows
{
    public const string SelectOrders = "SELECT seq, station, contest, reason, ordered_by, ordered_at FROM recount_order ORDER BY seq";

    public const string InsertOrder = "INSERT INTO recount_order (seq, station, contest, reason, ordered_by, ordered_at) " +
        "VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM recount_order), $1, $2, $3, $4, $5) RETURNING seq";

    public const string SelectOutcomes = "SELECT seq, recount, outcome, recorded_by, recorded_at FROM recount_outcome ORDER BY seq";

    public const string InsertOutcome = "INSERT INTO recount_outcome (seq, recount, outcome, recorded_by, recorded_at) " +
        "VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM recount_outcome), $1, $2, $3, $4) RETURNING seq";

    public const string SelectCertifications = "SELECT seq, position, statement, certified_by, certified_at FROM certification ORDER BY seq";

    public const string InsertCertification = "INSERT INTO certification (seq, position, statement, certified_by, certified_at) " +
        "VALUES ((SELECT COALESCE(MAX(seq), 0) + 1 FROM certification), $1, $2, $3, $4) RETURNING seq";

    public static SqlArg[] Values(RecountOrder o) => [o.Station, o.Contest, o.Reason, o.OrderedBy, o.OrderedAt];

    public static SqlArg[] Values(RecountOutcome o) => [o.Recount, o.Outcome, o.RecordedBy, o.RecordedAt];

    public static SqlArg[] Values(Certification c) => [c.Position, c.Statement, c.CertifiedBy, c.CertifiedAt];

    public static RecountOrder ReadOrder(DbDataReader r) =>
        new(r.GetInt64(0), new AreaId(r.GetString(1)), new ContestId(r.GetString(2)), r.GetString(3), r.GetString(4),
            DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)));

    public static RecountOutcome ReadOutcome(DbDataReader r) =>
        new(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)));

    public static Certification ReadCertification(DbDataReader r) =>
        new(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)));
}
