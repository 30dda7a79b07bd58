using System.CommandLine;
using Sanoo.Cli.Output;
using Sanoo.Core.Protocols;
using Sanoo.Core.Tally;
using Sanoo.Log;
using Sanoo.Storage;
using Sanoo.Web.OpenData;
using Spectre.Console;

namespace Sanoo.Cli.Commands;

/// <summary>
/// <c>sanoo export err --db DB --out FILE [--format json|xml] [--snapshot N]</c>: a snapshot of a store as an NIST SP 1500-100 v2
/// Election Results Reporting report (docs/err.md).
/// </summary>
public static class ExportCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var db = StoreOptions.Database(required: true);
        var output = new Option<FileInfo>("--out") { Description = "The report file to write.", Required = true };
        var format = new Option<string?>("--format")
        {
            Description = "json or xml; default: xml for a file ending in .xml, else json.",
        };
        format.AcceptOnlyFromAmong("json", "xml");
        var snapshot = new Option<long?>("--snapshot")
        {
            Description = "The log position to report (1 … the store's); default: the store's current snapshot.",
        };
        var err = new Command("err", "Write a snapshot as an NIST SP 1500-100 v2 Election Results Reporting report (JSON or XML).")
        {
            db, output, format, snapshot,
        };
        err.SetAction((r, ct) => RunAsync(console, r.GetValue(db)!, r.GetValue(output)!, r.GetValue(format), r.GetValue(snapshot), ct));
        return new Command("export", "Write the results in a standard format other systems read.") { err };
    }

    private static async Task<int> RunAsync(
        IAnsiConsole console, string db, FileInfo output, string? format, long? position, CancellationToken cancellationToken)
    {
        var xml = format is null ? output.Extension.Equals(".xml", StringComparison.OrdinalIgnoreCase) : format == "xml";
        try
        {
            await using var store = await StoreAddress.OpenAsync(db, cancellationToken);
            await using var log = await ElectionLog.OpenAsync(store, null, cancellationToken: cancellationToken);
            var (current, roots) = await log.FreezeWithRootsAsync(cancellationToken);
            if (position is { } n && (n < 1 || n > current.Position))
            {
                console.MarkupLineInterpolated($"[red]--snapshot {n} is outside the log: give 1 … {Format.Count(current.Position)}.[/]");
                return SanooCli.BadInput;
            }
            var snapshot = position is { } at && at != current.Position ? await ReplayAsync(log, at, cancellationToken) : current;
            if (!snapshot.IsPublishable)
            {
                console.MarkupLineInterpolated($"[red]Snapshot {snapshot.Position} breaks an invariant (a bug in Sanoo): nothing was written.[/]");
                return SanooCli.Impossible;
            }
            // the certifications the register held when the current snapshot was frozen (what a head of that moment signs), also for
            // an earlier snapshot: one certified later at or before its position certifies it too
            var certified = (await log.CertificationsAsync(roots.RegisterSize, cancellationToken)).Any(c => c.Position <= snapshot.Position);
            var context = new Core.Err.ErrContext(TimeProvider.System.GetUtcNow(), certified, ErrReports.Vendor);
            await using (var file = File.Create(output.FullName))
            {
                ErrReports.Write(file, snapshot, context, xml);
            }
            console.MarkupLineInterpolated(
                $"Wrote snapshot {Format.Count(snapshot.Position)} of {log.Election.Id} as an ERR report ({(xml ? "XML" : "JSON")}, {
                    Core.Err.ErrExport.Status(snapshot, context)}) to [bold]{output.FullName}[/]: {output.Length / 1_000_000.0:0.0} MB.");
            return SanooCli.Ok;
        }
        catch (StoreException e)
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

    /// <summary>The snapshot at log position <paramref name="position"/>: every entry up to it applied again, in log order.</summary>
    private static async Task<Snapshot> ReplayAsync(ElectionLog log, long position, CancellationToken cancellationToken)
    {
        var engine = new TallyEngine(log.Election);
        await foreach (var entry in log.EntriesAsync(0, true, cancellationToken))
        {
            if (entry.Sequence > position)
            {
                break;
            }
            if (ProtocolReader.Read(log.Election, entry.Canonical.AsMemory()) is ProtocolReadResult.Ok { Checked: var read })
            {
                engine.Apply(read);
            }
        }
        return engine.Freeze();
    }
}
