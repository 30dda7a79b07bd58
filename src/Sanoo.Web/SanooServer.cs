using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sanoo.Log;
using Sanoo.Storage;
using Sanoo.Web.Access;
using Sanoo.Web.Acts;
using Sanoo.Web.Catalogs;
using Sanoo.Web.Entries;
using Sanoo.Web.Ingest;
using Sanoo.Web.NetworkThreads;
using Sanoo.Web.Operations;
using Sanoo.Web.PublicApi;
using Sanoo.Web.Publishing;
using Sanoo.Web.Reports;
using Sanoo.Web.Site;
using Sanoo.Web.Witnessing;

namespace Sanoo.Web;

/// <summary>The Sanoo server: Kestrel with the write API, the public read API and the snapshot publisher, over one election log.</summary>
public static class SanooServer
{
    /// <summary>The rate-limiting policy of the write API.</summary>
    public const string WritePolicy = "writes";

    /// <summary>
    /// The host's own settings: its content root is where Sanoo is installed, not the folder it was started in, and no settings file
    /// is watched for changes. ASP.NET's default watches the working directory and every folder below it for a changed
    /// appsettings.json: started beside a published site (a folder per station) that walked a million folders before serving and
    /// took an inotify watch for each (7 s of a restart at a million stations; the system's limit of watches can refuse the start),
    /// and under systemd, whose working directory is /, the whole file system. Nothing of Sanoo is configured by such a file.
    /// </summary>
    internal static WebApplicationOptions Hosting => new()
    {
        ContentRootPath = AppContext.BaseDirectory,
        Args = ["--hostBuilder:reloadConfigOnChange=false"],
    };

    /// <summary>
    /// The runtime's half of <see cref="ServerOptions.InlineIo"/> (Kestrel's is set by <see cref="Create"/>): socket completions run
    /// on the thread that waits for the network. The runtime reads it once, as the process makes its first socket, so the host
    /// calls this before anything opens one (<c>sanoo serve</c>: before the store's connection); it changes the whole process.
    /// </summary>
    public static void PrepareProcess(ServerOptions options)
    {
        if (options.InlineIo)
        {
            Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
        }
    }

