using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Sanoo.Log;
using Sanoo.Storage;
using Sanoo.Storage.Access;

namespace Sanoo.Web.Tests;

/// <summary>
/// Drill: the disk holding the SQLite store fills up in the middle of the night (a small tmpfs
/// mounted for the test). Writes answer 503 with the store's message, what was acknowledged
/// stays, the file is not damaged, <c>/readyz</c> says 503 until writing resumes once there is space again.
/// </summary>
public sealed class DiskFullDrillTests : IDisposable
{
    private readonly string _mount = Directory.CreateTempSubdirectory("sanoo-full-").FullName;

    private static void Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true })!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0,
            $"{program} {string.Join(' ', args)}: {process.StandardError.ReadToEnd()} (the drill mounts a small tmpfs, which needs root)");
    }

    [Fact]
    public async Task A_full_disk_refuses_writes_with_503_keeps_what_was_acknowledged_and_recovers_when_space_returns()
    {
        Run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", _mount);
        var db = "sqlite:" + Path.Combine(_mount, "sanoo.db");
        var store = await StoreAddress.OpenAsync(db);
        var log = await ElectionLog.OpenAsync(store, ServerFixture.Sample.DefinitionJson);
        await store.AddOperatorAsync(
            new Operator("cec", OperatorRole.Admin, null, SHA256.HashData(Encoding.UTF8.GetBytes(ServerFixture.AdminToken))));
        var app = SanooServer.Create(log, new ServerOptions
        {
            Urls = "http://127.0.0.1:0",
            PublishInterval = TimeSpan.FromMilliseconds(50),
            WritesPerSecondPerAddress = 1_000_000,
        });
        await SanooServer.StartAsync(app);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        Task<HttpResponseMessage> Send(int i)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/protocols")
            {
                Content = JsonContent.Create(new { protocol = ServerFixture.ProtocolJson(ServerFixture.Sample.Hand[i]) }),
            };
            request.Headers.Authorization = new("Bearer", ServerFixture.AdminToken);
            return http.SendAsync(request);
        }

        var acknowledged = 0;
        HttpResponseMessage response;
        while ((response = await Send(acknowledged)).StatusCode == HttpStatusCode.OK)
        {
            acknowledged++;
            Assert.True(acknowledged < ServerFixture.Sample.Hand.Length, "the disk never filled up");
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("full", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/results")).StatusCode);
        using (var ready = await http.GetAsync("/readyz"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains("full", await ready.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }

        Run("mount", "-o", "remount,size=64m", _mount);
        for (var i = acknowledged; i < acknowledged + 50; i++)
        {
            while ((response = await Send(i)).StatusCode != HttpStatusCode.OK)
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                await Task.Delay(50);
            }
        }
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz")).StatusCode);
        await app.StopAsync();
        await app.DisposeAsync();
        await log.DisposeAsync();
        await store.DisposeAsync();

        // Reopened from the file alone: nothing acknowledged is lost, nothing is damaged, nothing counted twice.
        await using var reopened = await StoreAddress.OpenAsync(db);
        await using var rebuilt = await ElectionLog.OpenAsync(reopened, null);
        Assert.Equal(acknowledged + 50, rebuilt.Position);
    }

    public void Dispose()
    {
        using (var unmount = Process.Start(new ProcessStartInfo("umount", ["-l", _mount]) { RedirectStandardError = true })!)
        {
            unmount.WaitForExit();
        }
        Directory.Delete(_mount, recursive: true);
    }
}
