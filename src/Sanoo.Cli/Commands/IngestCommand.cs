using System.Collections.Immutable;
using System.CommandLine;
using System.Text.Json;
using Sanoo.Cli.Input;
using Sanoo.Cli.Output;
using Sanoo.Core.Protocols;
using Sanoo.Log;
using Sanoo.Storage;
using Sanoo.Web;
using Sanoo.Web.Access;
using Sanoo.Web.Ingest;
using Spectre.Console;

namespace Sanoo.Cli.Commands;

/// <summary>
/// <c>sanoo ingest [--definition FILE] --db DB PROTOCOLS...</c>: stores protocol files durably in
/// the store's append-only log (the definition on first use) and prints what happened to each.
/// A protocol of a signed source (a machine count) is stored only in its signed form (<see cref="ProtocolLine"/>) and only
/// when its signature verifies with the device key enrolled in the store for its station: the server's own check
/// (<see cref="Authorizer"/>), so a file never brings into the log what a device could not have sent. Any other line is
/// refused, named by file, line, station and source, and the command exits with <see cref="SanooCli.BadInput"/>.
/// </summary>
public static class IngestCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(IAnsiConsole console)
    {
        var definition = new Option<FileInfo?>("--definition")
        {
            Description = "The election definition; needed the first time, refused if it differs from the stored one.",
        };
        var db = StoreOptions.Database(required: true);
        var protocols = new Argument<FileInfo[]>("protocols")
        {
            Description = "Protocol files (JSON Lines), stored in the order given; counts of a signed source as signed lines "
                + "{\"protocol\": {…}, \"signature\": \"…\"} by the device key enrolled for their station (sanoo keys enrol).",
            Arity = ArgumentArity.OneOrMore,
        };
        var receipts = new Option<FileInfo?>("--receipts")
        {
            Description = "Append one JSON line per receipt to this file, each written only after it is durable, and one per refused line.",
        };
        var sender = new Option<string?>("--sender")
        {
            Description = "Who the protocols of unsigned sources are recorded as sent by; default: file:NAME of each file (a signed count's "
                + "sender is always its station's device).",
        };
        var command = new Command(
            "ingest",
            "Store protocol files in the durable log: every version kept, identical retries counted once, rejected ones kept with their violations.")
        {
            definition, db, protocols, receipts, sender,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            console,
            result.GetValue(definition),
            result.GetValue(db)!,
            result.GetValue(protocols)!,
            result.GetValue(receipts),
            result.GetValue(sender),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        IAnsiConsole console,
        FileInfo? definitionFile,
        string db,
        FileInfo[] files,
        FileInfo? receiptsFile,
        string? sender,
        CancellationToken cancellationToken)
    {
        if (files.FirstOrDefault(f => !f.Exists) is { } missing)
        {
            console.MarkupLineInterpolated($"[red]Protocol file {missing.FullName} does not exist.[/]");
            return SanooCli.BadInput;
        }
        if (definitionFile is { Exists: false })
        {
            console.MarkupLineInterpolated($"[red]Definition file {definitionFile.FullName} does not exist.[/]");
            return SanooCli.BadInput;
        }
        var sqlite = StoreAddress.SqliteFile(db);
        var created = sqlite is not null && !File.Exists(sqlite);
        if (created && definitionFile is null)
        {
            var message = $"There is no store at {Path.GetFullPath(sqlite!)}: a new store needs the election definition (--definition FILE). "
                + "Nothing was created.";
            console.MarkupLine($"[red]{Markup.Escape(message)}[/]");
            return SanooCli.BadInput;
        }
        var opened = false;
        try
        {
            return await StoreAsync();
        }
        catch (StoreException e)
        {
            console.MarkupLineInterpolated($"[red]{e.Message}[/]");
            return SanooCli.BadInput;
        }
        finally
        {
            if (created && !opened)
            {
                StoreAddress.DeleteSqliteFiles(sqlite!); // a store that never got its election is not left behind
            }
        }

        async Task<int> StoreAsync()
        {
            await using var store = await StoreAddress.OpenAsync(db, cancellationToken);
            await using var log = await ElectionLog.OpenAsync(
                store,
                definitionFile is null ? null : await File.ReadAllBytesAsync(definitionFile.FullName, cancellationToken),
                cancellationToken: cancellationToken);
            opened = true;
            console.MarkupLineInterpolated(
                $"Storing into {store.Description} (election {log.Election.Id}, log position {Format.Count(log.Position)}).");
            await using var receiptsOut = receiptsFile is null ? null : new StreamWriter(receiptsFile.FullName, append: true);
            using var registry = new WriterRegistry(log, new ServerOptions(), TimeProvider.System);
            await registry.RefreshAsync(cancellationToken);
            var writers = new Writers(new Authorizer(log.Election, registry, new Jurisdiction(log.Election)), sender);
            var tally = new IngestTally();
            var total = files.Sum(f => f.Length);
            if (console.Profile.Capabilities.Interactive)
            {
                await console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask("Storing protocols", maxValue: Math.Max(1, total));
                        await IngestAsync(log, files, writers, receiptsOut, tally, read => task.Value = read, cancellationToken);
                        task.Value = task.MaxValue;
                    });
            }
            else
            {
                await IngestAsync(log, files, writers, receiptsOut, tally, null, cancellationToken);
            }
            Report(console, log, tally, db);
            return tally.Refused.Count == 0 ? SanooCli.Ok : SanooCli.BadInput;
        }
    }

    private static async Task IngestAsync(
        ElectionLog log,
        FileInfo[] files,
        Writers writers,
        StreamWriter? receipts,
        IngestTally tally,
        Action<long>? progress,
        CancellationToken cancellationToken)
    {
        foreach (var batch in ParsedProtocols.Read(log.Election, files, progress))
        {
            var submissions = new List<(ParsedLine Line, Submission Submission)>(batch.Length);
            foreach (var line in batch)
            {
                switch (line.Result)
                {
                    case ProtocolReadResult.Ok ok:
                        switch (writers.Admit(log.Election, line, ok.Checked))
                        {
                            case Admission<Submission>.Admitted admitted:
                                submissions.Add((line, admitted.Who));
                                break;
                            case Admission<Submission>.Refused refused:
                                tally.Refused.Add(new NotCounted(
                                    line.File, line.Line.Number, ok.Protocol, "refused", [], [refused.Refusal.Reason]));
                                if (receipts is not null)
                                {
                                    await receipts.WriteLineAsync(RefusalLine(line.File, line.Line.Number, ok.Protocol, refused.Refusal.Reason));
                                }
                                break;
                        }
                        break;
                    case ProtocolReadResult.Invalid invalid:
                        tally.Unreadable.Add(line.Unreadable(invalid));
                        break;
                }
            }
            var answers = await log.SubmitAsync([.. submissions.Select(s => s.Submission)], cancellationToken);
            for (var i = 0; i < answers.Count; i++)
            {
                var (line, submission) = submissions[i];
                tally.Add(line.File, line.Line.Number, submission.Protocol.Protocol, answers[i]);
                if (receipts is not null)
                {
                    await receipts.WriteLineAsync(ReceiptLine(line.File, line.Line.Number, submission.Protocol.Protocol, answers[i]));
                }
            }
            if (receipts is not null)
            {
                await receipts.FlushAsync(cancellationToken);
            }
        }
    }

    private static string ReceiptLine(string file, int line, Protocol protocol, Receipt receipt) => JsonSerializer.Serialize(new
    {
        file,
        line,
        station = protocol.Station.Value,
        contest = protocol.Contest.Value,
        source = protocol.Source.Value,
        version = receipt.Version,
        outcome = receipt.Outcome.ToString().ToLowerInvariant(),
        sequence = receipt.Sequence,
        contentHash = receipt.ContentHash,
        receivedAt = receipt.ReceivedAt,
    });

    private static string RefusalLine(string file, int line, Protocol protocol, string reason) => JsonSerializer.Serialize(new
    {
        file,
        line,
        station = protocol.Station.Value,
        contest = protocol.Contest.Value,
        source = protocol.Source.Value,
        version = protocol.Version,
        outcome = "refused",
        reason,
    });

    private static void Report(IAnsiConsole console, ElectionLog log, IngestTally tally, string db)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumn("Outcome").AddColumn(new TableColumn("Protocols").RightAligned());
        table.AddRow("accepted (counted)", Format.Count(tally.Count(ReceiptOutcome.Accepted)));
        table.AddRow("duplicate (already stored: original receipt)", Format.Count(tally.Count(ReceiptOutcome.Duplicate)));
        table.AddRow("conflict (stored, not counted)", Format.Count(tally.Count(ReceiptOutcome.Conflict)));
        table.AddRow("stale (stored, not counted)", Format.Count(tally.Count(ReceiptOutcome.Stale)));
        table.AddRow("rejected (stored with violations, never counted)", Format.Count(tally.Count(ReceiptOutcome.Rejected)));
        table.AddRow("unreadable lines (not stored)", Format.Count(tally.Unreadable.Count));
        table.AddRow("refused: a signed source's count without a valid signature (not stored)", Format.Count(tally.Refused.Count));
        console.Write(table);
        var listed = tally.Refused.Concat(tally.NotCounted).Concat(tally.Unreadable).ToList();
        foreach (var item in listed.Take(TallyHumanReport.MaxListed))
        {
            var what = item.Protocol is { } p ? $"station {p.Station}, {p.Contest}, {p.Source}, version {p.Version}" : "";
            console.MarkupLineInterpolated($"  {item.File}:{item.Line} [red]{item.Outcome}[/] {what}");
            foreach (var reason in item.Violations.Select(v => v.Describe()).Concat(item.Problems))
            {
                console.MarkupLineInterpolated($"    {reason}");
            }
        }
        if (listed.Count > TallyHumanReport.MaxListed)
        {
            console.MarkupLineInterpolated(
                $"  … and {Format.Count(listed.Count - TallyHumanReport.MaxListed)} more (--receipts FILE records every one).");
        }
        if (tally.Refused.Count > 0)
        {
            var refused = $"Refused {Format.Count(tally.Refused.Count)} protocol(s) of signed sources, not stored: each must be a signed line "
                + "{\"protocol\": {…}, \"signature\": \"…\"} whose signature verifies with the device key enrolled for its station "
                + "(sanoo keys enrol).";
            console.MarkupLine($"[red]{Markup.Escape(refused)}[/]");
        }
        console.MarkupLineInterpolated(
            $"The log now holds {Format.Count(log.Position)} protocol versions, every one committed. See the results: [bold]sanoo tally --db {
                (db.StartsWith("sqlite:", StringComparison.Ordinal) ? db : "DB")}[/]");
    }

    /// <summary>
    /// Who may write each line, decided as the server decides for <c>POST /api/v1/protocols</c>: a count of a signed source by
    /// its station's device (the <see cref="Authorizer"/> verifies the signature with the enrolled key); any other count by
    /// whoever runs this command with access to the store, recorded as <paramref name="Sender"/> or the file's name.
    /// </summary>
    private sealed record Writers(Authorizer Authorizer, string? Sender)
    {
        /// <summary>No bearer token: a file's signed counts speak for themselves, its other counts are the store's owner's.</summary>
        private static readonly Caller NoOperator = new(null, null);

        public Admission<Submission> Admit(Core.Definitions.Election election, ParsedLine line, CheckedProtocol protocol)
        {
            var source = election.Sources[election.SourceIndex(protocol.Protocol.Source)];
            if (source.PartyCopy is { } party)
            {
                return new Admission<Submission>.Refused(new Refusal.Forbidden(
                    $"{line.File}:{line.Line.Number} (station {protocol.Protocol.Station}, source {protocol.Protocol.Source})",
                    $"a {source.Id} count is party {party}'s copy of the protocol: only that party's agents enter it, with their token, "
                    + "over the API (POST /api/v1/protocols); the commission does not load it from files"));
            }
            if (!source.Signed)
            {
                var recorded = Sender is null ? new Sender.File(line.File) : Log.Sender.Parse(Sender);
                return new Admission<Submission>.Admitted(new Submission(protocol, recorded));
            }
            var where = $"{line.File}:{line.Line.Number} (station {protocol.Protocol.Station}, source {protocol.Protocol.Source})";
            return Authorizer.Check(new SentSubmission(protocol, line.Signature, where), NoOperator);
        }
    }

    private sealed class IngestTally
    {
        private readonly Dictionary<ReceiptOutcome, int> _counts = [];

        public List<NotCounted> NotCounted { get; } = [];

        public List<NotCounted> Unreadable { get; } = [];

        public List<NotCounted> Refused { get; } = [];

        public int Count(ReceiptOutcome outcome) => _counts.GetValueOrDefault(outcome);

        public void Add(string file, int line, Protocol protocol, Receipt receipt)
        {
            _counts[receipt.Outcome] = Count(receipt.Outcome) + 1;
            if (receipt is Receipt.Conflict or Receipt.Stale or Receipt.Rejected)
            {
                ImmutableArray<string> reasons = receipt switch
                {
                    Receipt.Conflict => [Reasons.Conflict],
                    Receipt.Stale => [Reasons.Stale],
                    _ => [],
                };
                var violations = receipt is Receipt.Rejected rejected ? rejected.Broken : [];
                NotCounted.Add(new NotCounted(file, line, protocol, receipt.Outcome.ToString().ToLowerInvariant(), violations, reasons));
            }
        }
    }
}
