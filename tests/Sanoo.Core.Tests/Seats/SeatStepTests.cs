using Sanoo.Core.Definitions;
using Sanoo.Core.Seats;

namespace Sanoo.Core.Tests.Seats;

/// <summary>Seat steps are data: each carries the figures a voter needs to recheck the allocation.</summary>
public class SeatStepTests
{
    private static readonly (string Name, long Votes)[] Kyrgyzstan2021 =
    [
        ("Ata-Jurt Kyrgyzstan", 223_892), ("Ishenim", 176_382), ("Yntymak", 142_267), ("Alliance", 107_859),
        ("Butun Kyrgyzstan", 91_111), ("Yiman Nuru", 79_557), ("El Umutu", 58_294),
    ];

    private static StepParty Party(int i) => new(new ChoiceId($"p{i}"), Kyrgyzstan2021[i].Name);

    /// <summary>The 2021 party list: Hare over 54 seats, 5% of the 1,293,946 who took part, at most 27 a party.</summary>
    private static SeatAllocation Kyrgyz() => SeatAllocator.Allocate(new SeatRequest(
        54,
        [.. Kyrgyzstan2021.Select((p, i) => new PartyVotes(new ChoiceId($"p{i}"), p.Votes, p.Name))],
        SeatMethod.Find("hare")!,
        new Threshold(5m, ThresholdBase.Participation),
        1_293_946,
        27,
        "kg-2021/list"));

    [Fact]
    public void The_Kyrgyz_2021_steps_carry_the_threshold_the_quota_every_remainder_and_the_seats_15_12_9_7_6_5()
    {
        var steps = Kyrgyz().Steps;
        const long Taking = 223_892 + 176_382 + 142_267 + 107_859 + 91_111 + 79_557;
        Assert.Equal(821_068, Taking);
        int[] whole = [14, 11, 9, 7, 5, 5];
        Assert.Collection(
            steps,
            s => Assert.Equal(new SeatStep.Threshold(5m, 1_293_946, ThresholdBasis.Participation, 64_697.3m), s),
            s => Assert.Equal(
                new ThresholdExclusion.BelowNational(Party(6), 58_294, 1, 5m), Assert.Single(Assert.IsType<SeatStep.BelowThreshold>(s).Excluded)),
            s => Assert.Equal(new SeatStep.Quota("hare", Taking, 54, new Fraction(Taking, 54)), s),
            s =>
            {
                var shares = Assert.IsType<SeatStep.WholeQuotas>(s).Shares;
                Assert.Equal(whole, shares.Select(x => x.Seats));
                Assert.Equal(Enumerable.Range(0, 6).Select(Party), shares.Select(x => x.Party));
                // remainder = votes − whole × quota = (votes × 54 − whole × 821,068) ÷ 54 votes
                Assert.Equal(
                    Enumerable.Range(0, 6).Select(i => new Fraction((Kyrgyzstan2021[i].Votes * 54) - (whole[i] * Taking), 54)),
                    shares.Select(x => x.Remainder));
            },
            s =>
            {
                var remainder = Assert.IsType<SeatStep.RemainderSeats>(s);
                Assert.Equal((3, false), (remainder.Seats, remainder.RoundAgain));
                Assert.Equal<StepParty>([Party(4), Party(0), Party(1)], remainder.Winners);
            },
            s => Assert.Equal([15, 12, 9, 7, 6, 5], Assert.IsType<SeatStep.SeatsWon>(s).Parties.Select(p => p.Seats)));
    }

    [Fact]
    public void A_highest_averages_step_names_every_seat_with_its_exact_winning_quotient()
    {
        var allocation = SeatAllocator.Allocate(new SeatRequest(
            8, [new(new ChoiceId("a"), 100_000), new(new ChoiceId("b"), 80_000), new(new ChoiceId("c"), 30_000), new(new ChoiceId("d"), 20_000)],
            SeatMethod.Find("dhondt")!, null, 0, null, "seed"));
        var seats = Assert.Single(allocation.Steps.OfType<SeatStep.SeatsInOrder>()).Seats;
        Assert.Equal("ababacba".Select(c => c.ToString()), seats.Select(s => s.Party.Name));
        Assert.Equal(Enumerable.Range(1, 8), seats.Select(s => s.Number));
        Assert.Equal(0, seats[4].Quotient.CompareTo(new Fraction(100_000, 3)));
        Assert.Equal(0, seats[7].Quotient.CompareTo(new Fraction(100_000, 4)));
    }

    [Fact]
    public void A_cap_step_says_what_the_party_would_have_won_and_what_the_others_share()
    {
        var allocation = SeatAllocator.Allocate(new SeatRequest(
            10, [new(new ChoiceId("big"), 900), new(new ChoiceId("small"), 100)], SeatMethod.Find("hare")!, null, 0, 6, "seed"));
        var cap = Assert.Single(allocation.Steps.OfType<SeatStep.CapApplied>());
        Assert.Equal(new SeatStep.CapApplied(StepParty.Of(new ChoiceId("big")), 9, 6, 4), cap);
    }

    [Fact]
    public void A_tie_carries_the_tied_parties_the_lottery_order_and_its_seed()
    {
        var allocation = SeatAllocator.Allocate(new SeatRequest(
            1, [new(new ChoiceId("a"), 500), new(new ChoiceId("b"), 500)], SeatMethod.Find("hare")!, null, 0, null, "kg-2021/list"));
        var tie = Assert.IsType<SeatTie.ForRemainders>(Assert.Single(allocation.Ties));
        Assert.Equal(1, tie.Seats);
        Assert.Equal("kg-2021/list", tie.Seed);
        Assert.Equal(["a", "b"], tie.Tied.Select(p => p.Name));
        Assert.Equal(["a", "b"], tie.Lottery.Select(p => p.Name).Order(StringComparer.Ordinal));
        var winner = allocation.Parties.Single(p => p.Seats == 1).Party;
        Assert.Equal(tie.Lottery[0].Id, winner);
    }
}
