using Microsoft.Data.Sqlite;
using Sanoo.Storage.Sql;
using Sanoo.Storage.Sqlite;

namespace Sanoo.Storage.Tests;

/// <summary>
/// Statements of write sessions on SQLite's single writer connection are prepared once and kept for the next sessions, each run
/// bound to its own values; a statement that failed is kept usable; reads outside a transaction are never kept.
/// </summary>
public sealed class SqlSessionTests : IAsyncLifetime, IDisposable
{
    private const string Insert = "INSERT INTO t (k, v) VALUES ($1, $2)";
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"sanoo-session-{Guid.NewGuid():N}.db");
    private SqliteDialect _dialect = null!;
    private SqliteConnection _connection = null!;

    public async Task InitializeAsync()
    {
        _dialect = SqliteDialect.Open(_path);
        _connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        await _connection.OpenAsync();
        await using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL) STRICT";
        await create.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _dialect.DisposeAsync();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }

    public void Dispose() => _connection.Dispose();

    private async Task InSessionAsync(Func<SqlSession, Task> work)
    {
        await using var transaction = await _connection.BeginTransactionAsync();
        await work(new SqlSession(_dialect, _connection, transaction));
        await transaction.CommitAsync();
    }

    private Task<List<string>> RowsAsync() =>
        new SqlSession(_dialect, _connection).QueryAsync("SELECT k || '=' || v FROM t ORDER BY k", r => r.GetString(0), [], default);

    [Fact]
    public async Task A_statement_is_prepared_once_for_the_connection_and_bound_anew_in_each_session()
    {
        for (var i = 1; i <= 5; i++)
        {
            await InSessionAsync(async session =>
            {
                Assert.Equal(1, await session.ExecuteAsync(Insert, [(long)i, $"v{i}"], default));
                Assert.Equal((long)i, await session.ScalarAsync("SELECT COUNT(*) FROM t WHERE k <= $1", [(long)i], default));
            });
        }
        Assert.Equal(2, SqlSession.PreparedCount(_connection));
        await InSessionAsync(session => session.ExecuteEachAsync(Insert, [6L, 7L, 8L], k => [k, $"each{k}"], default));
        Assert.Equal(2, SqlSession.PreparedCount(_connection));
        Assert.Equal(["1=v1", "2=v2", "3=v3", "4=v4", "5=v5", "6=each6", "7=each7", "8=each8"], await RowsAsync());
        Assert.Equal(2, SqlSession.PreparedCount(_connection));
    }

    [Fact]
    public async Task A_kept_statement_that_failed_runs_again_in_the_next_session()
    {
        await InSessionAsync(session => session.ExecuteAsync(Insert, [1L, "first"], default));
        await Assert.ThrowsAsync<SqliteException>(() => InSessionAsync(session => session.ExecuteAsync(Insert, [1L, "again"], default)));
        await InSessionAsync(session => session.ExecuteAsync(Insert, [2L, "second"], default));
        Assert.Equal(["1=first", "2=second"], await RowsAsync());
        Assert.Equal(1, SqlSession.PreparedCount(_connection));
    }

    [Fact]
    public async Task The_statements_kept_for_a_connection_are_bounded()
    {
        await InSessionAsync(async session =>
        {
            for (var i = 0; i < SqlSession.MaxPrepared + 10; i++)
            {
                Assert.Equal((long)i, await session.ScalarAsync($"SELECT {i}", [], default));
            }
        });
        Assert.Equal(SqlSession.MaxPrepared, SqlSession.PreparedCount(_connection));
    }
}
