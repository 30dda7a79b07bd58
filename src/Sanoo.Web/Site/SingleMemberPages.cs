using Sanoo.Core.Definitions;
using Sanoo.Core.Seats;
using Sanoo.Core.Tally;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Site;

/// <summary>
/// One single-member contest at a glance, from the count the contest's page takes its winner from.
/// </summary>
/// <param name="Id">The contest's id.</param>
/// <param name="Name">The contest's name (its district).</param>
/// <param name="Href">The page of the contest's area.</param>
/// <param name="Winner">The elected candidate (with their party), else null.</param>
/// <param name="WinnerPartyId">The winner's party, null for an independent or no winner.</param>
/// <param name="RunnerUp">The candidate second in votes (with their party); null when fewer than two have votes.</param>
/// <param name="Margin">The winner's lead over the runner-up, formatted; null without a winner.</param>
/// <param name="NoWinner">Why there is no winner, in words ("Repeat election", or nothing counted yet); null with a winner.</param>
/// <param name="Counted">Stations counted of those expected, formatted, and by which count.</param>
/// <param name="Seats">The contest's seats (one for a single-member district).</param>
public sealed record DistrictRow(
    string Id, string Name, string Href, string? Winner, string? WinnerPartyId, string? RunnerUp, string? Margin, string? NoWinner,
    string Counted, int Seats)
{
    /// <summary>The same outcome in figures, for the page's open data.</summary>
    public required Contracts.DistrictResult Data { get; init; }
}

/// <summary>The page listing every single-member contest of the election.</summary>
public sealed record SingleMemberPage(PageFrame Frame, IReadOnlyList<DistrictRow> Rows);

/// <summary>The parliament as a whole: the party-list seats and the single-member seats together, projected until the count is done.</summary>
/// <param name="Seats">Seats per party (list and districts together), then independents, then the seats not decided yet.</param>
/// <param name="Caption">What the figure shows, in words.</param>
public sealed record Parliament(IReadOnlyList<SeatGroup> Seats, string Caption);

/// <summary>Builds the single-member contests' page and the whole parliament from one snapshot.</summary>
public static class SingleMemberPages
{
    /// <summary>The colour of independents' seats and of seats not decided yet.</summary>
    private const string IndependentColor = Palette.Independent, UndecidedColor = "#c8c8c8";

    /// <summary>Whether the election has any single-member contest (else there is no page and no link to it).</summary>
    public static bool Any(Election election) => election.Contests.Any(c => c.Contest.Kind == ContestKind.SingleMember);

    /// <summary>The page in <paramref name="language"/>; null when the election has no single-member contest.</summary>
    public static SingleMemberPage? Of(Published published, Snapshot snapshot, SiteLanguage language)
    {
        var election = snapshot.Election;
        if (!Any(election))
        {
            return null;
        }
        var nation = election.Areas[0];
        var frame = PageFrames.Of(published, snapshot, nation, language) with
        {
            Title = FoldWords.For(language.Code).SingleMemberDistricts,
            PathAfterLanguage = SitePaths.SingleMember(language.Code)[(language.Code.Length + 1)..],
            Crumbs = [new Link(nation.DisplayName(language.Code), SitePaths.Area(language.Code, nation))],
            Check = PageCheck.Of(published, nation),
        };
        return new SingleMemberPage(frame, Rows(snapshot, language));
    }

    /// <summary>Every single-member contest tallied in the snapshot, in the definition's order.</summary>
    public static IReadOnlyList<DistrictRow> Rows(Snapshot snapshot, SiteLanguage language)
    {
        var election = snapshot.Election;
        var rows = new List<DistrictRow>();
        foreach (var plan in election.Contests.Where(c => c.Contest.Kind == ContestKind.SingleMember))
        {
            if (election.Area(plan.Contest.Area) is { } area && ContestResults.Of(snapshot, plan, area, language) is { } result)
            {
                var tally = snapshot.Tally(plan.Contest.Id, election.Sources[result.Primary].Id, area.Id)!;
                rows.Add(Row(election, plan, area, result, ContestSeats.SingleMember(plan, tally, language.Code), language));
            }
        }
        return rows;
    }

