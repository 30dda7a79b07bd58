using System.Collections.Immutable;

namespace Sanoo.Core.Seats;

/// <summary>
/// One step of a seat allocation, as data: the figures a voter needs to follow and recheck it. A
/// closed set; Sanoo.Web's SeatWording words each kind in every site language, and a test holds that
/// every kind is worded in every language. Names are the ones the allocation was given; numbers are
/// exact (votes, seats) or exact fractions (quotas, remainders, quotients).
/// </summary>
public abstract record SeatStep
{
    private SeatStep()
    {
    }

    /// <summary>The national threshold: <paramref name="Percent"/>% of <paramref name="Base"/> is <paramref name="Votes"/>.</summary>
    /// <param name="Percent">The threshold, in percent.</param>
    /// <param name="Base">Its denominator.</param>
    /// <param name="Basis">What the denominator counts.</param>
    /// <param name="Votes">The votes it takes: percent × base ÷ 100, exact.</param>
    public sealed record Threshold(decimal Percent, long Base, ThresholdBasis Basis, decimal Votes) : SeatStep;

    /// <summary>A higher threshold for lists of at least <paramref name="MinMembers"/> parties, of the same base.</summary>
    /// <param name="MinMembers">Lists of this many parties or more.</param>
    /// <param name="Percent">Their threshold, in percent.</param>
    /// <param name="Votes">The votes it takes, exact.</param>
    public sealed record CoalitionThreshold(int MinMembers, decimal Percent, decimal Votes) : SeatStep;

    /// <summary>A party below the threshold takes part because it won enough district seats.</summary>
    /// <param name="Party">The party.</param>
    /// <param name="DistrictSeats">District seats it won.</param>
    /// <param name="Required">District seats the law requires.</param>
    public sealed record AlternativeEntry(StepParty Party, int DistrictSeats, int Required) : SeatStep;

    /// <summary>Every party passed the thresholds.</summary>
    public sealed record AllPassed : SeatStep;

    /// <summary>The parties the thresholds left out; they take no seats. Never empty.</summary>
    /// <param name="Excluded">Each party left out and why, in the request's order.</param>
    public sealed record BelowThreshold(ImmutableArray<ThresholdExclusion> Excluded) : SeatStep;

    /// <summary>A largest-remainder quota: <paramref name="Votes"/> for <paramref name="Seats"/> by the method's formula.</summary>
    /// <param name="Method">The method's name (see <see cref="SeatMethod"/>), which fixes the formula.</param>
    /// <param name="Votes">The votes of the parties taking part.</param>
    /// <param name="Seats">The seats to fill.</param>
    /// <param name="Value">The quota, in votes a seat, exact.</param>
    public sealed record Quota(string Method, long Votes, int Seats, Fraction Value) : SeatStep;

    /// <summary>Each party's whole quotas and remainder.</summary>
    /// <param name="Shares">In the order parties take part.</param>
    public sealed record WholeQuotas(ImmutableArray<QuotaShare> Shares) : SeatStep;

    /// <summary>A quota smaller than Hare's gave more seats than there are; these were taken back from the smallest remainders.</summary>
    /// <param name="Seats">Seats taken back.</param>
    public sealed record QuotaTakeBack(int Seats) : SeatStep;

    /// <summary>The seats left after whole quotas, one each to the largest remainders.</summary>
    /// <param name="Seats">Seats given this way.</param>
    /// <param name="RoundAgain">Whether there were more such seats than lists, so the order went round again.</param>
    /// <param name="Winners">Who got each, in order (a party twice when the order went round again).</param>
    public sealed record RemainderSeats(int Seats, bool RoundAgain, ImmutableArray<StepParty> Winners) : SeatStep;

    /// <summary>A highest-averages allocation, seat by seat.</summary>
    /// <param name="Method">The method's name, which fixes the divisor series.</param>
    /// <param name="Seats">Every seat with its winner and winning quotient.</param>
    public sealed record SeatsInOrder(string Method, ImmutableArray<AwardedSeat> Seats) : SeatStep;

    /// <summary>A party would win more than the cap; it keeps the cap and the others share the rest again.</summary>
    /// <param name="Party">The party.</param>
    /// <param name="WouldWin">Seats the method gave it.</param>
    /// <param name="Cap">The most one party may hold.</param>
    /// <param name="Remaining">Seats the other parties now share.</param>
    public sealed record CapApplied(StepParty Party, int WouldWin, int Cap, int Remaining) : SeatStep;

    /// <summary>The outcome: every party that won seats, with its seats.</summary>
    /// <param name="Parties">In the request's order.</param>
    public sealed record SeatsWon(ImmutableArray<PartyCount> Parties) : SeatStep;

    /// <summary>Seats to regions by Hare largest remainder on all valid votes cast in each.</summary>
    /// <param name="Regions">Each region's seats.</param>
    public sealed record SeatsToRegions(ImmutableArray<AreaCount> Regions) : SeatStep;

    /// <summary>Inside the regions, whole quotas of <paramref name="Method"/>; the seats left over go to a national tier.</summary>
    /// <param name="Method">The quota method used in the regions.</param>
    /// <param name="Seats">Seats given by whole quotas.</param>
    /// <param name="Leftover">Seats left for the second tier.</param>
    public sealed record WholeQuotasInRegions(string Method, int Seats, int Leftover) : SeatStep;

