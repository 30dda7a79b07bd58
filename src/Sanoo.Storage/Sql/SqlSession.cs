using System.Data.Common;
using System.Runtime.CompilerServices;

namespace Sanoo.Storage.Sql;

/// <summary>
/// One open connection, inside the write session's transaction or (for reads) outside any:
/// runs plain SQL with <c>$1</c>, <c>$2</c> … placeholders filled from <see cref="SqlArg"/>
/// values, and turns rows into records with the mapper it is given.
/// </summary>
internal sealed class SqlSession(SqlDialect dialect, DbConnection connection, DbTransaction? transaction = null)
{
    /// <summary>Runs a statement; returns the number of rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql, SqlArg[] args, CancellationToken cancellationToken)
    {
        await using var command = Command(sql, args);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The first column of the first row, or null when there is none.</summary>
    public async Task<object?> ScalarAsync(string sql, SqlArg[] args, CancellationToken cancellationToken)
    {
        await using var command = Command(sql, args);
        var value = await command.ExecuteScalarAsync(cancellationToken);
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
        await using var command = Command(sql, args);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
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
        await using var insert = Command(sql, values(rows[0]));
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

    private DbCommand Command(string sql, SqlArg[] args)
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
