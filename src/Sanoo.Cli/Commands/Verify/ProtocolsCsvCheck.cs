using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using nietras.SeparatedValues;
using Sanoo.Core.Definitions;
using Sanoo.Web.OpenData;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Reads <c>/data/protocols.csv</c> (one row per log entry, in log order: docs/open-data) in step with the entries the replay
/// applies, and holds each row to its signed entry: sequence, station, its district, contest, source, version, outcome, received
/// time, sender, correction, content hash and every line and vote. One row is held at a time. Rows of entries verified in an
/// earlier round (<c>--follow</c>) are not compared again: their SHA-256 must be the one kept from that round
/// (<see cref="LogReplay.ProtocolRows"/>).
/// </summary>
internal sealed class ProtocolsCsvCheck : IDisposable
{
    /// <summary>The file's address, the same on a server and in a published folder.</summary>
    public const string Path = Web.Site.SitePaths.Protocols;

    private static readonly byte[] EndOfCell = [0];
    private static readonly byte[] EndOfRow = [1];

    private readonly Election _election;
    private readonly SepReader _reader;
    private readonly Dictionary<string, int> _columns;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly List<string> _problems;
    private readonly (long Rows, byte[] Hash)? _kept;
    private bool _ended;
    private bool _astray;

    /// <summary>Starts reading <paramref name="stream"/>; <paramref name="kept"/>: what an earlier round verified of it.</summary>
    public ProtocolsCsvCheck(Election election, Stream stream, (long Rows, byte[] Hash)? kept, List<string> problems)
    {
        _election = election;
        _kept = kept;
        _problems = problems;
        _reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true }).From(stream);
        _columns = _reader.Header.ColNames.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i, StringComparer.Ordinal);
        foreach (var column in new[] { "sequence", "station", "contest", "source", "version", "outcome", "content_hash" })
        {
            if (!_columns.ContainsKey(column))
            {
                Problem($"{Path}: has no column {column}");
            }
        }
    }

    /// <summary>The rows read and held to their entries.</summary>
    public long Rows { get; private set; }

    /// <summary>Reads the rows up to the one of <paramref name="sequence"/>, the first entry this round applies: verified before.</summary>
    public void SkipTo(long sequence)
    {
        while (Rows + 1 < sequence && Next() is not null)
        {
        }
    }

    /// <summary>Reads the next row and holds it to <paramref name="prepared"/>, the entry the replay applied.</summary>
    public void Check(PreparedEntry prepared)
    {
        if (_astray || Next() is not { } row)
        {
            return;
        }
        var e = prepared.Entry;
        var entry = $"{Path}: the row of entry {e.Sequence} (station {e.Station})";
        if (row.Cell("sequence") != e.Sequence.ToString(CultureInfo.InvariantCulture))
        {
            Problem($"{Path}: row {Rows:N0} is of entry {row.Cell("sequence")}, where entry {e.Sequence} belongs");
            _astray = true; // every row after is out of step: one problem says it
            return;
        }
        void Field(string column, string? signed)
        {
            if (_columns.ContainsKey(column) && row.Cell(column) != (signed ?? ""))
            {
                Problem($"{entry}: {column} is published as {row.Cell(column)}, but the signed entry gives {signed ?? "nothing"}");
            }
        }
        Field("station", Csv.Neutralised(e.Station));
        Field("contest", Csv.Neutralised(e.Contest));
        Field("source", Csv.Neutralised(e.Source));
        Field("version", e.Version.ToString(CultureInfo.InvariantCulture));
        Field("outcome", EntryPage.WordOf(e.Outcome));
        Field("received_at", DateTimeOffset.FromUnixTimeMilliseconds(e.ReceivedAt).UtcDateTime
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        Field("sender", Csv.Neutralised(e.Sender));
        Field("content_hash", e.ContentHash);
        if (prepared.Read?.Protocol is not { } protocol || _election.Contest(protocol.Contest) is not { } plan)
        {
            return;
        }
        Field("district", _election.Area(protocol.Station)?.Parent?.Value is { } district ? Csv.Neutralised(district) : null);
        Field("correction_reason", protocol.Correction?.Reason is { } reason ? Csv.Neutralised(reason) : null);
        Field("correction_author", protocol.Correction?.Author is { } author ? Csv.Neutralised(author) : null);
        foreach (var line in plan.Form.Lines)
        {
            Field(line.Id.Value, protocol.Lines[plan.LineIndex[line.Id]].ToString(CultureInfo.InvariantCulture));
        }
        for (var i = 0; i < plan.Choices.Length; i++)
        {
            Field("votes:" + plan.Choices[i].Id.Value, i < protocol.Votes.Length ? protocol.Votes[i].ToString(CultureInfo.InvariantCulture) : "0");
        }
    }

    /// <summary>
    /// After the round's entries: names rows past the verified head (a published folder's file is never newer than its head) and,
    /// in <paramref name="notes"/>, a file that stops before it. Returns what the next round holds the first rows to.
    /// </summary>
    public (long Rows, byte[] Hash) Finish(long size, bool live, List<string> notes)
    {
        var through = (Rows, _hash.GetCurrentHash());
        if (!_astray && Rows == size && !live && Next() is not null)
        {
            Problem($"{Path}: lists entries past the {size:N0} of the signed tree head");
        }
        else if (Rows < size && !_astray)
        {
            notes.Add($"{Path} lists the first {Rows:N0} entries of the {size:N0} verified (it is of an earlier snapshot): "
                + "those it lists were each held to their signed entry");
        }
        return through;
    }

    private void Problem(string problem)
    {
        if (_problems.Count < 10_000)
        {
            _problems.Add(problem);
        }
    }

    /// <summary>Reads the next row into the hash; null at the end of the file.</summary>
    private CsvRow? Next()
    {
        if (_ended || !_reader.MoveNext())
        {
            _ended = true;
            return null;
        }
        var row = _reader.Current;
        var cells = new string[row.ColCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = row[i].ToString();
            _hash.AppendData(MemoryMarshal.AsBytes(row[i].Span));
            _hash.AppendData(EndOfCell);
        }
        _hash.AppendData(EndOfRow);
        Rows++;
        if (_kept is { } kept && kept.Rows == Rows && !_hash.GetCurrentHash().AsSpan().SequenceEqual(kept.Hash))
        {
            Problem($"{Path}: its first {Rows:N0} rows changed since they were verified");
        }
        return new CsvRow(cells, _columns);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _hash.Dispose();
    }

    /// <summary>One row's cells by column name.</summary>
    private sealed class CsvRow(string[] cells, Dictionary<string, int> columns)
    {
        public string Cell(string column) => columns.TryGetValue(column, out var i) && i < cells.Length ? cells[i] : "";
    }
}
