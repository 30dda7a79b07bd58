using CsCheck;
using Sanoo.Core.Definitions;
using Sanoo.Core.Seats;

namespace Sanoo.Core.Tests.Seats;

/// <summary>Properties every allocation must have, over thousands of random elections.</summary>
public class SeatPropertyTests
{
    private static readonly Gen<long[]> Votes = Gen.Long[1, 2_000_000].Array[1, 12];

    private static SeatRequest Request(string method, int seats, long[] votes, Threshold? threshold = null) =>
        new(seats, [.. votes.Select((v, i) => new PartyVotes(new ChoiceId($"p{i}"), v))], SeatMethod.Find(method)!,
            threshold, votes.Sum(), null, "property");

    private static readonly Gen<string> Method = Gen.Int[0, SeatMethod.All.Length - 1].Select(i => SeatMethod.All[i].Name);

    [Fact]
    public void Seats_always_sum_to_the_seats_filled()
    {
        Gen.Select(Method, Gen.Int[1, 200], Votes).Sample((method, seats, votes) =>
            SeatAllocator.Allocate(Request(method, seats, votes)).Parties.Sum(p => p.Seats) == seats, iter: 3_000);
    }

    [Fact]
    public void A_rounded_up_quota_over_few_votes_still_fills_every_seat()
    {
        // Found by the property above (seed dEGIlvpptrx3): Droop's quota ⌊2,333 ÷ 145⌋ + 1 = 17 gives 137 whole seats of 144,
        // and 7 seats are left for a single list.
        var result = SeatAllocator.Allocate(Request("droop", 144, [2333]));
        Assert.Equal(144, result.Parties.Single().Seats);
        Assert.Equal(150, SeatAllocator.Allocate(Request("droop", 150, [40, 30])).Parties.Sum(p => p.Seats));
    }

    [Fact]
    public void The_result_does_not_depend_on_the_order_of_the_parties()
    {
        Gen.Select(Method, Gen.Int[1, 120], Votes, Gen.Int).Sample((method, seats, votes, seed) =>
        {
            var request = Request(method, seats, votes, new Threshold(3m, ThresholdBase.Valid));
            var shuffled = request.Parties.ToArray();
            new Random(seed).Shuffle(shuffled);
            var straight = SeatAllocator.Allocate(request).Parties.ToDictionary(p => p.Party, p => p.Seats);
            var mixed = SeatAllocator.Allocate(request with { Parties = [.. shuffled] }).Parties.ToDictionary(p => p.Party, p => p.Seats);
            Assert.Equal(straight.OrderBy(p => p.Key.Value), mixed.OrderBy(p => p.Key.Value));
        }, iter: 2_000);
    }

    [Theory]
    [InlineData("dhondt")]
    [InlineData("sainte-lague")]
    [InlineData("modified-sainte-lague")]
    public void Divisor_methods_are_house_monotone(string method)
    {
        Gen.Select(Gen.Int[1, 150], Votes).Sample((seats, votes) =>
        {
            var smaller = SeatAllocator.Allocate(Request(method, seats, votes)).Parties;
            var larger = SeatAllocator.Allocate(Request(method, seats + 1, votes)).Parties;
            Assert.All(smaller.Zip(larger), pair =>
                Assert.True(pair.Second.Seats >= pair.First.Seats, $"{pair.First.Party} lost a seat when the house grew"));
        }, iter: 1_500);
    }

    [Fact]
    public void Hare_shows_the_Alabama_paradox_as_the_method_does()
    {
        long[] votes = [1500, 1500, 900, 500, 500, 200];
        var at25 = SeatAllocator.Allocate(Request("hare", 25, votes)).Parties.Select(p => p.Seats);
        var at26 = SeatAllocator.Allocate(Request("hare", 26, votes)).Parties.Select(p => p.Seats);
        Assert.Equal([7, 7, 4, 3, 3, 1], at25);
        Assert.Equal([8, 8, 5, 2, 2, 1], at26); // one more seat, and D and E each lose one
    }

    [Fact]
    public void A_mixed_member_house_is_the_nominal_size_plus_its_overhang()
    {
        Gen.Select(Votes, Gen.Int[0, 30].Array[1, 12], Gen.Int[20, 150]).Sample((votes, districts, seats) =>
        {
            var request = Request("sainte-lague", seats, votes, new Threshold(5m, ThresholdBase.Valid)) with { AlternativeDistrictSeats = 1 };
            request = request with
            {
                Parties = [.. request.Parties.Select((p, i) =>
                    p with { DistrictSeats = i < districts.Length ? Math.Min(districts[i], seats / 4) : 0 })],
            };
            if (request.Parties.Sum(p => p.DistrictSeats) > seats)
            {
                return;
            }
            var result = MixedMember.Allocate(request);
            Assert.Equal(result.HouseSize, result.Parties.Sum(p => p.Total));
            Assert.Equal(seats + result.Parties.Sum(p => p.Overhang), result.HouseSize);
            Assert.All(result.Parties, p => Assert.True(p.Total >= p.DistrictSeats));
        }, iter: 1_000);
    }
}
