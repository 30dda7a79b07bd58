using Sanoo.Contracts;
using Sanoo.Web.Turnout;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Holds a server's turnout through the day (<c>/api/v1/turnout?area=ID</c> of every area above the stations) to what the verifier
/// re-adds itself: the reports its register replay held to the day's earlier ones (<see cref="RegisterReplay.Turnout"/>), put
/// together by the builder the server uses (<see cref="TurnoutView"/>) over the verifier's own snapshot. Every figure is compared:
/// at each time the stations reporting, the stations, the voters, the registered voters and the percentage, of the area and of each
/// area below it, and the stations flagged because their count has fewer voters than their last report. An answer states its
/// snapshot and how many of the register's turnout records it was read from: one of another snapshot, or read from records past
/// the verified head, is of another moment (asked again); one read from fewer is held to those records and said in a note.
/// A published folder serves no turnout API; its turnout pages are among the pages not yet compared (docs/verification.md).
/// </summary>
internal static class TurnoutCheck
{
    /// <summary>Compares every area's turnout; false when the server published another snapshot meanwhile (check again).</summary>
    public static async Task<bool> CheckAsync(
        VerifyCommand.IPublished origin, LogReplay replay, long size, List<string> problems, List<string> notes,
        CancellationToken cancellationToken)
    {
        var election = replay.Election;
        if (!origin.Live || election.Definition.TurnoutTimes.IsEmpty)
        {
            return true;
        }
        var register = replay.Register;
        var verified = replay.Verified;
        var found = 0;
        var books = new Dictionary<int, Core.Turnout.TurnoutBook>();
        foreach (var area in election.Areas.Where(a => !a.IsStation))
        {
            var published = await origin.JsonAsync(
                $"/api/v1/turnout?area={Uri.EscapeDataString(area.Id.Value)}", WireJson.Default.TurnoutArea, cancellationToken);
            if (published.Snapshot != size || published.Reports > register.TurnoutRecords)
            {
                return false;
            }
            if (!books.TryGetValue(published.Reports, out var book))
            {
                books[published.Reports] = book = register.TurnoutOf(published.Reports);
            }
            var own = TurnoutView.Of(verified, book, published.Reports, area);
            var differences = new List<string>();
            Compare($"turnout of {area.Id}", published, own, differences);
            foreach (var difference in differences)
            {
                if (found++ < ErrCheck.Kept)
                {
                    problems.Add(difference);
                }
            }
        }
        foreach (var fewer in books.Keys.Where(r => r < register.TurnoutRecords).Order())
        {
            notes.Add($"turnout: some areas' turnout is read from the register's first {fewer:N0} turnout records, of the "
                + $"{register.TurnoutRecords:N0} the head covers (published just before the head was signed); compared at that point");
        }
        if (found > ErrCheck.Kept)
        {
            problems.Add($"the published turnout differs in {found - ErrCheck.Kept:N0} more figures than those named above");
        }
        return true;
    }

    private static void Compare(string where, TurnoutArea published, TurnoutArea own, List<string> problems)
    {
        Times(where, published.Times, own.Times, problems);
        var listed = string.Join(",", published.Children.Select(c => c.Id));
        var below = string.Join(",", own.Children.Select(c => c.Id));
        if (listed != below)
        {
            problems.Add($"{where}: the areas below are published as [{listed}], but the definition's are [{below}]");
        }
        foreach (var child in own.Children)
        {
            if (published.Children.FirstOrDefault(c => c.Id == child.Id) is { } theirs)
            {
                Times($"{where}, its area {child.Id}", theirs.Times, child.Times, problems);
            }
        }
        static string Flag(TurnoutFlag f) =>
            $"{f.Station} ({f.Source}: {f.Reported:N0} voters reported by {f.Time}, {f.Participation:N0} in the count)";
        foreach (var flag in own.Flagged.Except(published.Flagged))
        {
            problems.Add($"{where}: station {Flag(flag)} is flagged by the verified reports and counts, but not published as flagged");
        }
        foreach (var flag in published.Flagged.Except(own.Flagged))
        {
            problems.Add($"{where}: station {Flag(flag)} is published as flagged, but the verified reports and counts do not flag it so");
        }
    }

    private static void Times(string where, IReadOnlyList<TurnoutAt> published, IReadOnlyList<TurnoutAt> own, List<string> problems)
    {
        if (!published.Select(t => t.Time).SequenceEqual(own.Select(t => t.Time)))
        {
            problems.Add($"{where}: published at the times [{string.Join(",", published.Select(t => t.Time))}], "
                + $"but the definition's are [{string.Join(",", own.Select(t => t.Time))}]");
            return;
        }
        for (var i = 0; i < own.Count; i++)
        {
            var (theirs, mine) = (published[i], own[i]);
            void Differs<T>(string what, T shown, T verified)
            {
                if (!EqualityComparer<T>.Default.Equals(shown, verified))
                {
                    problems.Add($"{where} at {mine.Time}, {what}: published as {shown?.ToString() ?? "none"}, "
                        + $"but the verified reports give {verified?.ToString() ?? "none"}");
                }
            }
            Differs("stations reporting", theirs.Reporting, mine.Reporting);
            Differs("stations", theirs.Stations, mine.Stations);
            Differs("voters", theirs.Voters, mine.Voters);
            Differs("registered voters", theirs.Registered, mine.Registered);
            Differs("percentage", theirs.Percent, mine.Percent);
        }
    }
}
