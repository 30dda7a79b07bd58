using System.Collections.Immutable;
using System.Globalization;
using Sanoo.Web.Catalogs;

namespace Sanoo.Web.SeatWording;

/// <summary>
/// How one language words seat steps: a composite format per kind of step (numbered arguments,
/// already formatted), the names of methods and threshold bases, and how numbers are written.
/// The phrases come from the language's word catalog (section <c>SeatPhrases</c>); every parameter is required, so a
/// catalog cannot leave a kind of step unworded. Terms follow docs/seats.md ("Words"); the
/// Russian and Kyrgyz method names are proposals awaiting a native speaker's review.
/// </summary>
/// <param name="Code">The language code, as in the election definition (the catalog's, not a word in it).</param>
/// <param name="Numbers">Group separator and decimal mark (ru, ky: non-breaking space and comma); in a catalog, <c>{"Group", "Decimal"}</c>.</param>
/// <param name="PercentFormat">A percentage: {0} the number.</param>
/// <param name="ListSeparator">Between the items of a list.</param>
/// <param name="SeatSeparator">Between the seats of a highest-averages list.</param>
/// <param name="Methods">Each method's name (every <c>SeatMethod.All</c> name).</param>
/// <param name="Participation">Threshold base: all voters who took part.</param>
/// <param name="ValidBallots">Threshold base: valid ballots.</param>
/// <param name="PartyVotes">Threshold base: votes for parties.</param>
/// <param name="VotesListed">Threshold base: every vote listed (a file's rows).</param>
/// <param name="GivenBase">Threshold base: a denominator the caller gave.</param>
/// <param name="Threshold">{0} percent, {1} base, {2} what the base counts, {3} votes needed.</param>
/// <param name="CoalitionThreshold">{0} members, {1} percent, {2} votes needed.</param>
/// <param name="AlternativeEntry">{0} party, {1} district seats won, {2} required.</param>
/// <param name="AllPassed">Every party passed.</param>
/// <param name="BelowThreshold">{0} the list of parties left out.</param>
/// <param name="BelowNational">{0} party, {1} votes.</param>
/// <param name="BelowCoalition">{0} party, {1} votes, {2} members, {3} percent needed.</param>
/// <param name="BelowRegional">{0} party, {1} percent, {2} region.</param>
/// <param name="Quota">{0} method, {1} votes, {2} seats, {3} the quota.</param>
/// <param name="WholeQuotas">{0} the list of shares.</param>
/// <param name="WholeQuotaItem">{0} party, {1} whole quotas, {2} remainder.</param>
/// <param name="QuotaTakeBack">{0} seats taken back.</param>
/// <param name="RemainderSeats">{0} seats, {1} the winners in order.</param>
/// <param name="RemainderSeatsRoundAgain">The same, when the order went round again.</param>
/// <param name="SeatsInOrder">{0} method, {1} the seats.</param>
/// <param name="SeatItem">{0} seat number, {1} party.</param>
/// <param name="CapApplied">{0} party, {1} seats it would win, {2} the cap, {3} seats the others share.</param>
/// <param name="SeatsWon">{0} the list of parties and seats.</param>
/// <param name="CountItem">{0} party or area, {1} seats.</param>
/// <param name="SeatsToRegions">{0} the list of regions and seats.</param>
/// <param name="WholeQuotasInRegions">{0} method, {1} seats by whole quotas, {2} seats left for the second tier.</param>
/// <param name="SecondTier">{0} the list of parties and seats.</param>
/// <param name="SeatsToStates">{0} the list of states and seats.</param>
/// <param name="LevellingMinimums">{0} the list of parties and minimums.</param>
/// <param name="HouseGrows">{0} nominal seats, {1} seats after levelling, {2} seats added.</param>
/// <param name="DistrictSeatsSetAside">{0} seats set aside, {1} seats shared by party vote.</param>
/// <param name="Overhang">{0} party, {1} districts won, {2} its share, {3} overhang seats.</param>
/// <param name="House">{0} nominal seats, {1} overhang seats, {2} the house.</param>
/// <param name="TieForSeat">{0} seat number, {1} the tied parties, {2} lottery order.</param>
/// <param name="TieForRemainders">{0} the tied parties, {1} seats, {2} lottery order.</param>
/// <param name="NothingCounted">A single-member contest with nothing counted.</param>
/// <param name="TieForFirst">{0} the tied candidates, {1} votes each.</param>
/// <param name="AgainstAllLeads">{0} votes for "against all", {1} its lead.</param>
/// <param name="RepeatElection">{0} votes for "against all", {1} its lead over the best candidate.</param>
/// <param name="MajorityReached">{0} candidate, {1} votes, {2} base, {3} what the base counts.</param>
/// <param name="RunoffBetween">{0} base, {1} what it counts, {2} the finalists with their votes.</param>
/// <param name="RunoffPlaceTie">{0} the tied candidates, {1} votes each, {2} runoff places at stake, {3} lottery order.</param>
/// <param name="TurnoutBelowMinimum">{0} the minimum, {1} voters who took part, {2} registered voters, {3} voters needed.</param>
/// <param name="Agreements">{0} the blocs with their votes.</param>
/// <param name="AgreementsVoid">{0} the parties whose agreement is void.</param>
/// <param name="BlocSplit">{0} the bloc, {1} its seats, {2} its members and their seats.</param>
/// <param name="NoWinnerRunoff">{0} the finalists with their votes.</param>
/// <param name="NoWinnerTurnout">{0} the minimum, {1} voters who took part, {2} registered voters.</param>
/// <param name="Heading">The title over the steps on the site.</param>
public sealed record SeatPhrases(
    string Code,
    NumberFormatInfo Numbers,
    string PercentFormat,
    string ListSeparator,
    string SeatSeparator,
    ImmutableDictionary<string, string> Methods,
    string Participation,
    string ValidBallots,
    string PartyVotes,
    string VotesListed,
    string GivenBase,
    string Threshold,
    string CoalitionThreshold,
    string AlternativeEntry,
    string AllPassed,
    string BelowThreshold,
    string BelowNational,
    string BelowCoalition,
    string BelowRegional,
    string Quota,
    string WholeQuotas,
    string WholeQuotaItem,
    string QuotaTakeBack,
    string RemainderSeats,
    string RemainderSeatsRoundAgain,
    string SeatsInOrder,
    string SeatItem,
    string CapApplied,
    string SeatsWon,
    string CountItem,
    string SeatsToRegions,
    string WholeQuotasInRegions,
    string SecondTier,
    string SeatsToStates,
    string LevellingMinimums,
    string HouseGrows,
    string DistrictSeatsSetAside,
    string Overhang,
    string House,
    string TieForSeat,
    string TieForRemainders,
    string NothingCounted,
    string TieForFirst,
    string AgainstAllLeads,
    string RepeatElection,
    string MajorityReached,
    string RunoffBetween,
    string RunoffPlaceTie,
    string TurnoutBelowMinimum,
    string Agreements,
    string AgreementsVoid,
    string BlocSplit,
    string NoWinnerRunoff,
    string NoWinnerTurnout,
    string Heading)
{
    /// <summary>The phrases for <paramref name="language"/>, from its catalog (<see cref="WordCatalogs"/>).</summary>
    public static SeatPhrases For(string language) => WordCatalogs.For<SeatPhrases>(language);

    /// <summary>Every language with its own phrases: one for each word catalog.</summary>
    public static ImmutableArray<SeatPhrases> All => [.. WordCatalogs.Languages.Select(For)];

    /// <summary>Fills <paramref name="format"/> with <paramref name="args"/>, numbers written as the language writes them.</summary>
    public string Format(string format, params object[] args) => string.Format(Numbers, format, args);

    /// <summary>A whole number, grouped (1,293,946 or 1 293 946).</summary>
    public string Count(long value) => value.ToString("N0", Numbers);

    /// <summary>A decimal with exactly <paramref name="decimals"/> decimals, grouped.</summary>
    public string Decimal(decimal value, int decimals) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Numbers);

    /// <summary>A percentage as the law states it, without trailing zeros added (5%, 0,5 %).</summary>
    public string Percent(decimal value) => Format(PercentFormat, value.ToString(Numbers));

    /// <summary>Items joined by <see cref="ListSeparator"/>.</summary>
    public string List<T>(IEnumerable<T> items) => string.Join(ListSeparator, items);
}
