using System.Globalization;
using System.Text.Json.Nodes;
using Sanoo.Core.Seats;

namespace Sanoo.Web.SeatWording;

/// <summary>
/// Seat steps and ties as structured JSON beside their words (docs/api.md, "Seat steps as data"):
/// each an object with a <c>kind</c> and the step's figures, parties as <c>{id, name}</c>, exact
/// fractions as <c>{value, exact}</c> (value rounded to 4 decimals for reading, exact "n/d" for checking).
/// </summary>
public static class SeatStepJson
{
    /// <summary>Every step.</summary>
    public static JsonArray Steps(IEnumerable<SeatStep> steps) => [.. steps.Select(Step)];

    /// <summary>Every tie.</summary>
    public static JsonArray Ties(IEnumerable<SeatTie> ties) => [.. ties.Select(Tie)];

    /// <summary>One step.</summary>
    public static JsonObject Step(SeatStep step) => step switch
    {
        SeatStep.Threshold t => Kind("threshold", new()
        {
            ["percent"] = t.Percent, ["base"] = t.Base, ["basis"] = Camel(t.Basis.ToString()), ["votes"] = t.Votes,
        }),
        SeatStep.CoalitionThreshold c => Kind("coalitionThreshold", new()
        {
            ["minMembers"] = c.MinMembers, ["percent"] = c.Percent, ["votes"] = c.Votes,
        }),
        SeatStep.AlternativeEntry a => Kind("alternativeEntry", new()
        {
            ["party"] = Party(a.Party), ["districtSeats"] = a.DistrictSeats, ["required"] = a.Required,
        }),
        SeatStep.AllPassed => Kind("allPassed", []),
        SeatStep.BelowThreshold b => Kind("belowThreshold", new() { ["excluded"] = new JsonArray([.. b.Excluded.Select(Exclusion)]) }),
        SeatStep.Quota q => Kind("quota", new() { ["method"] = q.Method, ["votes"] = q.Votes, ["seats"] = q.Seats, ["quota"] = Exact(q.Value) }),
        SeatStep.WholeQuotas w => Kind("wholeQuotas", new()
        {
            ["shares"] = new JsonArray([.. w.Shares.Select(s => new JsonObject
            {
                ["party"] = Party(s.Party), ["seats"] = s.Seats, ["remainder"] = Exact(s.Remainder),
            })]),
        }),
        SeatStep.QuotaTakeBack t => Kind("quotaTakeBack", new() { ["seats"] = t.Seats }),
        SeatStep.RemainderSeats r => Kind("remainderSeats", new()
        {
            ["seats"] = r.Seats, ["roundAgain"] = r.RoundAgain, ["winners"] = Parties(r.Winners),
        }),
        SeatStep.SeatsInOrder o => Kind("seatsInOrder", new()
        {
            ["method"] = o.Method,
            ["seats"] = new JsonArray([.. o.Seats.Select(s => new JsonObject
            {
                ["seat"] = s.Number, ["party"] = Party(s.Party), ["quotient"] = Exact(s.Quotient),
            })]),
        }),
        SeatStep.CapApplied c => Kind("capApplied", new()
        {
            ["party"] = Party(c.Party), ["wouldWin"] = c.WouldWin, ["cap"] = c.Cap, ["remaining"] = c.Remaining,
        }),
        SeatStep.SeatsWon w => Kind("seatsWon", new() { ["parties"] = Counts(w.Parties) }),
        SeatStep.SeatsToRegions r => Kind("seatsToRegions", new() { ["regions"] = Counts(r.Regions) }),
        SeatStep.WholeQuotasInRegions w => Kind("wholeQuotasInRegions", new()
        {
            ["method"] = w.Method, ["seats"] = w.Seats, ["leftover"] = w.Leftover,
        }),
        SeatStep.SecondTier s => Kind("secondTier", new() { ["parties"] = Counts(s.Parties) }),
        SeatStep.SeatsToStates s => Kind("seatsToStates", new() { ["states"] = Counts(s.States) }),
        SeatStep.LevellingMinimums m => Kind("levellingMinimums", new() { ["parties"] = Counts(m.Parties) }),
        SeatStep.HouseGrows h => Kind("houseGrows", new() { ["from"] = h.From, ["to"] = h.To }),
        SeatStep.DistrictSeatsSetAside d => Kind("districtSeatsSetAside", new() { ["setAside"] = d.SetAside, ["shared"] = d.Shared }),
        SeatStep.Overhang o => Kind("overhang", new()
        {
            ["party"] = Party(o.Party), ["districtSeats"] = o.DistrictSeats, ["share"] = o.Share, ["extra"] = o.Extra,
        }),
        SeatStep.House h => Kind("house", new() { ["nominal"] = h.Nominal, ["overhang"] = h.OverhangSeats }),
        SeatStep.RepeatElection r => Kind("repeatElection", new() { ["votes"] = r.Votes, ["margin"] = r.Margin }),
        SeatStep.MajorityReached m => Kind("majorityReached", new()
        {
            ["winner"] = Party(m.Winner), ["votes"] = m.Votes, ["base"] = m.Base, ["basis"] = Camel(m.Basis.ToString()),
        }),
        SeatStep.RunoffBetween r => Kind("runoffBetween", new()
        {
            ["finalists"] = new JsonArray([.. r.Finalists.Select((f, i) => new JsonObject { ["candidate"] = Party(f), ["votes"] = r.Votes[i] })]),
            ["base"] = r.Base,
            ["basis"] = Camel(r.Basis.ToString()),
        }),
        SeatStep.RunoffPlaceTie t => Kind("runoffPlaceTie", new()
        {
            ["votes"] = t.Votes, ["places"] = t.Places, ["tied"] = Parties(t.Tied), ["lottery"] = Parties(t.Lottery), ["seed"] = t.Seed,
        }),
        SeatStep.TurnoutBelowMinimum t => Kind("turnoutBelowMinimum", new()
        {
            ["percent"] = t.Percent, ["participation"] = t.Participation, ["registered"] = t.Registered, ["needed"] = t.Needed,
        }),
        SeatStep.Agreements a => Kind("agreements", new()
        {
            ["blocs"] = new JsonArray([.. a.Blocs.Select(b => new JsonObject { ["members"] = Parties(b.Members), ["votes"] = b.Votes })]),
            ["void"] = Parties(a.Void),
        }),
        SeatStep.BlocSplit b => Kind("blocSplit", new() { ["bloc"] = Party(b.Bloc), ["seats"] = b.Seats, ["parties"] = Counts(b.Parties) }),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "a seat step SeatStepJson does not know"),
    };

    /// <summary>One tie.</summary>
    public static JsonObject Tie(SeatTie tie) => tie switch
    {
        SeatTie.ForSeat s => Kind("seat", new()
        {
            ["seat"] = s.Seat, ["tied"] = Parties(s.Tied), ["lottery"] = Parties(s.Lottery), ["seed"] = s.Seed,
        }),
        SeatTie.ForRemainders r => Kind("remainders", new()
        {
            ["seats"] = r.Seats, ["tied"] = Parties(r.Tied), ["lottery"] = Parties(r.Lottery), ["seed"] = r.Seed,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(tie), tie, "a tie SeatStepJson does not know"),
    };

    /// <summary>The figures with their <c>kind</c> first.</summary>
    private static JsonObject Kind(string kind, JsonObject figures)
    {
        figures.Insert(0, "kind", kind);
        return figures;
    }

    private static JsonObject Exclusion(ThresholdExclusion exclusion) => exclusion switch
    {
        ThresholdExclusion.BelowNational n => new()
        {
            ["party"] = Party(n.Party), ["votes"] = n.Votes, ["coalitionMembers"] = n.CoalitionMembers, ["percent"] = n.Percent,
        },
        ThresholdExclusion.BelowRegional r => new() { ["party"] = Party(r.Party), ["percent"] = r.Percent, ["region"] = r.Region },
        _ => throw new ArgumentOutOfRangeException(nameof(exclusion), exclusion, "an exclusion SeatStepJson does not know"),
    };

    private static JsonObject Party(StepParty party) => new() { ["id"] = party.Id.Value, ["name"] = party.Name };

    private static JsonArray Parties(IEnumerable<StepParty> parties) => [.. parties.Select(Party)];

    private static JsonArray Counts(IEnumerable<PartyCount> counts) =>
        [.. counts.Select(c => new JsonObject { ["party"] = Party(c.Party), ["seats"] = c.Seats })];

    private static JsonArray Counts(IEnumerable<AreaCount> counts) =>
        [.. counts.Select(c => new JsonObject { ["area"] = c.Area, ["seats"] = c.Seats })];

    private static JsonObject Exact(Fraction f) => new()
    {
        ["value"] = f.IsInfinite ? null : Math.Round(f.ToDecimal(), 4),
        ["exact"] = f.IsInfinite ? "1/0" : string.Create(CultureInfo.InvariantCulture, $"{f.Numerator}/{f.Denominator}"),
    };

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