    /// <summary>
    /// The whole parliament: the party-list contest's seats at the root (as <paramref name="list"/> shows them) with the seat of
    /// every single-member contest added to its winner's party (or to independents, or to "not decided yet"); null when the
    /// election has no single-member contest.
    /// </summary>
    public static Parliament? Whole(Snapshot snapshot, ContestResult list, SiteLanguage language)
    {
        var election = snapshot.Election;
        if (!Any(election))
        {
            return null;
        }
        var words = FoldWords.For(language.Code);
        var groups = list.Rows.ToDictionary(r => r.Id, r => new SeatGroup(r.Id, r.Name, r.Color, r.Seats ?? 0));
        var independent = new SeatGroup("independent", words.Independent, IndependentColor, 0);
        var undecided = new SeatGroup("undecided", words.Undecided, UndecidedColor, 0);
        var districts = Rows(snapshot, language);
        foreach (var row in districts)
        {
            if (row.Winner is null)
            {
                undecided = undecided with { Seats = undecided.Seats + row.Seats };
            }
            else if (row.WinnerPartyId is { } party && groups.TryGetValue(party, out var group))
            {
                groups[party] = group with { Seats = group.Seats + row.Seats };
            }
            else
            {
                independent = independent with { Seats = independent.Seats + row.Seats };
            }
        }
        // Contests not tallied yet (no station of theirs in the snapshot) are seats not decided yet too.
        var districtSeats = election.Contests.Where(c => c.Contest.Kind == ContestKind.SingleMember).Sum(c => c.Contest.Seats);
        undecided = undecided with { Seats = undecided.Seats + districtSeats - districts.Sum(d => d.Seats) };
        // So are the list's seats before any is allocated (nothing counted yet).
        var listSeats = election.Contest(new ContestId(list.Id))?.Contest.Seats ?? list.Seats.Sum(s => s.Seats);
        undecided = undecided with { Seats = undecided.Seats + listSeats - list.Seats.Sum(s => s.Seats) };
        IReadOnlyList<SeatGroup> seats =
        [
            .. groups.Values.Where(g => g.Seats > 0).OrderByDescending(g => g.Seats),
            .. new[] { independent, undecided }.Where(g => g.Seats > 0),
        ];
        var caption = string.Format(
            language.Culture, words.WholeParliamentFormat, language.Number(listSeats + districtSeats), language.Number(listSeats),
            language.Number(districtSeats));
        var count = list.Sources[list.Primary];
        return new Parliament(seats, count.Official && count.Reporting == count.Expected ? caption : $"{caption} · {words.Projected}");
    }

    private static DistrictRow Row(
        Election election, ContestPlan plan, Area area, ContestResult result, SingleMemberResult outcome, SiteLanguage language)
    {
        var words = FoldWords.For(language.Code);
        var code = language.Code;
        var p = result.Primary;
        var source = result.Sources[p];
        string WithParty(Choice choice) =>
            choice.Party is { } party && election.Definition.Choices.FirstOrDefault(c => c.Id == party) is { } partyChoice
                ? $"{choice.Name.In(code)} ({partyChoice.Name.In(code)})"
                : choice.Name.In(code);
        var ranked = plan.Choices.Select((choice, i) => (Choice: choice, Votes: result.Rows[i].Votes[p]))
            .Where(c => c.Votes > 0).OrderByDescending(c => c.Votes).ToList();
        var winner = outcome as SingleMemberResult.Elected;
        var runnerUp = winner is null ? ranked.Skip(1).FirstOrDefault() : ranked.FirstOrDefault(c => c.Choice.Id != winner.Winner.Id);
        var counted = string.Format(
            language.Culture, language.Words.ReportingFormat, language.Number(source.Reporting), language.Number(source.Expected),
            language.Percent(source.Expected == 0 ? 0 : Math.Floor(source.Reporting * 1000m / source.Expected) / 10m, 1));
        Contracts.DistrictCandidate? Candidate((Choice Choice, long Votes) c) => c.Choice is null ? null
            : new(c.Choice.Id.Value, c.Choice.Name.In(code), c.Choice.Party?.Value, c.Votes);
        var data = new Contracts.DistrictResult(
            plan.Contest.Id.Value,
            result.Name,
            area.Id.Value,
            SitePaths.Area(code, area),
            source.Id,
            source.Official,
            source.Reporting,
            source.Expected,
            Outcome(outcome),
            winner is null ? null : new(winner.Winner.Id.Value, winner.Winner.Name.In(code), winner.Winner.Party?.Value, winner.Votes),
            Candidate(runnerUp),
            winner?.Margin);
        return new DistrictRow(
            plan.Contest.Id.Value,
            result.Name,
            SitePaths.Area(code, area),
            winner is null ? null : $"{WithParty(winner.Winner)}: {language.Number(winner.Votes)}",
            winner?.Winner.Party?.Value,
            runnerUp.Choice is null ? null : $"{WithParty(runnerUp.Choice)}: {language.Number(runnerUp.Votes)}",
            winner is null ? null : language.Number(winner.Margin),
            outcome switch
            {
                SingleMemberResult.Elected => null,
                SingleMemberResult.NoWinner.NothingCounted => words.NotCountedYet,
                SingleMemberResult.NoWinner.AgainstAllLeads or SingleMemberResult.NoWinner.Tie => words.RepeatElection,
                SingleMemberResult.NoWinner other => SeatWording.SeatWords.NoWinner(other, code),
                _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
            },
            $"{counted} · {source.Name}",
            plan.Contest.Seats)
        {
            Data = data,
        };
    }

    /// <summary>The outcome's word in the open data (and on the pages, for their own check).</summary>
    internal static string Outcome(SingleMemberResult outcome) => outcome switch
    {
        SingleMemberResult.Elected => "elected",
        SingleMemberResult.NoWinner.NothingCounted => "not-counted",
        SingleMemberResult.NoWinner.Tie => "tie",
        SingleMemberResult.NoWinner.AgainstAllLeads => "against-all-leads",
        SingleMemberResult.NoWinner.RunoffRequired => "runoff-required",
        SingleMemberResult.NoWinner.TurnoutTooLow => "turnout-too-low",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };
}
