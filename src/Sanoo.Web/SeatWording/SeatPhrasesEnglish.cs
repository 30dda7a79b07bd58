using System.Collections.Immutable;
using System.Globalization;
using Sanoo.Core.Seats;

namespace Sanoo.Web.SeatWording;

/// <summary>English seat phrases: the wording Sanoo has always printed, which tests and scripts read.</summary>
internal static class SeatPhrasesEnglish
{
    /// <summary>The phrases.</summary>
    public static SeatPhrases Phrases { get; } = new(
        Code: "en",
        Numbers: NumberFormatInfo.InvariantInfo,
        PercentFormat: "{0}%",
        ListSeparator: ", ",
        SeatSeparator: "; ",
        Methods: SeatMethod.All.ToImmutableDictionary(m => m.Name, m => m.Name),
        Participation: "all voters who took part",
        ValidBallots: "valid ballots",
        PartyVotes: "votes for parties",
        VotesListed: "all votes in the file",
        GivenBase: "the base given",
        Threshold: "Threshold: {0} of {1} ({2}) = {3} votes.",
        CoalitionThreshold: "Coalitions of {0} or more parties: {1} = {2} votes.",
        AlternativeEntry: "{0} is below the threshold but takes part: it won {1} district seat(s), at least the {2} required.",
        AllPassed: "Every party passed the threshold.",
        BelowThreshold: "Below the threshold, no seats: {0}.",
        BelowNational: "{0} ({1})",
        BelowCoalition: "{0} ({1}, a coalition of {2} needing {3})",
        BelowRegional: "{0} (under {1} in {2})",
        Quota: "Quota ({0}): {1} votes for {2} seats = {3} votes a seat.",
        WholeQuotas: "Whole quotas: {0}.",
        WholeQuotaItem: "{0} {1} (remainder {2})",
        QuotaTakeBack: "The quota gave {0} seats too many; they are taken back from the smallest remainders.",
        RemainderSeats: "Remainder seats ({0}) to the largest remainders: {1}.",
        RemainderSeatsRoundAgain: "Remainder seats ({0}) to the largest remainders, going round again as there are more seats than lists: {1}.",
        SeatsInOrder: "Seats in order ({0}): {1}.",
        SeatItem: "{0}: {1}",
        CapApplied: "{0} would win {1} seats, over the cap of {2}: it keeps {2} and the other parties share the remaining {3} seats again.",
        SeatsWon: "Seats: {0}.",
        CountItem: "{0} {1}",
        SeatsToRegions: "Seats to regions by Hare largest remainder on all valid votes: {0}.",
        WholeQuotasInRegions: "Inside the regions, whole {0} quotas give {1} seats; {2} go to the second, national tier.",
        SecondTier: "Second tier, Droop largest remainder on the summed remainders: {0}.",
        SeatsToStates: "Seats to states by population: {0}.",
        LevellingMinimums: "Minimum seats (the larger of each state's share and direct seats, summed): {0}.",
        HouseGrows: "The house grows from {0} to {1} seats so that every party's national share covers its minimum "
            + "({2} levelling and overhang seats).",
        DistrictSeatsSetAside: "{0} district seat(s) won by independents or by parties that take no list seats are set aside; "
            + "{1} seats are shared by party vote.",
        Overhang: "{0} won {1} districts but its share is {2}: it keeps them, {3} overhang seat(s).",
        House: "House: {0} + {1} overhang = {2} seats.",
        TieForSeat: "Tie for seat {0} between {1}; lottery order: {2}.",
        TieForRemainders: "Remainder tie between {0} for {1} seat(s); lottery order: {2}.",
        NothingCounted: "no votes counted yet",
        TieForFirst: "tie between {0} with {1} votes each",
        AgainstAllLeads: "\"against all\" leads with {0} votes, {1} ahead: no one is elected and a repeat election is held",
        RepeatElection: "\"Against all\" leads with {0} votes, {1} ahead of the best candidate: no one is elected and a repeat election is held.",
        MajorityReached: "{0} has {1} votes, more than half of {2} ({3}): elected in the first round.",
        RunoffBetween: "No candidate has more than half of {0} ({1}): a runoff between {2}.",
        RunoffPlaceTie: "Tie for {2} runoff place(s) between {0} with {1} votes each; lottery order: {3}.",
        TurnoutBelowMinimum: "Invalid: turnout below {0}. {1} of {2} registered voters took part, {3} were needed; no one is elected and no seats "
            + "are given.",
        Agreements: "Apportionment agreements, each bloc taking seats as one list: {0}.",
        AgreementsVoid: "Agreements void because no partner passed the threshold; standing alone: {0}.",
        BlocSplit: "The {1} seats of {0} are split between its members by the same method: {2}.",
        NoWinnerRunoff: "no candidate has a majority: runoff between {0}",
        NoWinnerTurnout: "turnout below {0} ({1} of {2} registered voters took part): the election is invalid and no one is elected",
        Heading: "How the seats were allocated");
}
