using System.Runtime.InteropServices;
using SQLitePCL;

namespace Sanoo.Storage.Sqlite;

/// <summary>
/// The current row of a statement the store prepares, steps and disposes itself, its columns read by SQLite's own C functions on
/// the statement's handle (the statement is disposed only after its last row is read). Through SQLitePCL each column's read
/// counts the handle's references twice and crosses into native code with the collector's full transition: a restart reads some
/// thirty columns a row over a million rows, and those were near a tenth of its processor time. These four functions return at
/// once, on a connection one thread uses, and call nothing back, so they are called without that transition. A blob's bytes are
/// SQLite's own, valid until the next step.
/// </summary>
internal readonly struct SqliteRow
{
    private const string Library = "e_sqlite3";

    private readonly nint _statement;

    /// <summary>The current row of <paramref name="statement"/>, whose handle is read as long as the caller holds it undisposed.</summary>
    public SqliteRow(sqlite3_stmt statement) => _statement = statement.DangerousGetHandle();

    /// <summary>The column's type (<see cref="raw.SQLITE_INTEGER"/>, <see cref="raw.SQLITE_BLOB"/>, <see cref="raw.SQLITE_NULL"/>…).</summary>
    public int Type(int column) => sqlite3_column_type(_statement, column);

    /// <summary>The column's integer.</summary>
    public long Integer(int column) => sqlite3_column_int64(_statement, column);

    /// <summary>The column's bytes (a text's UTF-8), SQLite's own until the next step.</summary>
    public unsafe ReadOnlySpan<byte> Bytes(int column)
    {
        var bytes = sqlite3_column_blob(_statement, column); // before its length, as SQLite asks
        var length = sqlite3_column_bytes(_statement, column);
        return bytes == 0 ? [] : new ReadOnlySpan<byte>((void*)bytes, length);
    }

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    private static extern int sqlite3_column_type(nint statement, int column);

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    private static extern long sqlite3_column_int64(nint statement, int column);

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    private static extern nint sqlite3_column_blob(nint statement, int column);

    [DllImport(Library, ExactSpelling = true), SuppressGCTransition]
    private static extern int sqlite3_column_bytes(nint statement, int column);
}
