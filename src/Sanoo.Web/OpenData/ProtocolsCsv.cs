using Sanoo.Core.Definitions;
using Sanoo.Storage.Log;

namespace Sanoo.Web.OpenData;

/// <summary>
/// Every station protocol version the log holds up to a snapshot, as CSV: one row per version
/// received (counted or not, with its outcome and receipt), the form's lines, then a column per
/// choice of the election (empty where the contest does not offer that choice).
/// </summary>
public sealed class ProtocolsCsv
{
    private readonly Election _election;
    private readonly Csv _csv;
    private readonly FigureColumns _columns;

    /// <summary>Starts a file and writes its header.</summary>
    public ProtocolsCsv(TextWriter writer, Election election)
    {
        _election = election;
        _csv = new Csv(writer);
        _columns = new FigureColumns(election);
        _csv.Row(new object?[]
        {
            "sequence", "station", "district", "contest", "source", "version", "outcome",
            "received_at", "sender", "correction_reason", "correction_author", "content_hash",
        }.Concat(_columns.Header));
    }

    /// <summary>Writes one version.</summary>
    public void Write(LogEntry entry)
    {
        var plan = _election.Contest(entry.Contest)!;
        var figures = entry.Figures;
        _csv.Row(new object?[]
        {
            entry.Sequence, entry.Station.Value, _election.Area(entry.Station)?.Parent?.Value, entry.Contest.Value, entry.Source.Value, entry.Version,
            OutcomeText.Of(entry.Outcome), entry.ReceivedAt, entry.Sender, entry.CorrectionReason, entry.CorrectionAuthor,
            Convert.ToHexStringLower(entry.ContentHash.AsSpan()),
        }.Concat(_columns.Cells(plan, i => figures[i], i => figures[plan.Form.Lines.Length + i])));
    }
}
