using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Sanoo.Storage.Register;
using SQLitePCL;

namespace Sanoo.Storage.Sqlite;

/// <summary>
/// The register's rows read from SQLite through its own statement (a restart reads a million to hash them against a checkpoint):
/// the same <see cref="RegisterRow"/> values as the ADO.NET reader gives, without its per-column calls, the kind made a string once
/// while it repeats. A row without its sequence, kind or record bytes is a damaged database (<see cref="StoreException"/>).
/// </summary>
internal static class SqliteRegisterRows
{
    /// <summary>
    /// The rows <paramref name="sql"/> selects (sequence, kind, record, station) after place <paramref name="afterSequence"/>, at most
    /// <paramref name="limit"/>.
    /// </summary>
    public static List<RegisterRow> Read(SqliteConnection connection, string sql, long afterSequence, long limit)
    {
        using (var statement = SqliteSteps.Prepare(connection, sql, out var db, afterSequence, limit))
        {
            var rows = new List<RegisterRow>((int)Math.Min(limit, 65_536));
            var kind = new SqliteSteps.Repeated();
            var row = new SqliteRow(statement);
            while (SqliteSteps.Step(db, statement))
            {
                if (row.Type(0) != raw.SQLITE_INTEGER)
                {
                    throw Damaged(rows.Count == 0 ? afterSequence + 1 : rows[^1].Sequence + 1, 1);
                }
                var sequence = row.Integer(0);
                rows.Add(new RegisterRow(
                    sequence,
                    kind.Of(row.Type(1) == raw.SQLITE_NULL ? throw Damaged(sequence, 2) : row.Bytes(1)),
                    ImmutableCollectionsMarshal.AsImmutableArray(
                        (row.Type(2) == raw.SQLITE_BLOB ? row.Bytes(2) : throw Damaged(sequence, 3))
                            .ToArray()))
                {
                    Station = row.Type(3) == raw.SQLITE_NULL
                        ? null
                        : Encoding.UTF8.GetString(row.Bytes(3)),
                });
            }
            return rows;
        }
    }

    private static StoreException Damaged(long sequence, int column) => new(
        $"register record {sequence} holds no value of its kind in column {column} of the register table: the database is damaged");
}
