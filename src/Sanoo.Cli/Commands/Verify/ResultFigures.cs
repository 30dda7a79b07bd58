using Sanoo.Contracts;
using Sanoo.Core.Definitions;
using Sanoo.Core.Seats;
using Sanoo.Core.Tally;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Holds every figure of a published <see cref="AreaResults"/> beside the votes and stations reporting (which
/// <see cref="PublishedComparison"/> holds to the verifier's own sums) to the tally of the verified protocols at the head: the
/// voters who took part, the valid votes, the flagged protocols, every line of the form, the registered voters covered and in
/// all, the stations expected, each choice's share, the seats (every party, its seats and whether it passed the threshold, in
/// ballot order) and a single-member contest's winner, votes and margin, and the same figures of every area it lists. Words
/// (names, the seat steps, why nobody is elected) are the reader's language and not compared; the data behind them is.
/// </summary>
internal static class ResultFigures
{
    /// <summary>Adds a problem to <paramref name="problems"/> for each figure of <paramref name="published"/> that
    /// <paramref name="verified"/> does not give.</summary>
    public static void Compare(
        string where, AreaResults published, ContestPlan plan, SourceId source, Snapshot verified, List<string> problems)
    {
        void Differs<T>(string what, T shown, T own)
        {
            if (!EqualityComparer<T>.Default.Equals(shown, own))
            {
                problems.Add($"{where}: {what} is published as {shown?.ToString() ?? "none"}, "
                    + $"but the verified protocols give {own?.ToString() ?? "none"}");
            }
        }
        var contest = plan.Contest.Id;
        if (verified.Tally(contest, source, new AreaId(published.Area.Id)) is not { } tally)
        {
            return; // an area the contest is not tallied in: named by the votes' comparison
        }
        Tallied(Differs<object>, "", published.Reporting, published.Participation, published.ValidVotes, tally);
        Differs("flagged", published.Flagged, tally.Flagged);
        for (var i = 0; i < plan.Form.Lines.Length; i++)
        {
            var line = plan.Form.Lines[i].Id.Value;
            Differs($"line {line}", published.Lines.TryGetValue(line, out var shown) ? shown : (long?)null, tally.Lines[i]);
        }
        Differs("the lines listed", published.Lines.Count, plan.Form.Lines.Length);
        Differs(
            "the choices listed", string.Join(",", published.Choices.Select(c => c.Id)), string.Join(",", plan.Choices.Select(c => c.Id.Value)));
        foreach (var choice in published.Choices)
        {
            if (plan.Choices.FirstOrDefault(c => c.Id.Value == choice.Id) is { } own)
            {
                Differs($"{choice.Id}'s share", choice.SharePercent, tally.SharePercent(plan.Choices.IndexOf(own)));
            }
        }
        foreach (var child in published.Children.Concat(published.Groupings))
        {
            if (verified.Tally(contest, source, new AreaId(child.Id)) is { } own)
            {
                Tallied(Differs<object>, $"its listed area {child.Id}: ", child.Reporting, child.Participation, child.ValidVotes, own);
            }
        }
        var atContestArea = published.Area.Id == plan.Contest.Area.Value;
        var partyList = atContestArea && plan.Contest.Kind == Core.Definitions.ContestKind.PartyList;
        Differs("the seats", published.Seats is null ? "none" : "listed", partyList ? "listed" : "none");
        if (partyList && published.Seats is { } seats)
        {
            var allocation = ContestSeats.PartyList(plan, verified, source);
            Differs("the seats allocated", seats.Total, allocation.Total);
            Differs("the seat method", seats.Method, plan.Contest.SeatRules!.Method);
            Differs(
                "the parties listed",
                string.Join(",", seats.Parties.Select(p => p.Id)),
                string.Join(",", allocation.Parties.Select(p => p.Party.Value)));
            foreach (var party in seats.Parties)
            {
                if (allocation.Parties.FirstOrDefault(p => p.Party.Value == party.Id) is { } own)
                {
                    static string Passed(bool passed) => passed ? "over the threshold" : "under the threshold";
                    Differs($"{party.Id}'s threshold", Passed(party.PassedThreshold), Passed(own.PassedThreshold));
                    Differs($"{party.Id}'s seats", party.Seats, allocation.SeatsOf(own.Party));
                }
            }
        }
        var singleMember = atContestArea && plan.Contest.Kind == Core.Definitions.ContestKind.SingleMember;
        Differs("the outcome", published.Outcome is null ? "none" : "listed", singleMember ? "listed" : "none");
        if (singleMember && published.Outcome is { } outcome)
        {
            var (elected, votes, margin) = ContestSeats.SingleMember(plan, tally) is SingleMemberResult.Elected e
                ? (e.Winner.Id.Value, e.Votes, e.Margin)
                : ((string?)null, (long?)null, (long?)null);
            Differs("the winner", outcome.Elected, elected);
            Differs("the winner's votes", outcome.Votes, votes);
            Differs("the winner's margin", outcome.Margin, margin);
        }
    }

    private static void Tallied(
        Action<string, object, object> differs, string prefix, Reporting reporting, long participation, long validVotes, AreaTally own)
    {
        differs($"{prefix}stations expected", reporting.StationsExpected, own.StationsExpected);
        differs($"{prefix}registered voters covered", reporting.RegisteredCovered, own.RegisteredCovered);
        differs($"{prefix}registered voters", reporting.RegisteredTotal, own.RegisteredTotal);
        differs($"{prefix}participation", participation, own.Participation);
        differs($"{prefix}valid votes", validVotes, own.TotalVotes);
    }
}
