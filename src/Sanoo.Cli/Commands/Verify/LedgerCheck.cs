using System.Globalization;
using Sanoo.Contracts;
using Sanoo.Core.Reconciliation;
using Sanoo.Web.OpenData;
using Sanoo.Web.Site;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Holds the discrepancy ledger (<c>/{lang}/discrepancies/data.json</c> and <c>data.csv</c>, in every language of the site) to the
/// ledgers the verifier computes itself: Core's pure comparison (<see cref="Ledger.Of"/>) of the versions its own replay counted,
/// under the definition's rule and for each party's copy. Every station listed as differing, every area's line, the totals of each
/// party's copies, the summary in words and every row of the CSV must be what the verified protocols give; a station left out or
/// added is named. The data states the snapshot it is of; the CSV does not, so it is held to the ledger of the snapshot its
/// <c>data.json</c> states, and a server that published meanwhile is asked again.
/// </summary>
internal sealed class LedgerCheck
{
    private readonly ExportFigures _figures;
    private readonly ExportSnapshots _snapshots;
    private readonly Dictionary<ExportFigures, (Ledger? Ledger, IReadOnlyList<Ledger> Copies)> _ledgers = [];
    private readonly bool _compares;
    private readonly List<string> _problems = [];

    /// <summary>The ledgers of the snapshot being compared: the head's, or the earlier one a language's data states.</summary>
    private Ledger? _ledger;

    /// <summary>Each party's copy compared with the official count, of the snapshot being compared.</summary>
    private IReadOnlyList<Ledger> _copies;

    /// <summary>
    /// The ledgers of <paramref name="figures"/>' snapshot (the head), the verifier's own; of an earlier snapshot a language's data
    /// states, those of the figures <paramref name="snapshots"/> froze at that size.
    /// </summary>
    public LedgerCheck(ExportFigures figures, ExportSnapshots snapshots)
    {
        _figures = figures;
        _snapshots = snapshots;
        (_ledger, _copies) = LedgersOf(figures);
        _compares = _ledger is not null || _copies.Count > 0;
    }

    /// <summary>The ledger's files in every language of the site: none when the election compares no counts.</summary>
    public IEnumerable<string> Paths => !_compares ? []
        : _figures.Election.Definition.Languages.SelectMany(l => new[] { DataJson(l), DataCsv(l) });

    /// <summary>What differs, up to <see cref="ErrCheck.Kept"/>.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>How many problems were found in all.</summary>
    public int Found { get; private set; }

    private static string DataJson(string language) => SitePaths.Discrepancies(language) + SitePaths.DataJson;

    private static string DataCsv(string language) => SitePaths.Discrepancies(language) + SitePaths.DataCsv;

    /// <summary>
    /// Checks every language's files at a head of <paramref name="size"/> entries. Returns false when a server published another
    /// snapshot meanwhile (check again); a folder's ledger of an earlier snapshot is held to the ledgers of that snapshot.
    /// </summary>
    public async Task<bool> CheckAsync(VerifyCommand.IPublished origin, long size, CancellationToken cancellationToken)
    {
        if (!Paths.Any())
        {
            return true;
        }
        foreach (var language in _figures.Election.Definition.Languages)
        {
            var path = DataJson(language);
            if (await ReadAsync(origin, path, cancellationToken) is not { } data)
            {
                continue;
            }
            if (data.Snapshot != size && origin.Live)
            {
                return false;
            }
            if (data.Snapshot > size)
            {
                Add($"{path}: is of snapshot {data.Snapshot:N0}, past the {size:N0} entries of the signed tree head");
                continue;
            }
            if (_snapshots.Of(data.Snapshot, size, out var why) is not { } figures)
            {
                Add($"{path}: {why}");
                continue;
            }
            (_ledger, _copies) = LedgersOf(figures);
            Compare(path, data, SiteLanguage.Of(language));
            await CompareCsvAsync(origin, DataCsv(language), cancellationToken);
            if (origin.Live && await ReadAsync(origin, path, cancellationToken) is { } again && again.Snapshot != size)
            {
                return false; // the CSV may be of the newer snapshot
            }
        }
        return true;
    }

    /// <summary>The ledgers of <paramref name="figures"/>' snapshot, made once for each snapshot compared.</summary>
    private (Ledger? Ledger, IReadOnlyList<Ledger> Copies) LedgersOf(ExportFigures figures)
    {
        if (!_ledgers.TryGetValue(figures, out var ledgers))
        {
            var snapshot = figures.Verified;
            _ledgers[figures] = ledgers = (snapshot.Election.Reconciliation is { } rule ? Ledger.Of(snapshot, rule) : null,
                Ledger.PartyCopiesOf(snapshot));
        }
        return ledgers;
    }

    private async Task<LedgerPageData?> ReadAsync(VerifyCommand.IPublished origin, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await origin.JsonAsync(path, WireJson.Default.LedgerPageData, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or System.Text.Json.JsonException)
        {
            Add($"{path}: the discrepancy ledger is not published as it must be ({e.Message})");
            return null;
        }
    }

