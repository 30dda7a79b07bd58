using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Sanoo.Core.Definitions;
using Sanoo.Storage.Log;
using SQLitePCL;

namespace Sanoo.Storage.Sqlite;

/// <summary>
/// The log's rows read from SQLite through its own statement, column bytes as SQLite holds them (a restart reads a million): the
/// same <see cref="LogEntry"/> values as <see cref="LogEntryColumns.Read"/> gives, without ADO.NET's per-column calls, and with
/// the texts that repeat from row to row (contest, source, outcome, sender) made into strings once while they repeat, and the
/// figures decoded from the column's bytes. A blob column holding another type or a required column holding nothing is a damaged
/// database (<see cref="StoreException"/>), as a cast of its value fails in the ADO.NET reader.
/// </summary>
internal static class SqliteLogRows
{
    /// <summary>The entries <paramref name="sql"/> selects (<see cref="LogEntryColumns.List"/>, canonical last when asked).</summary>
    public static IEnumerable<LogEntry> Read(SqliteConnection connection, string sql, long afterSequence, bool withCanonical)
    {
        using (var statement = SqliteSteps.Prepare(connection, sql, out var db, afterSequence))
        {
            var contest = new SqliteSteps.Repeated();
            var source = new SqliteSteps.Repeated();
            var outcome = new SqliteSteps.Repeated();
            var sender = new SqliteSteps.Repeated();
            var row = new SqliteRow(statement);
            while (SqliteSteps.Step(db, statement))
            {
                var sequence = Integer(row, 0, 0);
                yield return new LogEntry(
                    sequence,
                    new AreaId(Encoding.UTF8.GetString(Required(row, 1, sequence))),
                    new ContestId(contest.Of(Required(row, 2, sequence))),
                    new SourceId(source.Of(Required(row, 3, sequence))),
                    checked((int)Integer(row, 4, sequence)),
                    OutcomeText.Parse(outcome.Of(Required(row, 5, sequence))),
                    Owned(Blob(row, 6, sequence)),
                    withCanonical ? Owned(Blob(row, 14, sequence)) : [],
                    Figures.Decode(Blob(row, 7, sequence)),
                    Optional(row, 8),
                    Optional(row, 9),
                    sender.Of(Required(row, 10, sequence)),
                    DateTimeOffset.FromUnixTimeMilliseconds(Integer(row, 11, sequence)),
                    Optional(row, 12),
                    row.Type(13) == raw.SQLITE_NULL ? [] : Owned(Blob(row, 13, sequence)));
            }
        }
    }

    private static long Integer(SqliteRow row, int column, long sequence) =>
        row.Type(column) == raw.SQLITE_NULL ? throw Damaged(sequence, column) : row.Integer(column);

    /// <summary>A text column that must hold a value: its UTF-8 bytes (a number's text, as ADO.NET's string of it).</summary>
    private static ReadOnlySpan<byte> Required(SqliteRow row, int column, long sequence) =>
        row.Type(column) == raw.SQLITE_NULL ? throw Damaged(sequence, column) : row.Bytes(column);

    private static string? Optional(SqliteRow row, int column) =>
        row.Type(column) == raw.SQLITE_NULL ? null : Encoding.UTF8.GetString(row.Bytes(column));

    /// <summary>A blob column's bytes; a value of another type there is a damaged database.</summary>
    private static ReadOnlySpan<byte> Blob(SqliteRow row, int column, long sequence) =>
        row.Type(column) == raw.SQLITE_BLOB ? row.Bytes(column) : throw Damaged(sequence, column);

    private static StoreException Damaged(long sequence, int column) => new(
        $"log entry {sequence} holds no value of its kind in column {column + 1} of the protocol_version table: the database is damaged");

    /// <summary>A new array of the column's bytes, taken as it is (nobody else holds it).</summary>
    private static ImmutableArray<byte> Owned(ReadOnlySpan<byte> bytes) => ImmutableCollectionsMarshal.AsImmutableArray(bytes.ToArray());
}
