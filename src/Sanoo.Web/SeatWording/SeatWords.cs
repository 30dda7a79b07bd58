using System.Collections.Immutable;
using Sanoo.Core.Seats;

namespace Sanoo.Web.SeatWording;

/// <summary>
/// Words seat steps, lottery ties and single-member outcomes in one language: the one place where
/// Core's <see cref="SeatStep"/>, <see cref="SeatTie"/> and <see cref="SingleMemberResult.NoWinner"/>
/// become sentences, for the API, the site and the CLI alike. Votes are grouped as the language
/// writes them, quotas and remainders show 4 decimals, the votes a threshold takes 2.
/// </summary>
public static class SeatWords
{
    /// <summary>Every step in <paramref name="language"/>.</summary>
    public static ImmutableArray<string> Steps(IEnumerable<SeatStep> steps, string language)
    {
        var phrases = SeatPhrases.For(language);
        return [.. steps.Select(s => Step(s, phrases))];
    }

    /// <summary>Every tie in <paramref name="language"/>.</summary>
    public static ImmutableArray<string> Ties(IEnumerable<SeatTie> ties, string language)
    {
        var phrases = SeatPhrases.For(language);
        return [.. ties.Select(t => Tie(t, phrases))];
    }

    /// <summary>One step.</summary>
    public static string Step(SeatStep step, SeatPhrases p) => step switch
    {
        SeatStep.Threshold t => p.Format(p.Threshold, p.Percent(t.Percent), p.Count(t.Base), Basis(t.Basis, p), p.Decimal(t.Votes, 2)),
        SeatStep.CoalitionThreshold c => p.Format(p.CoalitionThreshold, c.MinMembers, p.Percent(c.Percent), p.Decimal(c.Votes, 2)),
        SeatStep.AlternativeEntry a => p.Format(p.AlternativeEntry, a.Party, a.DistrictSeats, a.Required),
        SeatStep.AllPassed => p.AllPassed,
        SeatStep.BelowThreshold b => p.Format(p.BelowThreshold, p.List(b.Excluded.Select(e => Exclusion(e, p)))),
        SeatStep.Quota q => p.Format(p.Quota, Method(q.Method, p), p.Count(q.Votes), q.Seats, p.Decimal(q.Value.ToDecimal(), 4)),
        SeatStep.WholeQuotas w => p.Format(p.WholeQuotas,
            p.List(w.Shares.Select(s => p.Format(p.WholeQuotaItem, s.Party, s.Seats, p.Decimal(s.Remainder.ToDecimal(), 4))))),
        SeatStep.QuotaTakeBack t => p.Format(p.QuotaTakeBack, t.Seats),
        SeatStep.RemainderSeats r => p.Format(r.RoundAgain ? p.RemainderSeatsRoundAgain : p.RemainderSeats, r.Seats, p.List(r.Winners)),
        SeatStep.SeatsInOrder o => p.Format(p.SeatsInOrder, Method(o.Method, p),
            string.Join(p.SeatSeparator, o.Seats.Select(s => p.Format(p.SeatItem, s.Number, s.Party)))),
        SeatStep.CapApplied c => p.Format(p.CapApplied, c.Party, c.WouldWin, c.Cap, c.Remaining),
        SeatStep.SeatsWon w => p.Format(p.SeatsWon, Counts(w.Parties, p)),
        SeatStep.SeatsToRegions r => p.Format(p.SeatsToRegions, Counts(r.Regions, p)),
        SeatStep.WholeQuotasInRegions w => p.Format(p.WholeQuotasInRegions, Method(w.Method, p), w.Seats, w.Leftover),
        SeatStep.SecondTier s => p.Format(p.SecondTier, Counts(s.Parties, p)),
        SeatStep.SeatsToStates s => p.Format(p.SeatsToStates, Counts(s.States, p)),
        SeatStep.LevellingMinimums m => p.Format(p.LevellingMinimums, Counts(m.Parties, p)),
        SeatStep.HouseGrows h => p.Format(p.HouseGrows, h.From, h.To, h.To - h.From),
        SeatStep.DistrictSeatsSetAside d => p.Format(p.DistrictSeatsSetAside, d.SetAside, d.Shared),
        SeatStep.Overhang o => p.Format(p.Overhang, o.Party, o.DistrictSeats, o.Share, o.Extra),
        SeatStep.House h => p.Format(p.House, h.Nominal, h.OverhangSeats, h.Nominal + h.OverhangSeats),
        SeatStep.RepeatElection r => p.Format(p.RepeatElection, p.Count(r.Votes), p.Count(r.Margin)),
        SeatStep.MajorityReached m => p.Format(p.MajorityReached, m.Winner, p.Count(m.Votes), p.Count(m.Base), Basis(m.Basis, p)),
        SeatStep.RunoffBetween r => p.Format(p.RunoffBetween, p.Count(r.Base), Basis(r.Basis, p),
            p.List(r.Finalists.Select((f, i) => p.Format(p.CountItem, f, p.Count(r.Votes[i]))))),
        SeatStep.RunoffPlaceTie t => p.Format(p.RunoffPlaceTie, p.List(t.Tied), p.Count(t.Votes), t.Places, p.List(t.Lottery)),
        SeatStep.TurnoutBelowMinimum t => p.Format(p.TurnoutBelowMinimum,
            p.Percent(t.Percent), p.Count(t.Participation), p.Count(t.Registered), p.Decimal(t.Needed, 2)),
        SeatStep.Agreements a => Agreements(a, p),
        SeatStep.BlocSplit b => p.Format(p.BlocSplit, b.Bloc, b.Seats, Counts(b.Parties, p)),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "a seat step SeatWords does not know"),
    };

    /// <summary>One tie.</summary>
    public static string Tie(SeatTie tie, SeatPhrases p) => tie switch
    {
        SeatTie.ForSeat s => p.Format(p.TieForSeat, s.Seat, p.List(s.Tied), p.List(s.Lottery)),
        SeatTie.ForRemainders r => p.Format(p.TieForRemainders, p.List(r.Tied), r.Seats, p.List(r.Lottery)),
        _ => throw new ArgumentOutOfRangeException(nameof(tie), tie, "a tie SeatWords does not know"),
    };

    /// <summary>Why a single-member contest has no winner, in <paramref name="language"/>, naming candidates in it too.</summary>
    public static string NoWinner(SingleMemberResult.NoWinner none, string language)
    {
        var p = SeatPhrases.For(language);
        return none switch
        {
            SingleMemberResult.NoWinner.NothingCounted => p.NothingCounted,
            SingleMemberResult.NoWinner.Tie t => p.Format(p.TieForFirst, p.List(t.Leaders.Select(l => l.Name.In(language))), p.Count(t.Votes)),
            SingleMemberResult.NoWinner.AgainstAllLeads a => p.Format(p.AgainstAllLeads, p.Count(a.Votes), p.Count(a.Margin)),
            SingleMemberResult.NoWinner.RunoffRequired r => p.Format(p.NoWinnerRunoff,
                p.List(r.Finalists.Select((f, i) => p.Format(p.CountItem, f.Name.In(language), p.Count(r.Votes[i]))))),
            SingleMemberResult.NoWinner.TurnoutTooLow t =>
                p.Format(p.NoWinnerTurnout, p.Percent(t.Percent), p.Count(t.Participation), p.Count(t.Registered)),
            _ => throw new ArgumentOutOfRangeException(nameof(none), none, "a no-winner reason SeatWords does not know"),
        };
    }

    /// <summary>The blocs in force and, if any, the agreements made void.</summary>
    private static string Agreements(SeatStep.Agreements a, SeatPhrases p)
    {
        var blocs = p.Format(p.Agreements, p.List(a.Blocs.Select(b => p.Format(p.CountItem, string.Join(" + ", b.Members), p.Count(b.Votes)))));
        return a.Void.IsEmpty ? blocs : $"{blocs} {p.Format(p.AgreementsVoid, p.List(a.Void))}";
    }

    private static string Exclusion(ThresholdExclusion exclusion, SeatPhrases p) => exclusion switch
    {
        ThresholdExclusion.BelowNational { CoalitionMembers: > 1 } n =>
            p.Format(p.BelowCoalition, n.Party, p.Count(n.Votes), n.CoalitionMembers, p.Percent(n.Percent)),
        ThresholdExclusion.BelowNational n => p.Format(p.BelowNational, n.Party, p.Count(n.Votes)),
        ThresholdExclusion.BelowRegional r => p.Format(p.BelowRegional, r.Party, p.Percent(r.Percent), r.Region),
        _ => throw new ArgumentOutOfRangeException(nameof(exclusion), exclusion, "an exclusion SeatWords does not know"),
    };

    private static string Basis(ThresholdBasis basis, SeatPhrases p) => basis switch
    {
        ThresholdBasis.Participation => p.Participation,
        ThresholdBasis.ValidBallots => p.ValidBallots,
        ThresholdBasis.PartyVotes => p.PartyVotes,
        ThresholdBasis.VotesListed => p.VotesListed,
        ThresholdBasis.GivenBase => p.GivenBase,
        _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "a threshold basis SeatWords does not know"),
    };

    /// <summary>A method's name in the language; its id when the language has none for it.</summary>
    private static string Method(string method, SeatPhrases p) => p.Methods.GetValueOrDefault(method, method);

    private static string Counts(IEnumerable<PartyCount> counts, SeatPhrases p) =>
        p.List(counts.Select(c => p.Format(p.CountItem, c.Party, c.Seats)));

    private static string Counts(IEnumerable<AreaCount> counts, SeatPhrases p) =>
        p.List(counts.Select(c => p.Format(p.CountItem, c.Area, c.Seats)));
}
