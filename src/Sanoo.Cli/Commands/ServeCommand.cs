using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Sanoo.Cli.Output;
using Sanoo.Log;
using Sanoo.Log.Checkpoints;
using Sanoo.Storage;
using Sanoo.Web;
using Sanoo.Web.Publishing;
using Spectre.Console;

namespace Sanoo.Cli.Commands;

/// <summary>
/// <c>sanoo serve [--definition FILE] --db DB --urls URL [--https-cert FILE [--https-key FILE]] [--metrics-from CIDR]
/// [--log-format json] [--full-replay] [--inline-io] [--no-connection-reads]</c>: runs the server until Ctrl+C.
/// </summary>
public static class ServeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var definition = new Option<FileInfo?>("--definition")
        {
            Description = "The election definition; stored on first use, refused if it differs from the stored one.",
        };
        var db = StoreOptions.Database(required: true);
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var writes = new Option<int>("--writes-per-second")
        {
            Description = "Write requests allowed per client address per second (raise it for rehearsals where many simulated devices share one " +
                "address).",
            DefaultValueFactory = _ => new ServerOptions().WritesPerSecondPerAddress,
        };
        var reads = new Option<int>("--reads-per-second")
        {
            Description = "Public reads allowed per client address per second (a token bucket holding twice as many); a CDN in front reads for "
                + "many: list it with --trusted-proxy or raise this.",
            DefaultValueFactory = _ => new ServerOptions().PublicReadsPerSecondPerAddress,
        };
        var proxies = new Option<string[]>("--trusted-proxy")
        {
            Description = "The IP address of a reverse proxy or CDN edge whose X-Forwarded-For names the reader (repeat for several).",
            AllowMultipleArgumentsPerToken = false,
        };
        var signingKey = new Option<FileInfo?>("--signing-key")
        {
            Description = "The commission's key file (sanoo keys new --commission) that signs every tree head; without it a key is made for this " +
                "run only.",
        };
        var metricsFrom = new Option<string[]>("--metrics-from")
        {
            Description = "A network (CIDR, e.g. 10.0.0.0/24) whose addresses may read /metrics (repeat for several); default: loopback only.",
            AllowMultipleArgumentsPerToken = false,
        };
        var logFormat = new Option<string>("--log-format")
        {
            Description = "text, or json: one JSON object a line on standard output for a log collector (the start-up sentences then go to "
                + "standard error).",
            DefaultValueFactory = _ => "text",
        };
        logFormat.AcceptOnlyFromAmong("text", "json");
        var httpsCert = new Option<FileInfo?>("--https-cert")
        {
            Description = "The TLS certificate for https:// addresses in --urls: a PEM file (key in --https-key or in the same file) or a "
                + ".pfx (password in SANOO_HTTPS_PASSWORD).",
        };
        var httpsKey = new Option<FileInfo?>("--https-key") { Description = "The PEM private key of --https-cert." };
        var headFile = StoreOptions.TreeHeadFile();
        var fullReplay = new Option<bool>("--full-replay")
        {
            Description = "Replay and check the whole log at start, whatever checkpoint there is (without it the tally starts from the last "
                + "checkpoint whose signed statement, kept beside the tree head, checks against the log).",
        };
        var inlineIo = new Option<bool>("--inline-io")
        {
            Description = "Send reads already answered from the network thread that read them (everything else still runs in the thread "
                + "pool): less processor a read; for a server that mostly answers reads (docs/operations.md).",
        };
        var kestrelReads = new Option<bool>("--no-connection-reads")
        {
            Description = "Send every read through Kestrel's HTTP layer, rather than answering reads already answered from the snapshot at "
                + "the connection, before Kestrel reads HTTP (the default on plain HTTP with no trusted proxy; docs/operations.md).",
        };
        var words = StoreOptions.Words();
        var publicUrl = StoreOptions.PublicUrl();
        var command = new Command(
            "serve",
            "Run the Sanoo server: the signed write API for stations and operators, and the public read API, from one checked snapshot at a time.")
        {
            definition, db, urls, writes, reads, proxies, signingKey, headFile, fullReplay, words, publicUrl, metricsFrom, logFormat, httpsCert,
            httpsKey, inlineIo, kestrelReads,
        };
        command.SetAction((r, ct) => RunAsync(
            r.GetValue(logFormat) == "json" ? ErrorConsole() : console,
            r.GetValue(definition),
            r.GetValue(db)!,
            new ServerOptions
            {
                Urls = r.GetValue(urls)!,
                WritesPerSecondPerAddress = r.GetValue(writes),
                PublicReadsPerSecondPerAddress = r.GetValue(reads),
                PublicReadBurst = 2 * r.GetValue(reads),
                TrustedProxies = r.GetValue(proxies) ?? [],
                TreeHeadFile = r.GetValue(headFile)?.FullName ?? StoreAddress.DefaultTreeHeadFile(r.GetValue(db)!),
                WordsFolder = r.GetValue(words)?.FullName,
                PublicAddress = r.GetValue(publicUrl),
                MetricsFrom = r.GetValue(metricsFrom) ?? [],
                JsonLogs = r.GetValue(logFormat) == "json",
                HttpsCertificateFile = r.GetValue(httpsCert)?.FullName,
                HttpsKeyFile = r.GetValue(httpsKey)?.FullName,
                InlineIo = r.GetValue(inlineIo),
                ReadsAtConnection = !r.GetValue(kestrelReads),
            },
            r.GetValue(signingKey),
            r.GetValue(fullReplay),
            ct));
        return command;
    }

    /// <summary>A console on standard error, so that standard output carries JSON log lines only.</summary>
    private static IAnsiConsole ErrorConsole() => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });

    private static async Task<int> RunAsync(
        IAnsiConsole console, FileInfo? definition, string db, ServerOptions options, FileInfo? signingKey, bool fullReplay,
        CancellationToken cancellationToken)
    {
        try
        {
            if (options.Validate().FirstOrDefault() is { } problem)
            {
                console.MarkupLineInterpolated($"[red]{problem}[/]");
                return SanooCli.BadInput;
            }
            SanooServer.PrepareProcess(options);
            // Everything from here on (the store's opening, the first snapshot, the serving) runs off the network threads, which
            // complete the PostgreSQL connection's reads with --inline-io: not a wait of its is left on them.
            await OffNetworkThreads.Enter();
            using var commission = await CommissionKeyFile.LoadAsync(console, signingKey, cancellationToken);
            await using var store = await StoreAddress.OpenAsync(db, cancellationToken);
            console.MarkupLineInterpolated($"Opening {store.Description} and rebuilding the tally …");
            await using var log = await ElectionLog.OpenAsync(
                store,
                definition is null ? null : await File.ReadAllBytesAsync(definition.FullName, cancellationToken),
                checkpoints: options.TreeHeadFile is { } kept
                    ? new CheckpointOptions(await CheckpointSealFile.OpenAsync(kept, commission, cancellationToken)) { FullReplay = fullReplay }
                    : null,
                cancellationToken: cancellationToken);
            if (log.Checkpoint.Refusal is null)
            {
                console.MarkupLineInterpolated($"{log.Checkpoint.Summary}");
            }
            else
            {
                console.MarkupLineInterpolated($"[yellow]{log.Checkpoint.Summary}[/]");
            }
            console.MarkupLineInterpolated(
                $"Opened in {log.Timings.Definition.TotalSeconds + log.Timings.Replay.TotalSeconds:F2} s (the definition read in {
                    log.Timings.Definition.TotalSeconds:F2} s), {GC.CollectionCount(0):N0} collections so far ({GC.CollectionCount(2):N0} full), {
                    GC.GetTotalPauseDuration().TotalSeconds:F2} s paused.");
            console.MarkupLineInterpolated($"Tree heads are signed by the commission key {Convert.ToBase64String(commission.PublicKey)}");
            await using var app = SanooServer.Create(log, options, commission: commission);
            var words = await SanooServer.StartAsync(app, cancellationToken);
            if (words.Summary is { } said)
            {
                console.MarkupLineInterpolated($"{said}");
            }
            console.MarkupLineInterpolated(
                $"Serving election [bold]{log.Election.Id}[/] ({Format.Count(log.Position)} protocol versions in the log) at [bold]{
                    string.Join(", ", app.Urls)}[/]");
            console.MarkupLineInterpolated(
                $"Results site: [bold]{app.Urls.First()}/[/] (in {string.Join(", ", log.Election.Definition.Languages)}).");
            console.MarkupLine(
                "Read API: /api/v1/status, /api/v1/results, /api/v1/stations/ID, /api/v1/rejected. Writes: POST /api/v1/protocols. Ctrl+C stops.");
            console.MarkupLine("Operators: /healthz, /readyz, and /metrics (Prometheus; from loopback or --metrics-from only).");
            await app.WaitForShutdownAsync(cancellationToken);
            return SanooCli.Ok;
        }
        catch (StoreException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return SanooCli.BadInput;
        }
        catch (Web.Catalogs.WordCatalogException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return SanooCli.BadInput;
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            console.MarkupLineInterpolated($"[red]Cannot read the HTTPS certificate: {e.Message}[/]");
            return SanooCli.BadInput;
        }
        catch (IOException e)
        {
            console.MarkupLineInterpolated($"[red]Cannot start the server: {e.Message}[/]");
            return SanooCli.BadInput;
        }
    }
}
