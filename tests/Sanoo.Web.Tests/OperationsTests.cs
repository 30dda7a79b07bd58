using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sanoo.Web.Operations;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Tests;

/// <summary>
/// What operators watch: <c>/metrics</c> readable from the allowed addresses only (<see cref="MetricsTests"/> reads the figures);
/// <c>/healthz</c> and <c>/readyz</c>.
/// </summary>
public sealed class OperationsTests : IClassFixture<ServerFixture>
{
    private readonly ServerFixture _server;

    public OperationsTests(ServerFixture server) => _server = server;

    [Fact]
    public async Task Metrics_are_not_read_through_a_proxy_that_is_not_trusted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        using var response = await _server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("sanoo_", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_are_read_only_from_the_networks_given()
    {
        var server = new ServerFixture { MetricsFrom = ["127.0.0.1/32"] };
        await server.InitializeAsync();
        try
        {
            using var other = server.ClientFrom("127.0.0.2");
            using var refused = await other.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            using var allowed = await server.Client.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Contains("sanoo_log_size", await allowed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var page = await other.GetAsync("/api/v1/status");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public void The_server_watches_no_settings_file_and_not_the_folder_it_was_started_in()
    {
        // ASP.NET's default watches the working directory and every folder below it: beside a published site, a million folders.
        var environment = _server.Services.GetRequiredService<IHostEnvironment>();
        Assert.Equal(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory), Path.TrimEndingDirectorySeparator(environment.ContentRootPath));
        var configuration = (IConfigurationRoot)_server.Services.GetRequiredService<IConfiguration>();
        var files = configuration.Providers.OfType<FileConfigurationProvider>().ToList();
        Assert.NotEmpty(files); // the host's appsettings.json sources, as ASP.NET adds them
        Assert.All(files, file => Assert.False(file.Source.ReloadOnChange, $"{file} is watched for changes"));
    }

    [Fact]
    public void A_metrics_network_that_is_not_a_network_is_refused_at_start()
    {
        var problems = new ServerOptions { MetricsFrom = ["10.0.0.0/33", "everyone"] }.Validate().ToList();
        Assert.Equal(2, problems.Count(p => p.Contains("--metrics-from", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Healthz_answers_alive_and_readyz_ready_once_a_snapshot_is_published()
    {
        using var health = await _server.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var ready = await _server.Client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready\n", await ready.Content.ReadAsStringAsync());
        Assert.Equal("no-store", ready.Headers.CacheControl!.ToString());
    }

    [Fact]
    public void Readiness_waits_for_the_first_snapshot_and_a_working_store()
    {
        var none = new Published(null, "W/\"0\"", DateTimeOffset.UnixEpoch, null);
        Assert.Equal("no snapshot is published yet", Readiness.NotReady(none, null, null));
        var shown = _server.Published;
        Assert.Null(Readiness.NotReady(shown, null, null));
        Assert.Contains("database or disk is full", Readiness.NotReady(shown, null, "database or disk is full"), StringComparison.Ordinal);
        Assert.Contains("cannot be read", Readiness.NotReady(shown, "connection refused", null), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operator_endpoints_are_not_in_the_openapi_document()
    {
        var document = await _server.Client.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/metrics", "/healthz", "/readyz" })
        {
            Assert.DoesNotContain($"\"{path}\"", document, StringComparison.Ordinal);
        }
    }
}
