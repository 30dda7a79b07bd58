using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Sanoo.Storage.Sqlite;

/// <summary>What the stores' own SQLite statements share: stepping as ADO.NET does, its errors, and texts that repeat from row to row.</summary>
internal static class SqliteSteps
{
    /// <summary>How long a step waits for a lock held by another connection, as Microsoft.Data.Sqlite's command timeout.</summary>
    private static readonly TimeSpan Busy = TimeSpan.FromSeconds(30);

    /// <summary>
    /// <paramref name="sql"/> prepared on <paramref name="connection"/> (its handle in <paramref name="db"/>) with
    /// <paramref name="values"/> bound to its parameters in order; the caller disposes it.
    /// </summary>
    public static sqlite3_stmt Prepare(SqliteConnection connection, string sql, out sqlite3 db, params ReadOnlySpan<long> values)
    {
        db = connection.Handle ?? throw new InvalidOperationException("the SQLite connection is not open");
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        for (var i = 0; i < values.Length; i++)
        {
            Check(db, raw.sqlite3_bind_int64(statement, i + 1, values[i]));
        }
        return statement;
    }

    /// <summary>Steps to the next row (false after the last), waiting out another connection's lock as ADO.NET does.</summary>
    public static bool Step(sqlite3 db, sqlite3_stmt statement)
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

    public static void Check(sqlite3 db, int code)
    {
        if (code != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(code, db);
        }
    }

    /// <summary>
    /// A text that repeats from row to row: one string while its bytes stay the same. Its bytes are kept in one reused buffer, so a
    /// text that changes at every row (a sender per station) costs its string only.
    /// </summary>
    public sealed class Repeated
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
