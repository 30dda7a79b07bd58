using System.Collections.Immutable;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Core.Rules;
using Sanoo.Core.Tally;

namespace Sanoo.Cli.Input;

/// <summary>A protocol line that was not counted, and why.</summary>
/// <param name="File">The file it came from.</param>
/// <param name="Line">Its line number.</param>
/// <param name="Protocol">The protocol, when it could be read.</param>
/// <param name="Outcome">rejected, conflict, stale or unreadable.</param>
/// <param name="Violations">The control relations it breaks (rejected protocols).</param>
/// <param name="Problems">Why it could not be read (unreadable lines) or what it conflicts with.</param>
public sealed record NotCounted(
    string File, int Line, Protocol? Protocol, string Outcome, ImmutableArray<Violation> Violations, ImmutableArray<string> Problems);

/// <summary>A protocol line that was counted although it breaks warning-level control relations: flagged for review.</summary>
/// <param name="File">The file it came from ("log" for a store).</param>
/// <param name="Line">Its line number (its log position for a store).</param>
/// <param name="Protocol">The protocol (for a store: its station, contest, source and version only).</param>
/// <param name="Violations">The warning-level relations it breaks; never empty.</param>
public sealed record FlaggedLine(string File, long Line, Protocol Protocol, ImmutableArray<Violation> Violations);

/// <summary>Where the protocols came from, and an account of every one: from files, or from a store's log.</summary>
/// <param name="Origin">"files", or the store's description.</param>
/// <param name="Lines">Non-blank lines read, or log entries.</param>
/// <param name="Accepted">Versions counted (later corrections replace earlier ones).</param>
/// <param name="Duplicates">Exact repeats, counted once.</param>
/// <param name="Flagged">Every version counted with warnings, in file (or log) order.</param>
/// <param name="NotCounted">Every line not counted, in file order.</param>
public sealed record LoadReport(
    string Origin, long Lines, long Accepted, long Duplicates, ImmutableArray<FlaggedLine> Flagged, ImmutableArray<NotCounted> NotCounted)
{
    /// <summary>Whether any line was read as a protocol (counted or not); false when every line was unreadable, or there were none.</summary>
    public bool AnyRead => Lines > NotCounted.Count(n => n.Protocol is null);
}

/// <summary>
/// Reads protocol files (JSON Lines) into a tally: lines are parsed in parallel batches and
/// applied strictly in file order, so the result is the same as applying them one by one.
/// </summary>
public static class ProtocolLoader
{
    /// <summary>Loads <paramref name="files"/> in order; <paramref name="progress"/> gets the bytes read so far.</summary>
    public static (TallyEngine Engine, LoadReport Report) Load(Election election, IReadOnlyList<FileInfo> files, Action<long>? progress = null)
    {
        var engine = new TallyEngine(election);
        var notCounted = ImmutableArray.CreateBuilder<NotCounted>();
        var flagged = ImmutableArray.CreateBuilder<FlaggedLine>();
        int lines = 0, accepted = 0, duplicates = 0;
        foreach (var line in ParsedProtocols.Read(election, files, progress).SelectMany(batch => batch))
        {
            lines++;
            if (line.Result is ProtocolReadResult.Invalid invalid)
            {
                notCounted.Add(line.Unreadable(invalid));
                continue;
            }
            var read = (ProtocolReadResult.Ok)line.Result;
            var protocol = read.Protocol;
            NotCounted Uncounted(string outcome, ImmutableArray<Core.Rules.Violation> violations, ImmutableArray<string> reasons) =>
                new(line.File, line.Line.Number, protocol, outcome, violations, reasons);
            switch (engine.Apply(read.Checked))
            {
                case ApplyOutcome.Accepted a:
                    accepted++;
                    if (!a.Warnings.IsEmpty)
                    {
                        flagged.Add(new FlaggedLine(line.File, line.Line.Number, protocol, a.Warnings));
                    }
                    break;
                case ApplyOutcome.Duplicate:
                    duplicates++;
                    break;
                case ApplyOutcome.Rejected r:
                    notCounted.Add(Uncounted("rejected", r.Violations, []));
                    break;
                case ApplyOutcome.Conflict:
                    notCounted.Add(Uncounted("conflict", [], [Reasons.Conflict]));
                    break;
                case ApplyOutcome.Stale:
                    notCounted.Add(Uncounted("stale", [], [Reasons.Stale]));
                    break;
                default:
                    throw new InvalidOperationException("unknown outcome");
            }
        }
        return (engine, new LoadReport("files", lines, accepted, duplicates, flagged.ToImmutable(), notCounted.ToImmutable()));
    }
}