    /// <summary>Holds one language's data to the verifier's ledgers.</summary>
    private void Compare(string path, LedgerPageData data, SiteLanguage language)
    {
        var election = _figures.Election;
        Same(path, "the first count compared", data.First, _ledger?.Rule.First.Value);
        Same(path, "the second count compared", data.Second, _ledger?.Rule.Second.Value);
        var tolerance = _ledger is null ? null : Text(new(_ledger.Rule.Absolute, _ledger.Rule.RelativePercent));
        Same(path, "the tolerance", Text(data.Tolerance), tolerance);
        var main = election.DefaultContest.Contest.Id;
        var nation = _ledger?.Area(election.Areas[0].Id, main);
        Same(path, "the summary", data.Summary, nation is null ? "" : LedgerPages.Summary(election, _ledger!, nation, language).Text);
        var levels = _ledger is null ? [] : LedgerPages.LevelAreas(election).ToList();
        SameList(path, "levels", [.. data.Levels.Select(l => l.Level)], [.. levels.Select(l => election.Levels[l.Level].Id)]);
        foreach (var (level, areas) in levels)
        {
            var id = election.Levels[level].Id;
            var rows = data.Levels.FirstOrDefault(l => l.Level == id)?.Rows ?? [];
            SameList($"{path}: level {id}", "areas", [.. rows.Select(r => r.Id)], [.. areas.Select(a => a.Id.Value)]);
            var verified = areas.ToDictionary(a => a.Id.Value, a => _ledger!.Area(a.Id, main)!, StringComparer.Ordinal);
            foreach (var row in rows)
            {
                if (verified.TryGetValue(row.Id, out var t))
                {
                    var where = $"{path}: area {row.Id}";
                    Same(where, "compared", row.Compared, t.Compared);
                    Same(where, "match", row.Match, t.Match);
                    Same(where, "within", row.Within, t.WithinTolerance);
                    Same(where, "differ", row.Differ, t.Discrepancy);
                    Same(where, "oneOnly", row.OneOnly, t.OneSideMissing);
                    Same(where, "votesApart", row.VotesApart, t.VotesApart);
                }
            }
        }
        Stations(path, data.Stations, _ledger is null ? [] : SiteJson.Differences(_ledger, ReconciliationClass.Match));
        SameList(path, "parties' copies", [.. data.PartyCopies.Select(c => c.Source)], [.. _copies.Select(c => c.Rule.First.Value)]);
        foreach (var copy in _copies)
        {
            var expected = SiteJson.PartyCopy(election, copy);
            if (data.PartyCopies.FirstOrDefault(c => c.Source == expected.Source) is not { } published)
            {
                continue;
            }
            var where = $"{path}: the copies of {expected.Source}";
            Same(where, "party", published.Party, expected.Party);
            Same(where, "official", published.Official, expected.Official);
            Same(where, "compared", published.Compared, expected.Compared);
            Same(where, "match", published.Match, expected.Match);
            Same(where, "differ", published.Differ, expected.Differ);
            Same(where, "votesApart", published.VotesApart, expected.VotesApart);
            Same(where, "waiting", published.Waiting, expected.Waiting);
            Stations(where, published.Stations, expected.Stations);
        }
    }

    /// <summary>The stations listed as differing, held to those the verified counts make differ: none left out, none added.</summary>
    private void Stations(string where, IReadOnlyList<StationDifference> published, IReadOnlyList<StationDifference> expected)
    {
        var verified = expected.ToDictionary(s => (s.Station, s.Contest));
        var seen = new HashSet<(string, string)>();
        foreach (var s in published)
        {
            if (!seen.Add((s.Station, s.Contest)))
            {
                Add($"{where}: lists station {s.Station} ({s.Contest}) twice");
            }
            else if (!verified.TryGetValue((s.Station, s.Contest), out var e))
            {
                Add($"{where}: lists station {s.Station} ({s.Contest}) as {s.Class}, but its verified counts match or are not in");
            }
            else
            {
                var station = $"{where}: station {s.Station} ({s.Contest})";
                Same(station, "class", s.Class, e.Class);
                Same(station, "firstVersion", s.FirstVersion, e.FirstVersion);
                Same(station, "secondVersion", s.SecondVersion, e.SecondVersion);
                Same(station, "votesApart", s.VotesApart, e.VotesApart);
                Same(station, "lineDifferences", string.Join(' ', s.LineDifferences), string.Join(' ', e.LineDifferences));
                Same(station, "voteDifferences", string.Join(' ', s.VoteDifferences), string.Join(' ', e.VoteDifferences));
            }
        }
        foreach (var e in expected.Where(e => !seen.Contains((e.Station, e.Contest))))
        {
            Add($"{where}: leaves out station {e.Station} ({e.Contest}), whose verified counts are {e.Class} ({e.VotesApart:N0} votes apart)");
        }
    }

