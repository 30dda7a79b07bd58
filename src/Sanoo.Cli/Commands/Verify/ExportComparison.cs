using Sanoo.Web.OpenData;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Holds the whole-election exports (the ERR report in JSON and XML, docs/err.md) to the verifier's replay at the verified head,
/// both read at once as they stream in (<see cref="ErrScan"/>, <see cref="ErrCheck"/>); the discrepancy ledger beside them
/// (<see cref="LedgerCheck"/>); and in a published folder, every gzip and Brotli copy of each file the verifier read
/// (<see cref="CompressedCopies"/>). <c>/data/protocols.csv</c> is read beside the entries instead (<see cref="ProtocolsCsvCheck"/>).
/// A report states the snapshot it is of: a server's of another snapshot than the head means it published a newer one meanwhile
/// (check again); a folder's of an earlier one (a publish with <c>--exports-every</c> rewrites the exports only now and then) is
/// held to the verifier's tally frozen at that size (<see cref="ExportSnapshots"/>), with the same comparison as at the head, and
/// <c>protocols.csv</c> must list the entries of the snapshot the report beside it states.
/// </summary>
internal static class ExportComparison
{
    /// <summary>The ERR report's two forms, by address.</summary>
    public static readonly (string Path, bool Xml)[] Reports = [(ErrReports.JsonPath, false), (ErrReports.XmlPath, true)];

    /// <summary>Compares both reports with the replay; in a folder, also the copies of <paramref name="read"/> and of the exports.</summary>
    /// <returns>False when the server published a newer snapshot meanwhile (check again).</returns>
    public static async Task<bool> CheckAsync(
        VerifyCommand.IPublished origin,
        LogReplay replay,
        long size,
        ExportSnapshots snapshots,
        IEnumerable<string> read,
        List<string> problems,
        CancellationToken cancellationToken)
    {
        var head = snapshots.Of(size, size, out _)!;
        // Each report is read against the figures of the snapshot it was read ahead to state (the head's when none was found).
        var reports = Reports.Select(r =>
        {
            var figures = snapshots.Stated(r.Path) is { } ahead && ahead < size ? snapshots.Of(ahead, size, out _) ?? head : head;
            return Task.Run(() => ReadAsync(origin, figures, r.Path, r.Xml, cancellationToken), cancellationToken);
        }).ToList();
        var ledger = new LedgerCheck(head, snapshots);
        var ledgerRead = Task.Run(() => ledger.CheckAsync(origin, size, cancellationToken), cancellationToken);
        var copies = new List<string>();
        var copied = origin.Live ? Task.CompletedTask : Task.Run(
            async () =>
            {
                var exports = read.Concat([ProtocolsCsvCheck.Path, .. Reports.Select(r => r.Path), .. ledger.Paths]);
                foreach (var path in exports.Distinct(StringComparer.Ordinal))
                {
                    await CompressedCopies.CheckAsync(origin, path, copies, cancellationToken);
                }
            },
            cancellationToken);
        await Task.WhenAll([.. reports, ledgerRead, copied]);
        problems.AddRange(copies);
        if (!ledgerRead.Result)
        {
            return false;
        }
        problems.AddRange(ledger.Problems);
        if (ledger.Found > ledger.Problems.Count)
        {
            problems.Add($"the discrepancy ledger: … and {ledger.Found - ledger.Problems.Count:N0} more figures that differ");
        }
        foreach (var (path, check) in Reports.Select((r, i) => (r.Path, reports[i].Result)))
        {
            if (check.Snapshot is not { } snapshot || snapshot < 0)
            {
                problems.Add($"{path}: states no snapshot (its sanoo-snapshot identifier): what head its figures are of is not said");
            }
            else if (snapshot != size && origin.Live)
            {
                return false;
            }
            else if (snapshot > size)
            {
                problems.Add($"{path}: is of snapshot {snapshot:N0}, past the {size:N0} entries of the signed tree head");
                continue;
            }
            else if (snapshots.Of(snapshot, size, out var why) is not { } figures)
            {
                problems.Add($"{path}: {why}");
                continue;
            }
            else if (figures != check.Figures)
            {
                problems.Add($"{path}: is of snapshot {snapshot:N0}, but read ahead it stated another: its figures were not held to that "
                    + "snapshot's");
                continue;
            }
            else if (!origin.Live && path == ErrReports.JsonPath && replay.ProtocolRows is { Rows: var rows } && rows != snapshot)
            {
                problems.Add($"{ProtocolsCsvCheck.Path}: lists {rows:N0} entries, but {path}, written with it, is of snapshot {snapshot:N0}");
            }
            problems.AddRange(check.Problems);
            if (check.Found > check.Problems.Count)
            {
                problems.Add($"{path}: … and {check.Found - check.Problems.Count:N0} more figures that differ");
            }
        }
        return true;
    }

    private static async Task<ErrCheck> ReadAsync(
        VerifyCommand.IPublished origin, ExportFigures figures, string path, bool xml, CancellationToken cancellationToken)
    {
        var check = new ErrCheck(figures, path);
        await using var stream = await origin.OpenAsync(path, cancellationToken);
        try
        {
            await (xml ? ErrScan.XmlAsync(stream, check.Done, cancellationToken) : ErrScan.JsonAsync(stream, check.Done, cancellationToken));
            check.Finish();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or System.Xml.XmlException)
        {
            check.Problems.Add($"{path}: does not read as an ERR report ({e.Message})");
        }
        return check;
    }
}
