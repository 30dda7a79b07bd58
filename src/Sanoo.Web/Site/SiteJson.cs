using Sanoo.Core.Definitions;
using Sanoo.Core.Rules;
using Sanoo.Web.OpenData;
using Sanoo.Web.Publishing;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.Site;

/// <summary>
/// The site's JSON as the wire carries it: the snapshot marker pages poll, each page's
/// <c>data.json</c>, and the relations the entry page evaluates. Built from the same page models
/// the HTML is rendered from, so a page and its data never disagree.
/// </summary>
public static class SiteJson
{
    /// <summary>The snapshot marker (<see cref="Wire.SnapshotMarker"/>).</summary>
    public static Wire.SnapshotMarker Marker(Published published) => new(
        published.Snapshot?.Position,
        published.PublishedAt,
        published.Halted is not null,
        published.TreeHead is { } head ? new Wire.MarkedTreeHead(head.Head.Size, Convert.ToHexStringLower(head.Head.Root)) : null);

    /// <summary>An area page's data (<see cref="Wire.AreaPageData"/>).</summary>
    public static Wire.AreaPageData Area(AreaPage page) => new(
        page.Frame.ElectionName,
        page.Frame.Snapshot,
        page.Frame.PublishedAt,
        page.Frame.Stage,
        page.Frame.Halted,
        TreeHead(page.Frame),
        new Wire.PageArea(page.Frame.Title, page.Frame.Path),
        page.Results is { } results ? Contest(results) : null,
        [.. page.LocalContests.Select(Contest)],
        [.. page.Children.Select(Row)],
        page.SourceNames)
    {
        Groupings = [.. page.Groupings.Select(g => new Wire.ChildGroup(g.Heading, [.. g.Rows.Select(Row)]))],
    };

    /// <summary>The single-member districts' page's data (<see cref="Wire.SingleMemberPageData"/>).</summary>
    public static Wire.SingleMemberPageData SingleMember(SingleMemberPage page) =>
        new(page.Frame.Snapshot, page.Frame.PublishedAt, page.Frame.Stage, [.. page.Rows.Select(r => r.Data)])
        {
            Halted = page.Frame.Halted,
            TreeHead = TreeHead(page.Frame),
        };

    /// <summary>The tree head a page's footer names, as its data gives it; null before one is signed.</summary>
    private static Wire.PageTreeHead? TreeHead(PageFrame frame) => TreeHead(frame.TreeHead);

    /// <summary>A tree head as a page's data names it (the one its footer names); null before one is signed.</summary>
    public static Wire.PageTreeHead? TreeHead(Core.Transparency.TreeHead? head) =>
        head is { } h ? new Wire.PageTreeHead(h.Size, Convert.ToHexStringLower(h.Root), h.Timestamp) : null;

    private static Wire.ChildRow Row(ChildRow c) => new(c.Id, c.Name, c.Href, c.Reporting, c.Expected, c.Leader);

    /// <summary>The discrepancy ledger's data (<see cref="Wire.LedgerPageData"/>): the commission's counts, then the parties' copies.</summary>
    public static Wire.LedgerPageData Ledger(long snapshot, Published published, LedgerPage page)
    {
        var ledger = published.Ledger;
        var election = published.Snapshot!.Election;
        return new Wire.LedgerPageData(
            snapshot,
            ledger?.Rule.First.Value,
            ledger?.Rule.Second.Value,
            ledger is null ? null : new Wire.Tolerance(ledger.Rule.Absolute, ledger.Rule.RelativePercent),
            page.Summary,
            [.. page.Levels.Select(l => new Wire.LedgerLevel(l.Level, l.Heading, [.. l.Rows.Select(Row)]))],
            [.. page.Recounts.Select(r => new Wire.RecountRow(
                r.Id, r.Station, r.Href, r.Contest, r.Reason.Text, r.OrderedBy, r.OrderedAt, r.Outcome?.Text))],
            ledger is null ? [] : Differences(ledger, Core.Reconciliation.ReconciliationClass.Match))
        {
            PartyCopies = [.. published.PartyLedgers.Select(copy => PartyCopy(election, copy))],
        };
    }