    /// <summary>
    /// Reads the CSV as it streams in, beside the one the verifier's ledgers make (<see cref="LedgerCsv.Write"/>): the first row that
    /// differs is named, by station and column.
    /// </summary>
    private async Task CompareCsvAsync(VerifyCommand.IPublished origin, string path, CancellationToken cancellationToken)
    {
        var ledgers = _ledger is null ? _copies : [_ledger, .. _copies];
        try
        {
            await using var stream = await origin.OpenAsync(path, cancellationToken);
            using var published = new StreamReader(stream, Csv.Encoding);
            var writer = new ComparingWriter(published);
            await Task.Run(() => LedgerCsv.Write(writer, _figures.Election, ledgers), cancellationToken);
            if (writer.Difference(out var line, out var expected, out var actual, out var header))
            {
                Add($"{path}: {RowDifference(line, header, expected, actual)}");
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            Add($"{path}: the discrepancy ledger is not published as it must be ({e.Message})");
        }
    }

    /// <summary>What differs in row <paramref name="line"/>: the station and the first column that differs, or both rows.</summary>
    private static string RowDifference(long line, string? header, string? expected, string? actual)
    {
        if (actual is null)
        {
            return $"ends at row {line - 1:N0}, but the verified counts give more rows, the next being: {expected}";
        }
        if (expected is null)
        {
            return $"row {line:N0} is one more than the verified counts give: {actual}";
        }
        var names = header?.Split(',') ?? [];
        var want = expected.Split(',');
        var got = actual.Split(',');
        var column = Enumerable.Range(0, Math.Min(want.Length, got.Length)).FirstOrDefault(i => want[i] != got[i], -1);
        if (want.Length != got.Length || column < 0 || column >= names.Length)
        {
            return $"row {line:N0} is published as {actual}, but the verified counts give {expected}";
        }
        var station = line == 1 ? "the header" : $"the row of station {want[0]} ({want[2]})";
        return $"{station}: {names[column]} is published as {Shown(got[column])}, but the verified counts give {Shown(want[column])}";
    }

    private void Same<T>(string where, string field, T published, T verified)
    {
        if (!EqualityComparer<T>.Default.Equals(published, verified))
        {
            Add($"{where}: {field} is published as {Shown(published?.ToString())}, but the verified counts give {Shown(verified?.ToString())}");
        }
    }

    /// <summary>Two lists of ids in order: the first place they differ is named.</summary>
    private void SameList(string where, string what, IReadOnlyList<string> published, IReadOnlyList<string> verified)
    {
        var at = Enumerable.Range(0, Math.Min(published.Count, verified.Count)).FirstOrDefault(i => published[i] != verified[i], -1);
        if (at >= 0)
        {
            Add($"{where}: item {at + 1} of the {what} is {Shown(published[at])}, where the verified counts have {Shown(verified[at])}");
        }
        else if (published.Count != verified.Count)
        {
            Add($"{where}: lists {published.Count:N0} {what}, where the verified counts have {verified.Count:N0}");
        }
    }

    private static string Shown(string? value) => string.IsNullOrEmpty(value) ? "nothing" : value;

    private static string? Text(Tolerance? t) =>
        t is null ? null : string.Create(CultureInfo.InvariantCulture, $"{t.Absolute} votes or {t.RelativePercent}%");

    private void Add(string problem)
    {
        Found++;
        if (_problems.Count < ErrCheck.Kept)
        {
            _problems.Add(problem);
        }
    }

    /// <summary>
    /// A writer that compares what is written with what <paramref name="published"/> reads, char by char, and remembers the first line
    /// that differs (whole, as written and as published) and the first line written (the header).
    /// </summary>
    private sealed class ComparingWriter(StreamReader published) : TextWriter
    {
        private readonly System.Text.StringBuilder _line = new();
        private long _lineNumber = 1;
        private string? _header;
        private bool _differs;
        private string? _actual;

        public override System.Text.Encoding Encoding => Csv.Encoding;

        public override void Write(char value)
        {
            if (_differs)
            {
                if (_line is { Length: > 0 } && _line[^1] == '\n')
                {
                    return; // the expected line is whole
                }
                _line.Append(value);
                return;
            }
            var read = published.Read();
            _line.Append(value);
            if (read != value)
            {
                _differs = true;
                var prefix = _line.ToString(0, _line.Length - 1);
                _actual = read < 0 && prefix.Length == 0 ? null
                    : read is < 0 or '\r' or '\n' ? prefix // the published row ends here
                    : prefix + (char)read + published.ReadLine();
                return;
            }
            if (value == '\n')
            {
                _header ??= _line.ToString();
                _line.Clear();
                _lineNumber++;
            }
        }

        public override void Write(string? value)
        {
            foreach (var c in value ?? "")
            {
                Write(c);
            }
        }

        /// <summary>
        /// After the last write: whether the published text differs, and if so at which line, that line as the verifier's ledgers write
        /// it (null when they end before) and as published (null when it ends before), and the header.
        /// </summary>
        public bool Difference(out long line, out string? expected, out string? actual, out string? header)
        {
            line = _lineNumber;
            header = _header?.TrimEnd('\r', '\n');
            if (!_differs)
            {
                var rest = published.ReadLine();
                expected = null;
                actual = rest;
                return rest is not null;
            }
            expected = _line.Length == 0 ? null : _line.ToString().TrimEnd('\r', '\n');
            actual = _actual?.TrimEnd('\r', '\n');
            return true;
        }
    }
}
