using System.CommandLine;
using System.Text;
using Sanoo.Core.Audits;
using Sanoo.Core.Definitions;
using Spectre.Console;

namespace Sanoo.Cli.Commands.Audit;

/// <summary>
/// <c>sanoo audit export-arlo --db DB --out DIR</c>: the audit's batches in the CSV files Arlo (VotingWorks) takes for a batch
/// comparison audit, one jurisdiction per area just above the stations: <c>JURISDICTION-manifest.csv</c> ("Batch Name,Number of
/// Ballots") and <c>JURISDICTION-tallies.csv</c> ("Batch Name" and one column per choice of each audited contest, named as the
/// definition names the choice in English), so that Arlo can run the same audit independently.
/// </summary>
internal static class ArloExport
{
    /// <summary>Builds the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var db = StoreOptions.Database(required: true);
        var output = new Option<DirectoryInfo>("--out") { Description = "The folder to write the CSV files to.", Required = true };
        var command = new Command("export-arlo", "Write the audit's ballot manifests and batch tallies as Arlo's batch comparison takes them.")
        {
            db, output,
        };
        command.SetAction((r, ct) => AuditCommand.WithLogAsync(console, r.GetValue(db)!, async log =>
        {
            var audit = await AuditStore.ReadAsync(log, ct);
            if (audit.Comparison is not { } comparison)
            {
                console.MarkupLine("[red]This store has no audit: sanoo audit plan starts one.[/]");
                return SanooCli.BadInput;
            }
            var folder = r.GetValue(output)!;
            folder.Create();
            var files = Write(log.Election, log.AuditContests(audit.Book.Plan!), comparison, folder);
            console.MarkupLineInterpolated($"Wrote {files} files for Arlo to {folder.FullName}.");
            return SanooCli.Ok;
        }, ct));
        return command;
    }

    /// <summary>Writes a manifest and a tallies file per jurisdiction; returns how many files.</summary>
    public static int Write(Election election, IReadOnlyList<ContestPlan> contests, BatchComparison comparison, DirectoryInfo folder)
    {
        var groups = comparison.Batches.GroupBy(b => election.Areas[election.ParentIndex(election.AreaIndex(b.Station))].Id.Value);
        var choices = contests.SelectMany(p => p.Choices.Select((c, i) => (p.Contest.Id, Index: i, Name: c.Name.In("en")))).ToList();
        var files = 0;
        foreach (var group in groups)
        {
            var manifest = new StringBuilder("Batch Name,Number of Ballots\r\n");
            var tallies = new StringBuilder("Batch Name," + string.Join(",", choices.Select(c => Field(c.Name))) + "\r\n");
            foreach (var batch in group)
            {
                manifest.Append(Field(batch.Station.Value)).Append(',').Append(batch.Counts.Max(c => c.Ballots)).Append("\r\n");
                tallies.Append(Field(batch.Station.Value));
                foreach (var (contest, index, _) in choices)
                {
                    tallies.Append(',').Append(batch.Of(contest)?.Votes[index] ?? 0);
                }
                tallies.Append("\r\n");
            }
            File.WriteAllText(Path.Combine(folder.FullName, $"{group.Key}-manifest.csv"), manifest.ToString());
            File.WriteAllText(Path.Combine(folder.FullName, $"{group.Key}-tallies.csv"), tallies.ToString());
            files += 2;
        }
        return files;
    }

    private static string Field(string text) =>
        text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