    /// <summary>A party's copies compared with the official count, as the ledger's data gives them (<paramref name="copy"/> its ledger).</summary>
    public static Wire.PartyCopyComparison PartyCopy(Election election, Core.Reconciliation.Ledger copy)
    {
        var totals = Core.Reconciliation.CopyTotals.Of(copy);
        return new Wire.PartyCopyComparison(
            copy.Rule.First.Value,
            election.Sources[election.SourceIndex(copy.Rule.First)].PartyCopy!.Value.Value,
            copy.Rule.Second.Value,
            totals.Compared,
            totals.Match,
            totals.Differ,
            totals.VotesApart,
            [.. Differences(copy, Core.Reconciliation.ReconciliationClass.Match).Where(s => s.FirstVersion is not null)])
        {
            Waiting = totals.Waiting,
        };
    }

    /// <summary>A ledger's stations that differ: every class but <paramref name="also"/> and an exact match.</summary>
    public static IReadOnlyList<Wire.StationDifference> Differences(
        Core.Reconciliation.Ledger ledger, Core.Reconciliation.ReconciliationClass also) =>
        [.. ledger.Stations.Classed(c => c != Core.Reconciliation.ReconciliationClass.Match && c != also)
            .Select(s => new Wire.StationDifference(
                s.Station.Value,
                s.Contest.Value,
                LedgerCsv.Name(s.Class),
                s.First?.Version,
                s.Second?.Version,
                s.VotesApart,
                s.LineDifferences,
                s.VoteDifferences))];

    /// <summary>A contest's relations as the entry page's script evaluates them, in <paramref name="language"/>.</summary>
    public static IReadOnlyList<Wire.FormRelation> Relations(ContestPlan plan, string language) =>
        [.. plan.Rules.Relations.Select(r => new Wire.FormRelation(
            r.Spec.Id.Value,
            r.Spec.Rule,
            r.Spec.Description?.In(language),
            r.Spec.Severity == Severity.Error,
            r.Parsed.Comparison.Symbol(),
            Side(r.Left),
            Side(r.Right)))];

    private static Wire.FormSide Side(LinearForm form) => new(
        [.. form.LineTerms.Select(t => (IReadOnlyList<long>)[t.Index, t.Coefficient])],
        [.. form.VoteTerms.Select(t => (IReadOnlyList<long>)[t.Index, t.Coefficient])]);

    private static Wire.ContestTable Contest(ContestResult c) => new(
        c.Id,
        c.Name,
        WireEnums.Of<Wire.ContestKind>(c.Kind),
        [.. c.Sources.Select(s => new Wire.SourceProgress(
            s.Id, s.Name, s.Official, s.Reporting, s.Expected, s.RegisteredCovered, s.RegisteredTotal, s.Participation, s.Valid, s.Flagged))],
        c.Primary,
        [.. c.Rows.Select(r => new Wire.ChoiceRow(r.Id, r.Name, r.BallotNumber, r.Color, r.Votes, r.Share, r.Seats, r.PassedThreshold))],
        c.ThresholdText,
        c.ThresholdLine,
        [.. c.Seats.Select(s => new Wire.SeatGroup(s.Id, s.Name, s.Color, s.Seats))],
        c.Outcome,
        [.. c.Lines.Select(l => new Wire.LineRow(l.Id, l.Name, l.Values))],
        c.Reconciliation is { } r ? new Wire.ReconciliationSummary(r.Text, r.Differ, r.Href) : null);

    private static Wire.LedgerRow Row(LedgerRow r) => new(r.Id, r.Name, r.Href, r.Compared, r.Match, r.Within, r.Differ, r.OneOnly, r.VotesApart);
}
