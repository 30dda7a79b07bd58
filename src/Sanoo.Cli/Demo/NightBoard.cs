using Sanoo.Cli.Output;
using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;
using Sanoo.Samples.Kyrgyzstan2021;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Sanoo.Cli.Demo;

/// <summary>The terminal's live view of the night: what the server publishes, and what the senders were told.</summary>
public sealed class NightBoard(Election election, NightCounters counters, string site)
{
    /// <summary>How far the night is, from the polls' closing.</summary>
    public TimeSpan Clock { get; set; }

    /// <summary>The snapshot the server publishes now.</summary>
    public Snapshot? Snapshot { get; set; }

    /// <summary>The list contest's tally of a source at the nation, in the current snapshot.</summary>
    public AreaTally? National(string source) =>
        Snapshot?.Tally(new ContestId(Kg2021Definition.ListContest), new SourceId(source), election.Areas[0].Id);

    /// <summary>The live table.</summary>
    public IRenderable Render()
    {
        var grid = new Table().Border(TableBorder.Rounded).Title($"Election night, {Hours(Clock)} after the polls closed · {site}");
        grid.AddColumn("Party");
        grid.AddColumn(new TableColumn("Machine (preliminary)").RightAligned());
        grid.AddColumn(new TableColumn("Hand (official)").RightAligned());
        var list = election.Contest(new ContestId(Kg2021Definition.ListContest))!;
        var machine = National("machine");
        var hand = National("hand");
        grid.AddRow("[dim]stations reporting[/]", Progress(machine), Progress(hand));
        foreach (var (choice, i) in list.Choices.Select((c, i) => (c, i)).OrderByDescending(p => machine?.Votes[p.i] ?? 0).Take(8))
        {
            grid.AddRow(Markup.Escape(choice.Name.In("en")), Share(machine, i), Share(hand, i));
        }
        grid.Caption(
            $"{Format.Count(counters.Sent)} sent · {Format.Count(counters.Rejected)} rejected · {Format.Count(counters.Duplicates)} retries " +
                $"counted once · {Format.Count(counters.Refused)} refused · snapshot {Format.Count(Snapshot?.Position ?? 0)} checked");
        return grid;
    }

    /// <summary>One line of progress, for terminals that cannot redraw.</summary>
    public string Line() =>
        $"  {Hours(Clock)} after the polls closed: machine {Format.Count(National("machine")?.StationsReporting ?? 0)}, " +
            $"hand {Format.Count(National("hand")?.StationsReporting ?? 0)} of {Format.Count(election.StationCount)} " +
            $"stations; {Format.Count(counters.Sent)} sent, {Format.Count(counters.Rejected)} rejected, {Format.Count(counters.Duplicates)} " +
            "retries counted once";

    /// <summary>Hours and minutes since the polls closed, past 24 hours too (e.g. 31:05).</summary>
    public static string Hours(TimeSpan time) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture, $"{(int)time.TotalHours:D2}:{time.Minutes:D2}");

    private static string Progress(AreaTally? t) => t is null
        ? "–"
        : $"{Format.Count(t.StationsReporting)} ({Format.Progress(t.StationsReporting, t.StationsExpected)})";

    private static string Share(AreaTally? t, int i) => t is null ? "–" : Format.Percent(t.Votes[i], t.Participation);
}
