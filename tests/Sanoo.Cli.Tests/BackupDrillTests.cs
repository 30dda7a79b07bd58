using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Sanoo.Core.Protocols;
using Sanoo.Core.Transparency;
using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Storage;
using Sanoo.Storage.Access;
using Sanoo.Web;
using Sanoo.Web.Publishing;

namespace Sanoo.Cli.Tests;

/// <summary>
/// The restore drill: a store filled through a real server is backed up with <c>sanoo backup</c> while the server goes on
/// accepting protocols; the copy passes the server's own check, is served, and <c>sanoo verify</c> accepts it, with exactly the
/// counted versions and the tree the original had at the copied position.
/// </summary>
public sealed class BackupDrillTests : IDisposable
{
    private const string Token = "token-cec";
    private static readonly GeneratedElection Sample = Kg2021Generator.Generate();
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-backup-").FullName;
    private readonly CommissionKey _commission = CommissionKey.Ephemeral();

    private static ServerOptions Options(string db) => new()
    {
        Urls = "http://127.0.0.1:0",
        PublishInterval = TimeSpan.FromMilliseconds(50),
        WritesPerSecondPerAddress = 1_000_000,
        TreeHeadFile = StoreAddress.DefaultTreeHeadFile("sqlite:" + db),
    };

    private static async Task SendAsync(HttpClient http, Protocol protocol)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/protocols")
        {
            Content = JsonContent.Create(new { protocol = System.Text.Json.JsonDocument.Parse(ProtocolWriter.Canonical(Sample.Election, protocol)) }),
        };
        request.Headers.Authorization = new("Bearer", Token);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string Figures(ElectionLog log, long upTo) => string.Join('\n', log.Counted.Where(c => c.Position <= upTo)
        .Select(c => $"{c.Position} {c.ReceivedAt} {Convert.ToHexString(SHA256.HashData(ProtocolWriter.Canonical(log.Election, c.Protocol)))}"));

