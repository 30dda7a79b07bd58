using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Sanoo.Log;
using Sanoo.Storage;

namespace Sanoo.Web.Tests;

/// <summary>
/// A real server on 127.0.0.1 over a fresh SQLite store of <c>definition</c>, with the operators and device keys a fixture enrols
/// first, the write and read limits lifted for tests; and the requests fixtures send to it.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"sanoo-test-{Guid.NewGuid():N}.db");
    private WebApplication? _app;

    /// <summary>A client of the server.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>The server's log.</summary>
    public ElectionLog Log { get; private set; } = null!;

    /// <summary>The running server's services.</summary>
    public IServiceProvider Services => _app!.Services;

    /// <summary>The SHA-256 of a token, as an operator's enrolment keeps it.</summary>
    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>
    /// Opens the store, lets <paramref name="enrol"/> add operators and keys to it, and starts the server, with the word catalogs
    /// of <paramref name="words"/> when given, the extra routes <paramref name="map"/> adds and the options <paramref name="options"/>
    /// changes.
    /// </summary>
    public static async Task<LoopbackServer> StartAsync(
        byte[] definition,
        Func<IProtocolStore, Task> enrol,
        string? words = null,
        Action<WebApplication>? map = null,
        Func<ServerOptions, ServerOptions>? options = null)
    {
        var server = new LoopbackServer();
        var store = await StoreAddress.OpenAsync("sqlite:" + server._file);
        server.Log = await ElectionLog.OpenAsync(store, definition);
        await enrol(store);
        var chosen = new ServerOptions
        {
            Urls = "http://127.0.0.1:0",
            PublishInterval = TimeSpan.FromMilliseconds(50),
            WritesPerSecondPerAddress = 10_000,
            PublicReadsPerSecondPerAddress = 1_000_000,
            PublicReadBurst = 1_000_000,
            WordsFolder = words,
        };
        server._app = SanooServer.Create(server.Log, options?.Invoke(chosen) ?? chosen);
        map?.Invoke(server._app);
        await SanooServer.StartAsync(server._app);
        server.Client = new HttpClient { BaseAddress = new Uri(server._app.Urls.First()) };
        return server;
    }

    /// <summary>Posts <paramref name="body"/> (JSON) to <paramref name="path"/>, with <paramref name="token"/> when given.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, JsonNode body, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }
        return Client.SendAsync(request);
    }

    /// <summary>Waits until the published snapshot reaches log position <paramref name="position"/>.</summary>
    public async Task WaitForAsync(long position)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((await Client.GetFromJsonAsync("/api/v1/status", Contracts.WireJson.Default.ServerStatus))!.Snapshot < position)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"the snapshot did not reach {position}");
            await Task.Delay(20);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (Log is not null)
        {
            await Log.DisposeAsync();
            await Log.Store.DisposeAsync();
        }
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(path);
        }
    }
}
