using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;
using Sanoo.Testing;
using Sanoo.Web.Publishing;
using Sanoo.Web.Site;

namespace Sanoo.Web.Tests;

public sealed class FoldUnitTests
{
    private static readonly DateOnly ElectionDay = new(2021, 11, 28);
    private static readonly DateTimeOffset Evening = new(2021, 11, 28, 15, 40, 0, TimeSpan.Zero);

    [Fact]
    public void Times_are_stated_in_the_elections_time_zone_as_the_commission_writes_them()
    {
        Assert.Equal("21:40", FoldSummary.LocalTime(Evening, "Asia/Bishkek", ElectionDay));
        Assert.Equal("29.11.2021 01:10", FoldSummary.LocalTime(Evening.AddHours(3.5), "Asia/Bishkek", ElectionDay));
    }

    [Fact]
    public void Without_a_known_time_zone_times_are_in_utc_and_say_so()
    {
        Assert.Equal("15:40 UTC", FoldSummary.LocalTime(Evening, null, ElectionDay));
        Assert.Equal("15:40 UTC", FoldSummary.LocalTime(Evening, "Mars/Olympus_Mons", ElectionDay));
    }

    [Fact]
    public void Every_language_has_every_word_of_the_summary_and_the_districts()
    {
        foreach (var words in new[] { FoldWords.For("en"), FoldWords.For("ru"), FoldWords.For("ky") })
        {
            foreach (var property in typeof(FoldWords).GetProperties().Where(p => p.PropertyType == typeof(string)))
            {
                Assert.False(string.IsNullOrWhiteSpace((string?)property.GetValue(words)), property.Name);
            }
        }
        Assert.NotEqual(FoldWords.For("en").RepeatElection, FoldWords.For("ky").RepeatElection);
        Assert.NotEqual(FoldWords.For("en").RepeatElection, FoldWords.For("ru").RepeatElection);
    }

    [Fact]
    public async Task An_election_without_single_member_contests_has_no_districts_page_and_no_link_to_one()
    {
        var election = new ElectionBuilder().Region("north").District("n1", "north").Station("n1-1", "n1", 1000).Parties(3).Build();
        var (published, snapshot) = Nothing(election);
        Assert.Null(SingleMemberPages.Of(published, snapshot, SiteLanguage.Of("en")));
        var page = AreaPages.Of(published, snapshot, election.Areas[0], SiteLanguage.Of("en"));
        Assert.Null(page.Parliament);
        await using var renderer = new SiteRenderer(TimeSpan.FromSeconds(5));
        Assert.DoesNotContain("/single-member/", await renderer.AreaAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_single_member_contests_the_parliament_counts_every_seat_and_the_districts_page_lists_each_contest()
    {
        var election = ElectionBuilder.Small();
        var (published, snapshot) = Nothing(election);
        var districts = SingleMemberPages.Of(published, snapshot, SiteLanguage.Of("ru"))!;
        var contests = election.Contests.Where(c => c.Contest.Kind == ContestKind.SingleMember).ToList();
        Assert.Equal(contests.Select(c => c.Contest.Id.Value), districts.Rows.Select(r => r.Id));
        Assert.All(districts.Rows, r => Assert.Equal(FoldWords.For("ru").NotCountedYet, r.NoWinner));
        var page = AreaPages.Of(published, snapshot, election.Areas[0], SiteLanguage.Of("ru"));
        // Nothing counted: every seat, list and district, is not decided yet.
        var seats = election.DefaultContest.Contest.Seats + contests.Sum(c => c.Contest.Seats);
        var undecided = Assert.Single(page.Parliament!.Seats);
        Assert.Equal(seats, undecided.Seats);
        await using var renderer = new SiteRenderer(TimeSpan.FromSeconds(5));
        Assert.Contains("/ru/single-member/", await renderer.AreaAsync(page), StringComparison.Ordinal);
    }

    private static (Published Published, Snapshot Snapshot) Nothing(Election election)
    {
        var snapshot = new TallyEngine(election).Freeze();
        return (new Published(snapshot, "W/\"0\"", Evening, null), snapshot);
    }
}
