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
        _csv.Field(entry.Sequence).Field(entry.Station.Value).Field(_election.Area(entry.Station)?.Parent?.Value).Field(entry.Contest.Value)
            .Field(entry.Source.Value).Field(entry.Version).Field(OutcomeText.Of(entry.Outcome)).Field(entry.ReceivedAt).Field(entry.Sender)
            .Field(entry.CorrectionReason).Field(entry.CorrectionAuthor).Field(Convert.ToHexStringLower(entry.ContentHash.AsSpan()));
        _columns.Write(
            _csv, plan, (entry.Figures, Lines: plan.Form.Lines.Length), static (f, i) => f.Figures[i], static (f, i) => f.Figures[f.Lines + i]);
        _csv.End();
    }
}
