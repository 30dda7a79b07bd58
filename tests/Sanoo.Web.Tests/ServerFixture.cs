using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Storage;
using Sanoo.Storage.Access;

namespace Sanoo.Web.Tests;

/// <summary>
/// A real Sanoo server on 127.0.0.1 (Kestrel on a free port) over a fresh SQLite store with the
/// kg-2021 definition, two enrolled station devices (s0001, s0002) and four operators (three of district d01, one admin).
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string DistrictToken = "token-dec-01";
    public const string AdminToken = "token-cec";
    public const string SecondDistrictToken = "token-dec-01-b";
    public const string ThirdDistrictToken = "token-dec-01-c";
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"sanoo-web-{Guid.NewGuid():N}.db");
    private WebApplication? _app;

    public static GeneratedElection Sample { get; } = Kg2021Generator.Generate();

    public Dictionary<string, Key> Keys { get; } = [];

    public ElectionLog Log { get; private set; } = null!;

    /// <summary>The calls the server made to its store, by method.</summary>
    public CountingStore StoreCalls { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public int WritesPerSecond { get; init; } = 10_000;

    /// <summary>Public reads per address per second (and the burst); tests read far faster than a person.</summary>
    public int ReadsPerSecond { get; init; } = 1_000_000;

    public IReadOnlyList<string> TrustedProxies { get; init; } = [];

    /// <summary>The networks that may read /metrics; empty for the default, loopback.</summary>
    public IReadOnlyList<string> MetricsFrom { get; init; } = [];

    /// <summary>
    /// Whether requests start on the network threads (<see cref="ServerOptions.InlineIo"/>): so by default here, the harder path for
    /// the server's own work to stay off them.
    /// </summary>
    public bool InlineIo { get; init; } = true;

    /// <summary>Whether reads already answered are answered at the connection (<see cref="ServerOptions.ReadsAtConnection"/>).</summary>
    public bool ReadsAtConnection { get; init; } = true;

    /// <summary>The file the server keeps its signed tree head in (<see cref="ServerOptions.TreeHeadFile"/>); none when null.</summary>
    public string? TreeHeadFile { get; init; }

    /// <summary>How long an idle connection is kept (<see cref="ServerOptions.KeepAlive"/>).</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(130);

    /// <summary>What the server publishes now.</summary>
    public Publishing.Published Published => _app!.Services.GetRequiredService<Publishing.SnapshotPublisher>().Current;

    /// <summary>The running server's services.</summary>
    public IServiceProvider Services => _app!.Services;

    /// <summary>The commission's public key the server signs with.</summary>
    public byte[] CommissionPublicKey => _app!.Services.GetRequiredService<Publishing.CommissionKey>().PublicKey;

    public async Task InitializeAsync()
    {
        var store = CountingStore.Wrap(await StoreAddress.OpenAsync("sqlite:" + _file), out var counted);
        StoreCalls = counted;
        Log = await ElectionLog.OpenAsync(store, Sample.DefinitionJson);
        foreach (var station in new[] { "s0001", "s0002" })
        {
            Keys[station] = Key.Create(SignatureAlgorithm.Ed25519,
                new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
            await store.EnrolDeviceAsync(new DeviceKey(new AreaId(station), Keys[station].PublicKey.Export(KeyBlobFormat.RawPublicKey),
                DateTimeOffset.UtcNow, "test"));
        }
        await store.AddOperatorAsync(new Operator("dec-01", OperatorRole.District, new AreaId("d01"),
            SHA256.HashData(Encoding.UTF8.GetBytes(DistrictToken))));
        await store.AddOperatorAsync(new Operator("dec-01-b", OperatorRole.District, new AreaId("d01"),
            SHA256.HashData(Encoding.UTF8.GetBytes(SecondDistrictToken))));
        await store.AddOperatorAsync(new Operator("dec-01-c", OperatorRole.District, new AreaId("d01"),
            SHA256.HashData(Encoding.UTF8.GetBytes(ThirdDistrictToken))));
        await store.AddOperatorAsync(new Operator("cec", OperatorRole.Admin, null, SHA256.HashData(Encoding.UTF8.GetBytes(AdminToken))));
        _app = SanooServer.Create(Log, new ServerOptions
        {
            Urls = "http://127.0.0.1:0",
            PublishInterval = TimeSpan.FromMilliseconds(50),
            AccessRefresh = TimeSpan.FromMilliseconds(200),
            TreeHeadInterval = TimeSpan.FromSeconds(1),
            MaxRequestBytes = 1024 * 1024,
            WritesPerSecondPerAddress = WritesPerSecond,
            PublicReadsPerSecondPerAddress = ReadsPerSecond,
            PublicReadBurst = ReadsPerSecond,
            TrustedProxies = TrustedProxies,
            MetricsFrom = MetricsFrom,
            InlineIo = InlineIo,
            ReadsAtConnection = ReadsAtConnection,
            KeepAlive = KeepAlive,
            TreeHeadFile = TreeHeadFile,
        });
        await SanooServer.StartAsync(_app);
        Address = new Uri(_app.Urls.First());
        Client = new HttpClient { BaseAddress = Address };
    }

    /// <summary>A client whose connections come from another loopback address (another "client machine").</summary>
    public HttpClient ClientFrom(string sourceAddress) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(IPAddress.Parse(sourceAddress), 0));
            await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        },
    }) { BaseAddress = Address };

    public static string Sign(Protocol protocol, Key key) =>
        Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(key, ProtocolWriter.Canonical(Sample.Election, protocol)));

    public static JsonElement ProtocolJson(Protocol protocol) => JsonDocument.Parse(ProtocolWriter.Canonical(Sample.Election, protocol)).RootElement;

    public Task<HttpResponseMessage> SubmitAsync(object body, string? token = null, HttpClient? client = null, string path = "/api/v1/protocols")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Content(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
        return (client ?? Client).SendAsync(request);
    }

    /// <summary>A request body: a contract record through the wire's context, anything else (a malformed body on purpose) as it is.</summary>
    private static HttpContent Content(object body) => Contracts.WireJson.Default.GetTypeInfo(body.GetType()) is { } type
        ? JsonContent.Create(body, type)
        : JsonContent.Create(body);

    /// <summary>
    /// Waits until the published snapshot reaches <paramref name="position"/>: a snapshot is frozen every 50 ms, but the test classes
    /// share two cores with each other's servers, so the wait allows far more (a CI run once saw 5 s go by) and says, when it gives up,
    /// where the log and the publication stood (halted, and why, or live).
    /// </summary>
    public async Task WaitForSnapshotAsync(long position)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var status = await Client.GetFromJsonAsync("/api/v1/status", Contracts.WireJson.Default.ServerStatus);
            if (status!.Snapshot >= position)
            {
                return;
            }
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30),
                $"snapshot still at {status.Snapshot} waiting for {position} (log at {status.LogPosition}, {status.Publication}"
                + $"{(status.Halted is null ? "" : ": " + status.Halted)})");
            await Task.Delay(20);
        }
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await Log.DisposeAsync();
        await Log.Store.DisposeAsync();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(path);
        }
        foreach (var key in Keys.Values)
        {
            key.Dispose();
        }
    }
}