    /// <summary>Builds the server; start it with <c>StartAsync</c> or <c>RunAsync</c>.</summary>
    public static WebApplication Create(ElectionLog log, ServerOptions options, TimeProvider? time = null, CommissionKey? commission = null)
    {
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }
        var builder = WebApplication.CreateSlimBuilder(Hosting);
        builder.WebHost.UseUrls(options.Urls);
        if (options.InlineIo)
        {
            builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = true);
        }
        var certificate = options.HttpsCertificateFile is { } pem ? Operations.HttpsCertificate.Load(pem, options.HttpsKeyFile) : null;
        if (certificate is not null)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
        }
        var addresses = PublicReadLimit.ByAddress(options);
        var readLimit = PublicReadLimit.Create(addresses);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            k.Limits.KeepAliveTimeout = options.KeepAlive;
            if (options.ReadsAtConnection && certificate is null && options.TrustedProxies.Count == 0)
            {
                k.ConfigureEndpointDefaults(endpoint => endpoint.Use(next => new PublicApi.ConnectionHotReads(
                    next,
                    k.Limits,
                    endpoint.ApplicationServices.GetRequiredService<SnapshotPublisher>(),
                    addresses,
                    endpoint.ApplicationServices.GetRequiredService<Operations.ServerMetrics>()).OnConnectionAsync));
            }
            if (certificate is not null)
            {
                k.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate);
            }
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        if (options.JsonLogs)
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ");
            builder.Logging.Services.Configure<Microsoft.Extensions.Logging.Console.JsonConsoleFormatterOptions>(o => o.UseUtcTimestamp = true);
            builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        }
        // A server that cannot start (a port in use) is reported by the command in one sentence, not as a logged stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        // Nor the request's own log (start, end): enabled at any level, it has ASP.NET Core open a logging scope for every request,
        // which no log here reads (docs/performance.md). An exception no middleware handled is still logged, by Kestrel.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        var services = builder.Services;
        services.AddSingleton(log);
        services.AddSingleton(options);
        services.AddSingleton<PublicApi.WrittenAsMadeResult.Gate>();
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddSingleton(commission ?? CommissionKey.Ephemeral());
        services.AddSingleton<Witnessing.CosignatureBook>();
        services.AddSingleton<DeviceKeysAnswer>();
        services.AddSingleton<SnapshotPublisher>();
        services.AddHostedService(p => p.GetRequiredService<SnapshotPublisher>());
        services.AddSingleton(new SiteRenderer(options.PageRefresh));
        services.AddSingleton(p => new SiteContent(log, p.GetRequiredService<SiteRenderer>(), options.PublicAddress));
        services.AddSingleton<EntryDesk>();
        services.AddSingleton<WriterRegistry>();
        services.AddHostedService(p => p.GetRequiredService<WriterRegistry>());
        services.AddSingleton(new Jurisdiction(log.Election));
        services.AddSingleton(p => new Authorizer(log.Election, p.GetRequiredService<WriterRegistry>(), p.GetRequiredService<Jurisdiction>()));
        services.AddOperatorAccess();
        services.AddSanooMetrics();
        services.AddProblemDetails();
        // Every answer is a record of Sanoo.Contracts, written by its source-generated context.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, Contracts.WireJson.Default));
        services.AddSingleton(p => new LogPageWriter(
            p.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions));
        // Pages and open data are text: on a phone over a slow network they travel at a fifth of their size. Answers kept with a
        // snapshot are compressed once there (ReadyAnswer); the middleware compresses only answers made for one request.
        services.AddResponseCompression(
            o => o.MimeTypes = ["text/html", "text/csv", "application/json", "application/xml", "text/css", "text/javascript"]);
        services.AddSingleton<Microsoft.AspNetCore.ResponseCompression.IResponseCompressionProvider, OneOffCompression>();
        services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(
            o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(
            o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Sanoo API";
            document.Info.Description = "Signed ingest of polling-station protocols and the public results of one checked snapshot at a time. "
                + "See /api for a readable reference.";
            return Task.CompletedTask;
        }));
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
                    ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds))
                    : 1;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            limiter.GlobalLimiter = readLimit;
            limiter.AddPolicy(WritePolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                PublicReadLimit.AddressOf(context),
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.WritesPerSecondPerAddress,
                    Window = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                }));
        });
        var app = builder.Build();
        app.UseTrustedProxies(options);
        app.UseHotReads(readLimit);
        app.UseOffNetworkThreads();
        app.UseExceptionHandler(ErrorPages.Options(log.Election.Definition.Languages));
        app.UseSecurityHeaders();
        app.UseStatusCodePages(NotFoundPages.StatusCodePages(log.Election.Definition.Languages));
        // Routing here, after the short way of a read already answered: left implicit, WebApplication matches every request's route
        // first, the hot reads too (docs/performance.md).
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseResponseCompression();
        app.MapIngest();
        Images.ImageEndpoints.MapImages(app);
        app.MapEntries();
        app.MapActs();
        app.MapReports();
        app.MapReportPages();
        Turnout.TurnoutEndpoints.MapTurnout(app);
        Progress.ProgressEndpoints.MapProgress(app);
        Site.VerifyPages.MapVerifyPage(app);
        app.MapPublicApi();
        OpenData.ErrReports.MapErrExport(app);
        app.MapFlagged();
        Forensics.ForensicsEndpoints.MapForensics(app);
        Audits.AuditPages.MapAudit(app);
        app.MapTransparency();
        app.MapCosignatures();
        app.MapOpenApi();
        app.MapHealth();
        app.MapMetrics(options);
        app.MapRead("/api", () => Results.Content(ApiReference.Html, "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapSite();
        return app;
    }

    /// <summary>
    /// Starts the server after checking its store (refused with <see cref="StoreException"/>, naming the
    /// entries, when it does not match itself or the last tree head this server signed), recording the word catalogs of
    /// <see cref="ServerOptions.WordsFolder"/> and putting the register's in force (<see cref="RegisteredWords"/>; refused with
    /// <see cref="WordCatalogException"/>), loading who may write and the cosignatures kept beside the tree head, and publishing the
    /// first snapshot. Returns what became of the words.
    /// </summary>
    public static async Task<RegisteredWords> StartAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        var options = app.Services.GetRequiredService<ServerOptions>();
        if (options.CheckStoreAtStart)
        {
            var log = app.Services.GetRequiredService<ElectionLog>();
            var kept = options.TreeHeadFile is { } file ? await TreeHeadFile.ReadAsync(file, cancellationToken) : null;
            var check = await log.CheckStoreAsync(kept, cancellationToken: cancellationToken);
            if (!check.Sound)
            {
                throw new StoreException(
                    $"Refusing to serve: the store does not match itself or the last tree head this server signed. {check.Summary}");
            }
        }
        var words = await RegisteredWords.PutInForceAsync(
            app.Services.GetRequiredService<ElectionLog>(), options.WordsFolder, "sanoo serve", cancellationToken);
        await app.Services.GetRequiredService<WriterRegistry>().RefreshAsync(cancellationToken);
        await app.Services.GetRequiredService<Witnessing.CosignatureBook>().LoadAsync(cancellationToken);
        await app.Services.GetRequiredService<SnapshotPublisher>().PublishAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        return words;
    }
}
