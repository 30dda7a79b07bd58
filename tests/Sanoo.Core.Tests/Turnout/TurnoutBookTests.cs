using Sanoo.Core.Definitions;
using Sanoo.Core.Turnout;
using Sanoo.Testing;

namespace Sanoo.Core.Tests.Turnout;

/// <summary>The turnout book: which reports may be recorded, and an area's sums at each time.</summary>
public class TurnoutBookTests
{
    private static readonly Election Election = ((DefinitionResult.Loaded)DefinitionJson.Load(DefinitionJson.With(d =>
        d["turnoutTimes"] = new System.Text.Json.Nodes.JsonArray("10:00", "14:00", "18:00")))).Election;

    private static TurnoutReport At(string station, string time, long voters) => new(Election.Id, new AreaId(station), time, voters);

    [Fact]
    public void Reports_are_recorded_once_never_fewer_later_never_more_than_the_lists_hold()
    {
        var book = new TurnoutBook(Election);
        Assert.Equal(TurnoutOutcome.Recorded, book.Add(At("s1", "14:00", 300), out _));
        Assert.Equal(TurnoutOutcome.Duplicate, book.Add(At("s1", "14:00", 300), out _));
        Assert.Equal(TurnoutOutcome.Conflict, book.Add(At("s1", "14:00", 301), out _));
        Assert.Equal(TurnoutOutcome.Refused, book.Add(At("s1", "10:00", 301), out var early));
        Assert.Contains("never fewer later in the day", early, StringComparison.Ordinal);
        Assert.Equal(TurnoutOutcome.Refused, book.Add(At("s1", "18:00", 299), out _));
        Assert.Equal(TurnoutOutcome.Recorded, book.Add(At("s1", "18:00", 1000), out _));
        Assert.Equal(TurnoutOutcome.Refused, book.Add(At("s2", "10:00", 813), out var over)); // 800 + 12 on its lists
        Assert.Contains("whose lists hold 812", over, StringComparison.Ordinal);
        Assert.Equal(TurnoutOutcome.Refused, book.Add(At("s1", "12:00", 400), out var time));
        Assert.Contains("not a report time of this election (10:00, 14:00, 18:00)", time, StringComparison.Ordinal);
        Assert.Equal(TurnoutOutcome.Refused, book.Add(At("east", "10:00", 1), out _));
        Assert.Equal(2, book.Count);
        Assert.Equal((2, 1000L), book.Latest(0));
    }

    [Fact]
    public void An_areas_turnout_is_over_the_stations_that_reported()
    {
        var book = new TurnoutBook(Election);
        book.Add(At("s1", "10:00", 100), out _);
        book.Add(At("s2", "10:00", 203), out _);
        book.Add(At("s3", "14:00", 60), out _);
        var land = book.Area(Election.AreaIndex(new AreaId("land")));
        Assert.Equal(new AreaTurnout("10:00", 2, 3, 303, 1812), land[0]);
        Assert.Equal(16.72m, land[0].Percent);
        Assert.Equal(new AreaTurnout("14:00", 1, 3, 60, 300), land[1]);
        Assert.Null(land[2].Percent);
    }

    [Fact]
    public void The_times_are_read_in_the_order_of_the_day()
    {
        var problems = Assert.IsType<DefinitionResult.Invalid>(DefinitionJson.Load(DefinitionJson.With(d =>
            d["turnoutTimes"] = new System.Text.Json.Nodes.JsonArray("10:00", "9:00", "10:00", "25:00")))).Problems;
        Assert.Contains(problems, p => p.Path == "$.turnoutTimes[1]" && p.Message.Contains("HH:mm", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "$.turnoutTimes[2]" && p.Message.Contains("must come after 10:00", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "$.turnoutTimes[3]" && p.Message.Contains("HH:mm", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reports_signed_bytes_name_its_election_format_station_time_and_voters()
    {
        Assert.Equal("""{"election":"tiny-2025","format":"sanoo-turnout/1","station":"s1","time":"10:00","voters":42}""",
            System.Text.Encoding.UTF8.GetString(At("s1", "10:00", 42).Canonical()));
    }
}