    /// <summary>The second, national tier: Droop largest remainder on the parties' summed remainders.</summary>
    /// <param name="Parties">Parties that won second-tier seats.</param>
    public sealed record SecondTier(ImmutableArray<PartyCount> Parties) : SeatStep;

    /// <summary>Seats to states by population (Sainte-Laguë), before levelling.</summary>
    /// <param name="States">Each state's seats.</param>
    public sealed record SeatsToStates(ImmutableArray<AreaCount> States) : SeatStep;

    /// <summary>Each party's minimum: the larger of its share and its direct seats in each state, summed.</summary>
    /// <param name="Parties">Parties taking part.</param>
    public sealed record LevellingMinimums(ImmutableArray<PartyCount> Parties) : SeatStep;

    /// <summary>The house grows until every party's national share covers its minimum.</summary>
    /// <param name="From">The nominal seats.</param>
    /// <param name="To">The seats after levelling and overhang.</param>
    public sealed record HouseGrows(int From, int To) : SeatStep;

    /// <summary>District seats won by independents or by parties taking no list seats are set aside.</summary>
    /// <param name="SetAside">Those district seats.</param>
    /// <param name="Shared">Seats shared by party vote.</param>
    public sealed record DistrictSeatsSetAside(int SetAside, int Shared) : SeatStep;

    /// <summary>A party won more districts than its share and keeps them.</summary>
    /// <param name="Party">The party.</param>
    /// <param name="DistrictSeats">Districts it won.</param>
    /// <param name="Share">Its proportional share.</param>
    /// <param name="Extra">Overhang seats: districts beyond its share.</param>
    public sealed record Overhang(StepParty Party, int DistrictSeats, int Share, int Extra) : SeatStep;

    /// <summary>The house: nominal seats plus overhang.</summary>
    /// <param name="Nominal">Seats before overhang.</param>
    /// <param name="OverhangSeats">Overhang seats.</param>
    public sealed record House(int Nominal, int OverhangSeats) : SeatStep;

    /// <summary>"Against all" leads a single-member contest where it blocks election: no one is elected, a repeat election is held.</summary>
    /// <param name="Votes">Votes for "against all".</param>
    /// <param name="Margin">Votes ahead of the best candidate.</param>
    public sealed record RepeatElection(long Votes, long Margin) : SeatStep;

    /// <summary>A candidate has more than half of the base and is elected in the first round.</summary>
    /// <param name="Winner">The candidate.</param>
    /// <param name="Votes">Their votes.</param>
    /// <param name="Base">The base of the majority.</param>
    /// <param name="Basis">What the base counts.</param>
    public sealed record MajorityReached(StepParty Winner, long Votes, long Base, ThresholdBasis Basis) : SeatStep;

    /// <summary>No candidate has more than half of the base: the top two go to a runoff.</summary>
    /// <param name="Finalists">The two candidates (one when only one stood), first the one with more votes.</param>
    /// <param name="Votes">Their votes, in the same order.</param>
    /// <param name="Base">The base of the majority.</param>
    /// <param name="Basis">What the base counts.</param>
    public sealed record RunoffBetween(ImmutableArray<StepParty> Finalists, ImmutableArray<long> Votes, long Base, ThresholdBasis Basis) : SeatStep;

    /// <summary>Candidates tied at the edge of the runoff's two places; the public lottery decided who goes on.</summary>
    /// <param name="Votes">The votes each tied candidate has.</param>
    /// <param name="Places">Runoff places the tied candidates compete for.</param>
    /// <param name="Tied">The tied candidates, in ballot order.</param>
    /// <param name="Lottery">The same in lottery order: the first are served first.</param>
    /// <param name="Seed">The lottery's public seed.</param>
    public sealed record RunoffPlaceTie(long Votes, int Places, ImmutableArray<StepParty> Tied, ImmutableArray<StepParty> Lottery, string Seed)
        : SeatStep;

    /// <summary>Turnout is below the law's minimum: the contest is invalid, no one is elected and no seat is given.</summary>
    /// <param name="Percent">The minimum, in percent of the registered voters.</param>
    /// <param name="Participation">Voters who took part.</param>
    /// <param name="Registered">Voters on the lists of the stations counted.</param>
    /// <param name="Needed">Voters the minimum takes: percent × registered ÷ 100, exact.</param>
    public sealed record TurnoutBelowMinimum(decimal Percent, long Participation, long Registered, decimal Needed) : SeatStep;

    /// <summary>Apportionment agreements: each bloc first takes seats as one list.</summary>
    /// <param name="Blocs">The agreements in force (every member took part), with their summed votes.</param>
    /// <param name="Void">Parties whose agreement is void because no partner took part; they stand alone.</param>
    public sealed record Agreements(ImmutableArray<AgreementBloc> Blocs, ImmutableArray<StepParty> Void) : SeatStep;

    /// <summary>A bloc's seats split among its members by the same method.</summary>
    /// <param name="Bloc">The bloc, named by its members.</param>
    /// <param name="Seats">The bloc's seats.</param>
    /// <param name="Parties">Each member's seats.</param>
    public sealed record BlocSplit(StepParty Bloc, int Seats, ImmutableArray<PartyCount> Parties) : SeatStep;
}

/// <summary>The parties of an apportionment agreement in force and their summed votes.</summary>
/// <param name="Members">The parties, in the request's order; at least two.</param>
/// <param name="Votes">Their votes together.</param>
public sealed record AgreementBloc(ImmutableArray<StepParty> Members, long Votes);
