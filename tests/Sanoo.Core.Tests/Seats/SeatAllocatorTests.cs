using Sanoo.Core.Definitions;
using Sanoo.Core.Seats;

namespace Sanoo.Core.Tests.Seats;

public class SeatAllocatorTests
{
    private static SeatRequest Request(
        string method, int seats, (string Party, long Votes)[] parties, Threshold? threshold = null, long thresholdBase = 0, int? cap = null) =>
        new(seats, [.. parties.Select(p => new PartyVotes(new ChoiceId(p.Party), p.Votes))], SeatMethod.Find(method)!,
            threshold, thresholdBase, cap, "test-seed");

    /// <summary>
    /// Kyrgyzstan 2021: 54 list seats, Hare largest remainder, 5% of all who took part
    /// (1,293,946), at most 27 a party. The official outcome is 15/12/9/7/6/5.
    /// </summary>
    [Fact]
    public void Kyrgyzstan_2021_gives_the_official_seats()
    {
        var allocation = SeatAllocator.Allocate(Request("hare", 54,
            [
                ("ata-jurt", 223_892), ("ishenim", 176_382), ("yntymak", 142_267), ("alliance", 107_859),
                ("butun", 91_111), ("yiman-nuru", 79_557), ("ata-meken", 45_000), ("el-umutu", 57_000),
            ],
            new Threshold(5m, ThresholdBase.Participation), 1_293_946, cap: 27));
        Assert.Equal([15, 12, 9, 7, 6, 5, 0, 0], allocation.Parties.Select(p => p.Seats));
        Assert.False(allocation.Parties.Single(p => p.Party.Value == "el-umutu").PassedThreshold);
        var excluded = Assert.Single(allocation.Steps.OfType<SeatStep.BelowThreshold>()).Excluded;
        Assert.Equal(["ata-meken 45000", "el-umutu 57000"], excluded.Cast<ThresholdExclusion.BelowNational>().Select(e => $"{e.Party} {e.Votes}"));
        Assert.Empty(allocation.Ties);
    }

    [Theory]
    [InlineData("dhondt", new[] { 4, 3, 1, 0 })]
    [InlineData("sainte-lague", new[] { 3, 3, 1, 1 })]
    [InlineData("hare", new[] { 3, 3, 1, 1 })]
    public void Textbook_examples_are_reproduced(string method, int[] expected)
    {
        // 8 seats among votes 100,000 / 80,000 / 30,000 / 20,000 (the Wikipedia D'Hondt example).
        var allocation = SeatAllocator.Allocate(Request(method, 8, [("a", 100_000), ("b", 80_000), ("c", 30_000), ("d", 20_000)]));
        Assert.Equal(expected, allocation.Parties.Select(p => p.Seats));
    }

    [Fact]
    public void The_rounded_Hagenbach_Bischoff_quota_of_the_first_few_votes_of_the_night_is_one_vote_not_nothing()
    {
        // Slovakia's 150 seats when the first station has reported 60 votes: 60 ÷ 151 rounds to 0 (a division by zero before).
        var allocation = SeatAllocator.Allocate(Request("hagenbach-bischoff-rounded", 150, [("a", 40), ("b", 15), ("c", 5)]));
        Assert.Equal(new Fraction(1, 1), Assert.Single(allocation.Steps.OfType<SeatStep.Quota>()).Value);
        // a seat a vote, then the 90 left go round the remainders (all nothing) as with any quota smaller than the seats need
        Assert.Equal([70, 45, 35], allocation.Parties.Select(p => p.Seats));
    }

    [Fact]
    public void A_party_over_the_cap_keeps_the_cap_and_the_others_share_the_rest()
    {
        var allocation = SeatAllocator.Allocate(Request("hare", 10, [("big", 900), ("small", 100)], cap: 6));
        Assert.Equal([6, 4], allocation.Parties.Select(p => p.Seats));
        Assert.Contains(new SeatStep.CapApplied(StepParty.Of(new ChoiceId("big")), 9, 6, 4), allocation.Steps);
    }

    [Fact]
    public void A_tie_is_reported_and_broken_by_the_seeded_lottery_the_same_way_every_time()
    {
        var request = Request("hare", 1, [("a", 500), ("b", 500)]);
        var first = SeatAllocator.Allocate(request);
        Assert.Single(first.Ties);
        Assert.Equal(1, first.Parties.Sum(p => p.Seats));
        Assert.Equal(first.Parties.Select(p => p.Seats), SeatAllocator.Allocate(request).Parties.Select(p => p.Seats));
    }

    [Theory]
    [InlineData("hare")]
    [InlineData("dhondt")]
    public void A_tie_is_broken_by_the_parties_ids_never_by_the_names_a_language_gives_them(string method)
    {
        // Over many seeds, the names in two languages must never change who wins the tie: the lottery hashes ids.
        for (var seed = 0; seed < 64; seed++)
        {
            SeatRequest Named(string a, string b) => new(
                1, [new PartyVotes(new ChoiceId("a"), 500, a), new PartyVotes(new ChoiceId("b"), 500, b)],
                SeatMethod.Find(method)!, null, 0, null, $"s{seed}");
            var english = SeatAllocator.Allocate(Named("Alliance", "Faith"));
            var kyrgyz = SeatAllocator.Allocate(Named("Альянс", "Ишеним"));
            Assert.Equal(english.Parties.Select(p => p.Seats), kyrgyz.Parties.Select(p => p.Seats));
            var winner = english.Parties.Single(p => p.Seats == 1).Party;
            var a = Convert.ToHexString(SeatAllocator.Lottery($"s{seed}", new ChoiceId("a")));
            var b = Convert.ToHexString(SeatAllocator.Lottery($"s{seed}", new ChoiceId("b")));
            Assert.Equal(string.CompareOrdinal(a, b) < 0 ? "a" : "b", winner.Value);
        }
    }

    [Fact]
    public void Seats_always_sum_to_the_total_for_every_method()
    {
        var random = new Random(7);
        foreach (var method in SeatMethod.All)
        {
            for (var round = 0; round < 200; round++)
            {
                var parties = Enumerable.Range(0, random.Next(1, 9)).Select(i => ($"p{i}", (long)random.Next(1, 1_000_000))).ToArray();
                var seats = random.Next(1, 120);
                var allocation = SeatAllocator.Allocate(Request(method.Name, seats, parties));
                Assert.True(seats == allocation.Parties.Sum(p => p.Seats),
                    $"{method.Name}: {seats} seats, got {allocation.Parties.Sum(p => p.Seats)}");
            }
        }
    }
}