    [Fact]
    public async Task A_backup_taken_while_the_server_accepts_protocols_is_served_and_verified_with_the_same_figures()
    {
        var db = Path.Combine(_folder, "live.db");
        var copy = Path.Combine(_folder, "copy.db");
        var store = await StoreAddress.OpenAsync("sqlite:" + db);
        var log = await ElectionLog.OpenAsync(store, Sample.DefinitionJson);
        await store.AddOperatorAsync(new Operator("cec", OperatorRole.Admin, null, SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Token))));
        var app = SanooServer.Create(log, Options(db), commission: _commission);
        await SanooServer.StartAsync(app);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        for (var i = 0; i < 150; i++)
        {
            await SendAsync(http, Sample.Hand[i]);
        }
        await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<SnapshotPublisher>(app.Services)
            .PublishAsync();

        var sent = 150;
        using var stop = new CancellationTokenSource();
        var writing = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && sent < Sample.Hand.Length)
            {
                await SendAsync(http, Sample.Hand[sent]);
                Interlocked.Increment(ref sent);
            }
        });
        while (Volatile.Read(ref sent) < 200 && !writing.IsCompleted)
        {
            await Task.Delay(5);
        }
        var (code, output) = CliRun.Sanoo("backup", "--db", "sqlite:" + db, "--out", copy);
        var atBackupEnd = Volatile.Read(ref sent);
        while (Volatile.Read(ref sent) < atBackupEnd + 50 && !writing.IsCompleted)
        {
            await Task.Delay(5);
        }
        await stop.CancelAsync();
        await writing;
        Assert.True(code == 0, output);
        Assert.Contains("tree head is copied", output, StringComparison.Ordinal);
        Assert.True(File.Exists(copy + ".tree-head.json"));

        var (check, checkOutput) = CliRun.Sanoo("store", "check", "--db", "sqlite:" + copy);
        Assert.True(check == 0, checkOutput);
        Assert.Contains("Holding the log against the tree head", checkOutput, StringComparison.Ordinal);

        var copyStore = await StoreAddress.OpenAsync("sqlite:" + copy);
        var copyLog = await ElectionLog.OpenAsync(copyStore, null);
        WebApplication? copyApp = null;
        try
        {
            copyApp = SanooServer.Create(copyLog, Options(copy), commission: _commission);
            await SanooServer.StartAsync(copyApp);
            var position = copyLog.Position;
            Assert.InRange(position, 200, log.Position - 50);
            var (verified, report) = CliRun.Sanoo("verify", "--url", copyApp.Urls.First(), "--commission-key",
                Convert.ToBase64String(_commission.PublicKey), "--state", Path.Combine(_folder, "state.json"));
            Assert.True(verified == 0, report);

            Assert.Equal(Figures(log, position), Figures(copyLog, position));
            var (copySize, copyRoot) = await copyLog.TreeHeadAsync();
            var (size, root) = await log.TreeHeadAsync();
            var proof = await log.ConsistencyProofAsync(copySize, size);
            Assert.True(MerkleProof.VerifyConsistency(copySize, size, copyRoot, root, proof),
                "the live log does not extend the copy");
        }
        finally
        {
            if (copyApp is not null)
            {
                await copyApp.StopAsync();
                await copyApp.DisposeAsync();
            }
            await copyLog.DisposeAsync();
            await copyStore.DisposeAsync();
            await app.StopAsync();
            await app.DisposeAsync();
            await log.DisposeAsync();
            await store.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_backup_of_a_cleanly_stopped_store_copies_its_checkpoint_statement_and_the_copy_starts_from_it()
    {
        var db = Path.Combine(_folder, "stopped.db");
        var copy = Path.Combine(_folder, "stopped-copy.db");
        var headFile = StoreAddress.DefaultTreeHeadFile("sqlite:" + db)!;
        var store = await StoreAddress.OpenAsync("sqlite:" + db);
        var log = await ElectionLog.OpenAsync(store, Sample.DefinitionJson,
            checkpoints: new Log.Checkpoints.CheckpointOptions(await CheckpointSealFile.OpenAsync(headFile, _commission, default)));
        await store.AddOperatorAsync(new Operator("cec", OperatorRole.Admin, null, SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Token))));
        var app = SanooServer.Create(log, Options(db), commission: _commission);
        await SanooServer.StartAsync(app);
        using (var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) })
        {
            for (var i = 0; i < 30; i++)
            {
                await SendAsync(http, Sample.Hand[i]);
            }
        }
        await app.StopAsync();
        await app.DisposeAsync();
        await log.DisposeAsync(); // a clean stop: a checkpoint at the log's last entry, its statement beside the store
        await store.DisposeAsync();
        Assert.True(File.Exists(db + ".checkpoint.json"), "the clean stop wrote no checkpoint statement");

        var (code, output) = CliRun.Sanoo("backup", "--db", "sqlite:" + db, "--out", copy);

        Assert.True(code == 0, output);
        Assert.Contains("checkpoint's signed statement is copied", output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(db + ".checkpoint.json"), File.ReadAllBytes(copy + ".checkpoint.json"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(copy + ".checkpoint.json"));
        }
        var (check, checkOutput) = CliRun.Sanoo("store", "check", "--db", "sqlite:" + copy);
        Assert.True(check == 0, checkOutput);
        Assert.Contains("Started from the checkpoint at log position 30", checkOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backup_copies_the_finished_images_beside_the_store_and_never_writes_over_a_file()
    {
        var db = Path.Combine(_folder, "images.db");
        await (await StoreAddress.OpenAsync("sqlite:" + db)).DisposeAsync();
        Directory.CreateDirectory(Path.Combine(db + ".images", "ab"));
        File.WriteAllText(Path.Combine(db + ".images", "ab", "cdef"), "image");
        File.WriteAllText(Path.Combine(db + ".images", "ab", "cdef.0123.part"), "half an image");
        var copy = Path.Combine(_folder, "images-copy.db");

        var (code, output) = CliRun.Sanoo("backup", "--db", "sqlite:" + db, "--out", copy);

        Assert.True(code == 0, output);
        Assert.Equal("image", File.ReadAllText(Path.Combine(copy + ".images", "ab", "cdef")));
        Assert.False(File.Exists(Path.Combine(copy + ".images", "ab", "cdef.0123.part")));
        var again = CliRun.Sanoo("backup", "--db", "sqlite:" + db, "--out", copy);
        Assert.Equal(SanooCli.BadInput, again.ExitCode);
        Assert.Contains("exists", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_postgres_store_is_backed_up_with_the_pg_dump_command_printed_and_nothing_copied()
    {
        var (code, output) = CliRun.Sanoo("backup", "--db", "postgres:Host=db.example;Port=5433;Username=sanoo;Database=kg2021",
            "--out", Path.Combine(_folder, "pg.db"));
        Assert.Equal(SanooCli.BadInput, code);
        Assert.Contains("pg_dump --format=custom", output, StringComparison.Ordinal);
        Assert.Contains("--host='db.example' --port=5433 --username='sanoo' 'kg2021'", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "pg.db")));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
