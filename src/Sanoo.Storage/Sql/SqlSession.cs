using System.Data.Common;
using System.Runtime.CompilerServices;

namespace Sanoo.Storage.Sql;

/// <summary>
/// One open connection, inside the write session's transaction or (for reads) outside any:
/// runs plain SQL with <c>$1</c>, <c>$2</c> … placeholders filled from <see cref="SqlArg"/>
/// values, and turns rows into records with the mapper it is given. In a write session on a connection that runs one statement at
/// a time (SQLite: the writer connection kept open for the process's life), each statement is prepared once per connection and
/// kept for the next sessions, re-bound to their values (<see cref="MaxPrepared"/> at most): a group commit no longer parses its
/// SQL again.
/// </summary>
internal sealed class SqlSession(SqlDialect dialect, DbConnection connection, DbTransaction? transaction = null)
{
    /// <summary>The most statements kept prepared for one connection (the store's statements are a fixed, small set).</summary>
    public const int MaxPrepared = 64;

    private static readonly ConditionalWeakTable<DbConnection, Dictionary<string, DbCommand>> Prepared = new();

    /// <summary>How many statements are kept prepared for <paramref name="connection"/> (for tests).</summary>
    public static int PreparedCount(DbConnection connection) => Prepared.TryGetValue(connection, out var kept) ? kept.Count : 0;

    /// <summary>Runs a statement; returns the number of rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql, SqlArg[] args, CancellationToken cancellationToken)
    {
        await using var lease = Command(sql, args);
        return await lease.Command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The first column of the first row, or null when there is none.</summary>
    public async Task<object?> ScalarAsync(string sql, SqlArg[] args, CancellationToken cancellationToken)
    {
        await using var lease = Command(sql, args);
        var value = await lease.Command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }

    /// <summary>Every row, mapped.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, SqlArg[] args, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await foreach (var row in StreamAsync(sql, read, args, cancellationToken))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The rows, mapped, one at a time (a rebuild reads millions).</summary>
    public async IAsyncEnumerable<T> StreamAsync<T>(
        string sql, Func<DbDataReader, T> read, SqlArg[] args, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var lease = Command(sql, args);
        await using var reader = await lease.Command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return read(reader);
        }
    }

    /// <summary>
    /// Runs one statement once for each row of values, in order: in one round trip where the
    /// driver batches (PostgreSQL), else as one prepared command re-bound for each row (SQLite,
    /// in process, where a round trip costs nothing and preparing once is what counts).
    /// </summary>
    public async Task ExecuteEachAsync<T>(string sql, IReadOnlyList<T> rows, Func<T, SqlArg[]> values, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }
        if (connection.CanCreateBatch)
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var row in rows)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = sql;
                Bind(command.Parameters, command.CreateParameter, values(row));
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync(cancellationToken);
            return;
        }
        await using var lease = Command(sql, values(rows[0]));
        var insert = lease.Command;
        await insert.ExecuteNonQueryAsync(cancellationToken);
        foreach (var row in rows.Skip(1))
        {
            var args = values(row);
            for (var i = 0; i < args.Length; i++)
            {
                args[i].Set(insert.Parameters[i]);
            }
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The command of <paramref name="sql"/> bound to <paramref name="args"/>: the one kept prepared, or a new one.</summary>
    private CommandLease Command(string sql, SqlArg[] args)
    {
        if (transaction is not null && !connection.CanCreateBatch)
        {
            var kept = Prepared.GetOrCreateValue(connection);
            if (kept.TryGetValue(sql, out var prepared) && prepared.Parameters.Count == args.Length)
            {
                prepared.Transaction = transaction;
                for (var i = 0; i < args.Length; i++)
                {
                    args[i].Set(prepared.Parameters[i]);
                }
                return new(prepared, Owned: false);
            }
            if (kept.Count < MaxPrepared && !kept.ContainsKey(sql))
            {
                var command = New(sql, args);
                kept[sql] = command;
                return new(command, Owned: false);
            }
        }
        return new(New(sql, args), Owned: true);
    }

    private DbCommand New(string sql, SqlArg[] args)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        Bind(command.Parameters, command.CreateParameter, args);
        return command;
    }

    private void Bind(DbParameterCollection parameters, Func<DbParameter> create, SqlArg[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var parameter = create();
            parameter.ParameterName = dialect.ParameterName(i + 1);
            args[i].Set(parameter);
            parameters.Add(parameter);
        }
    }
}

/// <summary>A command for one statement, disposed after it unless it is kept prepared for its connection.</summary>
/// <param name="Command">The command.</param>
/// <param name="Owned">Whether it is this statement's alone (disposed after it).</param>
internal readonly record struct CommandLease(DbCommand Command, bool Owned) : IAsyncDisposable
{
    /// <inheritdoc />
    public ValueTask DisposeAsync() => Owned ? Command.DisposeAsync() : ValueTask.CompletedTask;
}
