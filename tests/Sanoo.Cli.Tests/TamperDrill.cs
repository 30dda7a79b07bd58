using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Sanoo.Log;
using Sanoo.Storage;
using Sanoo.Web;
using Sanoo.Web.Publishing;

namespace Sanoo.Cli.Tests;

/// <summary>
/// A server on an SQLite store in a test's folder, started and stopped as the tamper drills do,
/// and the insider's hand on the database while it is down (append-only triggers dropped first).
/// </summary>
internal static class TamperDrill
{
    /// <summary>Opens the store and the log (giving <paramref name="definition"/> on first use) and starts a server on it; undone when the start is
    /// refused.</summary>
    public static async Task<(ElectionLog Log, WebApplication App)> StartAsync(
        string db, byte[]? definition, ServerOptions options, CommissionKey commission)
    {
        var store = await StoreAddress.OpenAsync($"sqlite:{db}");
        var log = await ElectionLog.OpenAsync(store, definition);
        var app = SanooServer.Create(log, options, commission: commission);
        try
        {
            await SanooServer.StartAsync(app);
        }
        catch
        {
            await app.DisposeAsync();
            await log.DisposeAsync();
            await store.DisposeAsync();
            throw;
        }
        return (log, app);
    }

    /// <summary>
    /// Starts a server on a new store of <paramref name="definition"/> in <paramref name="folder"/>, lets <paramref name="write"/> fill
    /// it (through the log, past the API's checks where a test plays the insider), has the tree head signed over all of it, runs
    /// <c>sanoo verify</c> against the server, and stops it: the verifier's exit code and what it said.
    /// </summary>
    public static async Task<(int Code, string Output)> VerifiedAsync(
        string folder, byte[] definition, CommissionKey commission, Func<ElectionLog, Task> write)
    {
        var (log, app) = await StartAsync(
            Path.Combine(folder, "store.db"),
            definition,
            new ServerOptions { Urls = "http://127.0.0.1:0", PublishInterval = TimeSpan.FromMilliseconds(50) },
            commission);
        try
        {
            await write(log);
            await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<SnapshotPublisher>(app.Services).ActedAsync();
            return CliRun.Sanoo("verify", "--url", app.Urls.First(), "--commission-key", Convert.ToBase64String(commission.PublicKey),
                "--state", Path.Combine(folder, $"state-{Guid.NewGuid():N}.json"));
        }
        finally
        {
            await StopAsync(log, app);
        }
    }

    /// <summary>Stops the server and closes the log and its store.</summary>
    public static async Task StopAsync(ElectionLog log, WebApplication app)
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await log.DisposeAsync();
        await log.Store.DisposeAsync();
    }

    /// <summary>Runs <paramref name="sql"/> on the stopped server's database, its append-only triggers on entries, the definition,
    /// the register and hand entries dropped.</summary>
    public static void Tamper(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DROP TRIGGER IF EXISTS protocol_version_append_only_update; "
            + "DROP TRIGGER IF EXISTS protocol_version_append_only_delete; "
            + "DROP TRIGGER IF EXISTS election_append_only_update; "
            + "DROP TRIGGER IF EXISTS register_append_only_update; DROP TRIGGER IF EXISTS register_append_only_delete; "
            + "DROP TRIGGER IF EXISTS hand_entry_append_only_update; DROP TRIGGER IF EXISTS hand_entry_append_only_delete; " + sql;
        command.ExecuteNonQuery();
    }
}
