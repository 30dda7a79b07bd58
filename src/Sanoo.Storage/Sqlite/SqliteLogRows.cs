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
    /// <summary>How long a step waits for a lock held by another connection, as Microsoft.Data.Sqlite's command timeout.</summary>
    private static readonly TimeSpan Busy = TimeSpan.FromSeconds(30);

    /// <summary>The entries <paramref name="sql"/> selects (<see cref="LogEntryColumns.List"/>, canonical last when asked).</summary>
    public static IEnumerable<LogEntry> Read(SqliteConnection connection, string sql, long afterSequence, bool withCanonical)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        using (statement)
        {
            Check(db, raw.sqlite3_bind_int64(statement, 1, afterSequence));
            var contest = new Repeated();
            var source = new Repeated();
            var outcome = new Repeated();
            var sender = new Repeated();
            while (Step(db, statement))
            {
                var sequence = Integer(statement, 0, 0);
                yield return new LogEntry(
                    sequence,
                    new AreaId(Encoding.UTF8.GetString(Required(statement, 1, sequence))),
                    new ContestId(contest.Of(Required(statement, 2, sequence))),
                    new SourceId(source.Of(Required(statement, 3, sequence))),
                    checked((int)Integer(statement, 4, sequence)),
                    OutcomeText.Parse(outcome.Of(Required(statement, 5, sequence))),
                    Owned(Blob(statement, 6, sequence)),
                    withCanonical ? Owned(Blob(statement, 14, sequence)) : [],
                    Figures.Decode(Blob(statement, 7, sequence)),
                    Optional(statement, 8),
                    Optional(statement, 9),
                    sender.Of(Required(statement, 10, sequence)),
                    DateTimeOffset.FromUnixTimeMilliseconds(Integer(statement, 11, sequence)),
                    Optional(statement, 12),
                    raw.sqlite3_column_type(statement, 13) == raw.SQLITE_NULL ? [] : Owned(Blob(statement, 13, sequence)));
            }
        }
    }

    /// <summary>Steps to the next row (false after the last), waiting out another connection's lock as ADO.NET does.</summary>
    private static bool Step(sqlite3 db, sqlite3_stmt statement)
    {
        var started = Environment.TickCount64;
        while (true)
        {
            var code = raw.sqlite3_step(statement);
            if (code == raw.SQLITE_ROW)
            {
                return true;
            }
            if (code == raw.SQLITE_DONE)
            {
                return false;
            }
            if ((code == raw.SQLITE_BUSY || code == raw.SQLITE_LOCKED) && Environment.TickCount64 - started < Busy.TotalMilliseconds)
            {
                raw.sqlite3_reset(statement);
                Thread.Sleep(1);
                continue;
            }
            Check(db, code);
        }
    }

    private static void Check(sqlite3 db, int code)
    {
        if (code != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(code, db);
        }
    }

    private static long Integer(sqlite3_stmt statement, int column, long sequence) =>
        raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL
            ? throw Damaged(sequence, column)
            : raw.sqlite3_column_int64(statement, column);

    /// <summary>A text column that must hold a value: its UTF-8 bytes (a number's text, as ADO.NET's string of it).</summary>
    private static ReadOnlySpan<byte> Required(sqlite3_stmt statement, int column, long sequence) =>
        raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL
            ? throw Damaged(sequence, column)
            : raw.sqlite3_column_blob(statement, column);

    private static string? Optional(sqlite3_stmt statement, int column) =>
        raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL
            ? null
            : Encoding.UTF8.GetString(raw.sqlite3_column_blob(statement, column));

    /// <summary>A blob column's bytes; a value of another type there is a damaged database.</summary>
    private static ReadOnlySpan<byte> Blob(sqlite3_stmt statement, int column, long sequence) =>
        raw.sqlite3_column_type(statement, column) == raw.SQLITE_BLOB
            ? raw.sqlite3_column_blob(statement, column)
            : throw Damaged(sequence, column);

    private static StoreException Damaged(long sequence, int column) => new(
        $"log entry {sequence} holds no value of its kind in column {column + 1} of the protocol_version table: the database is damaged");

    /// <summary>A new array of the column's bytes, taken as it is (nobody else holds it).</summary>
    private static ImmutableArray<byte> Owned(ReadOnlySpan<byte> bytes) => ImmutableCollectionsMarshal.AsImmutableArray(bytes.ToArray());

    /// <summary>
    /// A text that repeats from row to row: one string while its bytes stay the same. Its bytes are kept in one reused buffer, so a
    /// text that changes at every row (a sender per station) costs its string only.
    /// </summary>
    private sealed class Repeated
    {
        private byte[] _bytes = new byte[64];
        private int _length;
        private string _text = "";
        private bool _any;

        public string Of(ReadOnlySpan<byte> bytes)
        {
            if (!_any || !bytes.SequenceEqual(_bytes.AsSpan(0, _length)))
            {
                if (bytes.Length > _bytes.Length)
                {
                    _bytes = new byte[bytes.Length];
                }
                bytes.CopyTo(_bytes);
                _length = bytes.Length;
                _text = Encoding.UTF8.GetString(bytes);
                _any = true;
            }
            return _text;
        }
    }
}
