using System.CommandLine;
using Sanoo.Cli.Output;
using Sanoo.Log;
using Sanoo.Storage;
using Sanoo.Web.Catalogs;
using Sanoo.Web.Publishing;
using Sanoo.Web.Site;
using Spectre.Console;

namespace Sanoo.Cli.Commands;

/// <summary><c>sanoo publish --db DB --out DIR</c>: writes the results site of the store's current snapshot as static files.</summary>
public static class PublishCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var db = StoreOptions.Database(required: true);
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "The folder to publish into; replaced whole when the new site is complete, so a web server serving it never sees half a " +
                "snapshot.",
            Required = true,
        };
        var signingKey = new Option<FileInfo?>("--signing-key")
        {
            Description = "The commission's key file (sanoo keys new --commission) that signs the published tree head.",
        };
        var words = StoreOptions.Words();
        var publicUrl = StoreOptions.PublicUrl();
        var command = new Command(
            "publish",
            "Write the results site (every page in every language, its CSV and JSON, and all station protocols) of the store's current snapshot as " +
                "static files for any web server or CDN.")
        {
            db, output, signingKey, words, publicUrl,
        };
        command.SetAction((r, ct) => RunAsync(
            console, r.GetValue(db)!, r.GetValue(output)!, r.GetValue(signingKey), r.GetValue(words), r.GetValue(publicUrl), ct));
        return command;
    }

    private static async Task<int> RunAsync(
        IAnsiConsole console, string db, DirectoryInfo output, FileInfo? signingKey, DirectoryInfo? words, Uri? publicUrl,
        CancellationToken cancellationToken)
    {
        try
        {
            if (words is not null)
            {
                WordCatalogs.AddFolder(words.FullName);
            }
            await using var store = await StoreAddress.OpenAsync(db, cancellationToken);
            await using var log = await ElectionLog.OpenAsync(store, null, cancellationToken: cancellationToken);
            using var commission = await CommissionKeyFile.LoadAsync(console, signingKey, cancellationToken);
            var record = await CommissionRecord.ReadAsync(log, cancellationToken);
            var now = TimeProvider.System.GetUtcNow();
            var (published, halted) = await SnapshotPublisher.FreezeAsync(log, commission, now, record, cancellationToken);
            if (published is null)
            {
                console.MarkupLineInterpolated(
                    $"[red]Not published: {halted}. This is a bug in Sanoo, not in the protocols; nothing was written.[/]");
                return SanooCli.Impossible;
            }
            await using var renderer = new SiteRenderer(TimeSpan.FromSeconds(30));
            var site = new StaticSite(new SiteContent(log, renderer, publicUrl));
            StaticSiteSummary? summary = null;
            if (console.Profile.Capabilities.Interactive)
            {
                await console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask("Writing pages", maxValue: 1);
                        summary = await site.WriteAsync(
                            published,
                            output.FullName,
                            new Progress<(int Done, int Total)>(p => { task.MaxValue = p.Total; task.Value = p.Done; }),
                            commission.PublicKey,
                            cancellationToken);
                        task.Value = task.MaxValue;
                    });
            }
            else
            {
                summary = await site.WriteAsync(
                    published, output.FullName, commissionKey: commission.PublicKey, cancellationToken: cancellationToken);
            }
            console.MarkupLineInterpolated(
                $"Published snapshot {Format.Count(summary!.Snapshot)} into [bold]{output.FullName}[/]: {Format.Count(summary.Pages)} pages, {
                    Format.Count(summary.Files)} files, {summary.Bytes / 1_000_000.0:0.0} MB.");
            var key = Convert.ToBase64String(commission.PublicKey);
            var verify = $"sanoo verify --dir FOLDER --commission-key {key}";
            console.MarkupLineInterpolated(
                $"Tree head signed by the commission key {
                    key}. Serve the folder at the web root of any server or CDN; anyone can check a copy with: {verify}");
            return SanooCli.Ok;
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
}
