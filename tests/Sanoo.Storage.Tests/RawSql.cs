using Microsoft.Data.Sqlite;
using Npgsql;

namespace Sanoo.Storage.Tests;

/// <summary>Runs SQL straight against a store's database, bypassing Sanoo, as a tamperer would.</summary>
public static class RawSql
{
    public static async Task ExecuteAsync(string address, string sql)
    {
        if (address.StartsWith("sqlite:", StringComparison.Ordinal))
        {
            await using var connection = new SqliteConnection($"Data Source={address["sqlite:".Length..]};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
            return;
        }
        await using var pg = new NpgsqlConnection(address["postgres:".Length..]);
        await pg.OpenAsync();
        await using var pgCommand = new NpgsqlCommand(sql, pg);
        await pgCommand.ExecuteNonQueryAsync();
    }
}
