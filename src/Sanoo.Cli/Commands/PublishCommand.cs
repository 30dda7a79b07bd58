using System.CommandLine;
using Sanoo.Cli.Output;
using Sanoo.Log;
using Sanoo.Storage;
using Sanoo.Web.Catalogs;
using Sanoo.Web.Publishing;
using Sanoo.Web.Site;
using Spectre.Console;

namespace Sanoo.Cli.Commands;

/// <summary>
/// <c>sanoo publish --db DB --out DIR</c>: writes the results site of the store's current snapshot as static files, only the pages
/// whose figures changed when the folder holds an earlier publish; with <c>--watch</c>, keeps the folder current until stopped.
/// </summary>
public static class PublishCommand
{
    /// <summary>How often a long publish says how far it is.</summary>
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How many stations' pages the watch makes into a scratch folder before it watches, with those of the areas above them, when its
    /// first publish made none: enough that the code of every kind of page is compiled, and the code of a station's rows made fast.
    /// </summary>
    private const int RehearsedStations = 32;

    /// <summary>Builds the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var db = StoreOptions.Database(required: true);
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "The folder to publish into. Into a folder an earlier publish wrote, only the pages whose figures changed are " +
                "written, each file replaced whole by a rename; files it did not write are left alone.",
            Required = true,
        };
        var signingKey = new Option<FileInfo?>("--signing-key")
        {
            Description = "The commission's key file (sanoo keys new --commission) that signs the published tree head.",
        };
        var noCopies = new Option<bool>("--no-compressed-copies")
        {
            Description = "Do not write FILE.gz and FILE.br beside each text file (for nginx gzip_static and brotli_static).",
        };
        var full = new Option<bool>("--full") { Description = "Make every page again, whatever the folder's publish-manifest.json says." };
        var watch = new Option<bool>("--watch")
        {
            Description = "Keep the folder current: check the store every --interval and publish what changed, until Ctrl+C.",
        };
        var exportsEvery = new Option<double?>("--exports-every")
        {
            Description = "Minutes for which a refresh may leave the files of the whole election (every protocol in CSV, the ERR report, " +
                "the ledger) as an earlier snapshot's; they grow with the stations. Default: written at every publish.",
        };
        var interval = new Option<double>("--interval") { Description = "Seconds between checks with --watch.", DefaultValueFactory = _ => 5 };
        var words = StoreOptions.Words();
        var publicUrl = StoreOptions.PublicUrl();
        var command = new Command(
            "publish",
            "Write the results site (every page in every language, its CSV and JSON, and all station protocols) of the store's current snapshot as " +
                "static files for any web server or CDN.")
        {
            db, output, signingKey, noCopies, full, exportsEvery, watch, interval, words, publicUrl,
        };
        command.SetAction((r, ct) => RunAsync(
            console,
            r.GetValue(db)!,
            r.GetValue(output)!,
            r.GetValue(signingKey),
            r.GetValue(words),
            r.GetValue(publicUrl),
            new StaticSiteOptions(
                !r.GetValue(noCopies),
                r.GetValue(full),
                ExportsEvery: r.GetValue(exportsEvery) is { } minutes ? TimeSpan.FromMinutes(minutes) : null),
            r.GetValue(watch) ? TimeSpan.FromSeconds(Math.Max(0.1, r.GetValue(interval))) : null,
            ct));
        return command;
    }

    private static async Task<int> RunAsync(
        IAnsiConsole console,
        string db,
        DirectoryInfo output,
        FileInfo? signingKey,
        DirectoryInfo? words,
        Uri? publicUrl,
        StaticSiteOptions options,
        TimeSpan? watch,
        CancellationToken cancellationToken)
    {
        try
        {
            var opening = System.Diagnostics.Stopwatch.StartNew();
            await using var store = await StoreAddress.OpenAsync(db, cancellationToken);
            await using var log = await ElectionLog.OpenAsync(store, null, cancellationToken: cancellationToken);
            console.MarkupLineInterpolated($"Opened the store at entry {Format.Count(log.Position)} in {opening.Elapsed.TotalSeconds:0.00} s.");
            // The words given are recorded in the register (unless it holds them); each publish words its pages with the catalogs
            // the register its head covers holds.
            if ((await RegisteredWords.PutInForceAsync(log, words?.FullName, "sanoo publish", cancellationToken)).Summary is { } said)
            {
                console.MarkupLineInterpolated($"{said}");
            }
            using var commission = await CommissionKeyFile.LoadAsync(console, signingKey, cancellationToken);
            await using var renderer = new SiteRenderer(TimeSpan.FromSeconds(30));
            var site = new StaticSite(new SiteContent(log, renderer, publicUrl));
            var (summary, code, record) = await PublishAsync(
                console, log, commission, null, site, output, options, prepare: watch is not null, cancellationToken);
            if (summary is null)
            {
                return code;
            }
            Report(console, output, summary);
            var key = Convert.ToBase64String(commission.PublicKey);
            var verify = $"sanoo verify --dir FOLDER --commission-key {key}";
            console.MarkupLineInterpolated(
                $"Tree head signed by the commission key {
                    key}. Serve the folder at the web root of any server or CDN; anyone can check a copy with: {verify}");
            if (watch is not { } every)
            {
                return SanooCli.Ok;
            }
            console.MarkupLineInterpolated($"Watching the store every {every.TotalSeconds:0.#} s; Ctrl+C stops.");
            // The pages change with the log and with the register (the acts its head covers are read only when it moved).
            var published = (Position: summary.Snapshot, record.RegisterSize);
            // Files of the whole election left of an earlier snapshot are written once their time is up, even when nothing new comes:
            // their age counts from when they were written (the manifest says), not from this process's start.
            static DateTimeOffset ExportsDue(StaticSiteSummary summary, StaticSiteOptions options) =>
                summary is { ExportsBehind: true, ExportsAt: { } at } ? at + (options.ExportsEvery ?? TimeSpan.Zero) : DateTimeOffset.MaxValue;
            var exportsDue = ExportsDue(summary, options);
            try
            {
                while (true)
                {
                    await Task.Delay(every, cancellationToken);
                    var position = await log.CatchUpAsync(cancellationToken);
                    if ((position, log.RegisterSize) == published && TimeProvider.System.GetUtcNow() < exportsDue)
                    {
                        continue;
                    }
                    var started = System.Diagnostics.Stopwatch.StartNew();
                    (summary, code, record) = await PublishAsync(
                        console, log, commission, record, site, output, options with { Full = false }, prepare: false, cancellationToken);
                    if (summary is null)
                    {
                        return code;
                    }
                    published = (summary.Snapshot, record.RegisterSize);
                    exportsDue = ExportsDue(summary, options);
                    console.MarkupLineInterpolated($"{TimeProvider.System.GetUtcNow():HH:mm:ss} snapshot {Format.Count(summary.Snapshot)}: {
                        Format.Count(summary.Written)} files written, {Format.Count(summary.Skipped)} unchanged, {
                            Format.Count(summary.Removed)} removed, {Format.Count(summary.Pages)} pages made, in {
                                started.Elapsed.TotalSeconds:0.0} s.");
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                console.MarkupLine("Stopped watching; the folder holds the last snapshot published.");
                return SanooCli.Ok;
            }
        }
        catch (Exception e) when (e is StoreException or WordCatalogException)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return SanooCli.BadInput;
        }
        catch (IOException e)
        {
            console.MarkupLineInterpolated($"[red]Cannot write {output.FullName}: {e.Message}[/]");
            return SanooCli.BadInput;
        }
    }

    /// <summary>
    /// Freezes the store's snapshot, signs its head and writes what changed, saying how far it is every few seconds; comes back with
    /// the acts of the register that head covers (<paramref name="earlier"/>, when that register is the one they were read from).
    /// With <paramref name="prepare"/> (the watch's first publish), then makes what the next rounds start from (the forensic tests'
    /// null draws of every station) and, when it made no page, rehearses a round (<see cref="StaticSite.RehearseAsync"/>), so that the
    /// first round after new protocols costs what later ones do.
    /// </summary>
    private static async Task<(StaticSiteSummary? Summary, int Code, CommissionRecord Acts)> PublishAsync(
        IAnsiConsole console,
        ElectionLog log,
        CommissionKey commission,
        CommissionRecord? earlier,
        StaticSite site,
        DirectoryInfo output,
        StaticSiteOptions options,
        bool prepare,
        CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetUtcNow();
        var freezing = System.Diagnostics.Stopwatch.StartNew();
        var (published, halted) = await SnapshotPublisher.FreezeAsync(log, commission, now, earlier, cancellationToken);
        if (published is null)
        {
            console.MarkupLineInterpolated(
                $"[red]Not published: {halted}. This is a bug in Sanoo, not in the protocols; nothing was written.[/]");
            return (null, SanooCli.Impossible, earlier ?? CommissionRecord.None);
        }
        await RegisteredWords.InForceAsync(log, published.Acts.RegisterSize, cancellationToken);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var said = TimeSpan.Zero;
        var progress = new Progress<(int Done, int Total)>(p =>
        {
            if (clock.Elapsed - said >= ProgressEvery && p.Done < p.Total)
            {
                said = clock.Elapsed;
                console.MarkupLineInterpolated($"  {Format.Count(p.Done)} of {Format.Count(p.Total)} pages made ({clock.Elapsed.TotalSeconds:0} s)");
            }
        });
        var summary = await site.WriteAsync(published, output.FullName, progress, commission.PublicKey, options, cancellationToken);
        if (summary.FullBecause is { } because)
        {
            console.MarkupLineInterpolated($"Every page was made: {because}.");
        }
        console.MarkupLineInterpolated($"Stages: snapshot frozen and signed {freezing.Elapsed.TotalSeconds - clock.Elapsed.TotalSeconds:0.00} s; {
            summary.Stages?.ToString() ?? ""}.");
        if (prepare)
        {
            var preparing = System.Diagnostics.Stopwatch.StartNew();
            if (published.PrepareForensics())
            {
                console.MarkupLineInterpolated($"Drew the forensic tests' null draws of every station, kept for the rounds to come, in {
                    preparing.Elapsed.TotalSeconds:0.00} s.");
            }
            if (summary.Pages == 0)
            {
                preparing.Restart();
                var (pages, files) = await site.RehearseAsync(
                    published, commission.PublicKey, RehearsedStations, options.CompressedCopies, cancellationToken);
                console.MarkupLineInterpolated($"Rehearsed a round: {Format.Count(pages)} pages made ({Format.Count(files)
                    } files) into a scratch folder and removed, in {preparing.Elapsed.TotalSeconds:0.00} s.");
            }
        }
        return (summary, SanooCli.Ok, published.Acts);
    }

    private static void Report(IAnsiConsole console, DirectoryInfo output, StaticSiteSummary summary) =>
        console.MarkupLineInterpolated(
            $"Published snapshot {Format.Count(summary.Snapshot)} into [bold]{output.FullName}[/]: {Format.Count(summary.Pages)} pages made, {
                Format.Count(summary.Written)} files written, {Format.Count(summary.Skipped)} unchanged, {Format.Count(summary.Removed)} removed, {
                    summary.Bytes / 1_000_000.0:0.0} MB written{
                        (summary.ExportsBehind ? "; open data and the ledger left at an earlier snapshot" : "")}.");
}
