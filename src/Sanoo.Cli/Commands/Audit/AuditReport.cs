using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Sanoo.Core.Audits;
using Spectre.Console;

namespace Sanoo.Cli.Commands.Audit;

/// <summary>What the audit stands at: its plan, its assertions and margins, and each round's stations, recounts, risk and decision.</summary>
/// <param name="Book">The audit's records.</param>
/// <param name="Comparison">The reported count's comparison.</param>
/// <param name="Course">The rounds recomputed from the records.</param>
internal sealed record AuditReport(AuditBook Book, BatchComparison Comparison, ImmutableArray<AuditRound> Course)
{
    /// <summary>The report of an audit with a plan.</summary>
    public static AuditReport Of(AuditBook book, BatchComparison comparison) => new(book, comparison, book.Course(comparison));

    /// <summary>The audit's state in a word: <c>confirmed</c>, <c>full-count</c> or <c>recounting</c>.</summary>
    public string State => Course[^1].Decision is { } decision && decision != AuditDecision.NextRound ? AuditBook.Word(decision) : "recounting";

    /// <summary>Prints the report for a person.</summary>
    public void Print(IAnsiConsole console)
    {
        var plan = Book.Plan!;
        console.MarkupLine(Markup.Escape(
            $"Audit of the {plan.Source} count of {string.Join(", ", plan.Contests)} at log position {plan.LogSize}: risk limit {plan.RiskLimit}, "
            + $"seed {plan.Seed}."));
        var assertions = new Table().AddColumns("Assertion", "Margin (score units)");
        for (var a = 0; a < Comparison.Assertions.Length; a++)
        {
            assertions.AddRow(Markup.Escape(Comparison.Assertions[a].ToString()), AuditCommand.N(Comparison.Margins[a]));
        }
        console.Write(assertions);
        console.MarkupLine(Markup.Escape(
            $"Stations: {Comparison.Batches.Length:N0}; total error bound U = "
            + $"{Comparison.TotalErrorBound.ToString("0.###", CultureInfo.InvariantCulture)}."));
        foreach (var round in Course)
        {
            var stations = round.Batches.Select(b => Comparison.Batches[b].Station.Value).ToList();
            var recounted = stations.Count(s => Recounted(s));
            console.MarkupLine(Markup.Escape(
                $"Round {round.Number}: {round.Draws.Length:N0} draws (from draw {round.FirstDraw}), {stations.Count:N0} stations, "
                + $"{recounted:N0} recounted" + (round.Decision is { } d
                    ? $"; measured risk {AuditBook.RiskText(round.Risk!.Value)}: {AuditBook.Word(d)}."
                    : ".")));
            if (round.Decision is null)
            {
                console.MarkupLineInterpolated($"To recount: {string.Join(", ", stations.Where(s => !Recounted(s)))}");
            }
        }
        console.MarkupLineInterpolated($"[bold]{State switch
        {
            "confirmed" => "The reported outcome is confirmed at the risk limit; the audit stops.",
            "full-count" => "The audit cannot confirm the outcome: every station is to be counted by hand, and the hand count decides.",
            _ => "Waiting for the recounts of the round; then run sanoo audit status.",
        }}[/]");
    }

    /// <summary>The report as JSON: what <c>GET /api/v1/audit</c> answers.</summary>
    public string Json() => JsonSerializer.Serialize(Web.Audits.AuditJson.Of(Book, Comparison), Indented.AuditStatus);

    private static readonly Contracts.WireJson Indented = new(new JsonSerializerOptions(Contracts.WireJson.Default.Options) { WriteIndented = true });

    private bool Recounted(string station) =>
        Comparison.Batches.First(b => b.Station.Value == station).Counts.All(c => Book.Agreed(station, c.Contest.Value) is not null);
}
