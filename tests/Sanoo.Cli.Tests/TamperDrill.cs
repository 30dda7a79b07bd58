using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
    /// <param name="folder">The test's folder.</param>
    /// <param name="definition">The election's definition.</param>
    /// <param name="commission">The commission's key, which signs the heads.</param>
    /// <param name="write">What the test writes before the verification.</param>
    /// <param name="alter">Where the verifier's reads go through a front that alters answers (<see cref="AlteringFrontAsync"/>): the
    /// route and the change to its JSON answers; none: the verifier reads the server.</param>
    /// <param name="alterText">As <paramref name="alter"/>, for an answer that is not JSON (a page's HTML): the change to its text.</param>
    /// <param name="options">Further options of <c>sanoo verify</c> (<c>--pages all</c>).</param>
    public static async Task<(int Code, string Output)> VerifiedAsync(
        string folder, byte[] definition, CommissionKey commission, Func<ElectionLog, Task> write,
        (string Path, Action<JsonNode> Change)? alter = null,
        (string Path, Func<string, string> Change)? alterText = null,
        params string[] options)
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
            await using var front = alter is { } a ? await AlteringFrontAsync(app.Urls.First(), a.Path, a.Change)
                : alterText is { } t ? await AlteringTextFrontAsync(app.Urls.First(), t.Path, t.Change)
                : null;
            return CliRun.Sanoo(
                ["verify", "--url", (front ?? app).Urls.First(), "--commission-key", Convert.ToBase64String(commission.PublicKey),
                    "--state", Path.Combine(folder, $"state-{Guid.NewGuid():N}.json"), .. options]);
        }
        finally
        {
            await StopAsync(log, app);
        }
    }

    /// <summary>
    /// A front on 127.0.0.1 that passes every GET to <paramref name="server"/> and its answers back, but rewrites the JSON answers of
    /// <paramref name="path"/> with <paramref name="change"/>: a server whose answers an insider holding it alters, signed heads
    /// and log untouched.
    /// </summary>
    public static Task<WebApplication> AlteringFrontAsync(string server, string path, Action<JsonNode> change) =>
        FrontAsync(server, path, body =>
        {
            var json = JsonNode.Parse(body)!;
            change(json);
            return Encoding.UTF8.GetBytes(json.ToJsonString());
        });

    /// <summary>A front as <see cref="AlteringFrontAsync"/>'s, that rewrites the text of <paramref name="path"/>'s answers (a page's HTML).</summary>
    public static Task<WebApplication> AlteringTextFrontAsync(string server, string path, Func<string, string> change) =>
        FrontAsync(server, path, body => Encoding.UTF8.GetBytes(change(Encoding.UTF8.GetString(body))));

    /// <summary>A front as <see cref="AlteringFrontAsync"/>'s, that rewrites the bytes of <paramref name="path"/>'s answers.</summary>
    private static async Task<WebApplication> FrontAsync(string server, string path, Func<byte[], byte[]> change)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var front = builder.Build();
        var http = new HttpClient { BaseAddress = new Uri(server) };
        front.Lifetime.ApplicationStopped.Register(http.Dispose);
        front.Run(async context =>
        {
            using var answer = await http.GetAsync(context.Request.Path + context.Request.QueryString, context.RequestAborted);
            var body = await answer.Content.ReadAsByteArrayAsync(context.RequestAborted);
            if (context.Request.Path == path && answer.IsSuccessStatusCode)
            {
                body = change(body);
            }
            context.Response.StatusCode = (int)answer.StatusCode;
            foreach (var (name, values) in answer.Headers)
            {
                if (name is not ("Transfer-Encoding" or "Connection"))
                {
                    context.Response.Headers[name] = values.ToArray();
                }
            }
            context.Response.ContentType = answer.Content.Headers.ContentType?.ToString();
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        });
        await front.StartAsync();
        return front;
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
