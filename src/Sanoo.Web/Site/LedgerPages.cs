using Sanoo.Core.Definitions;
using Sanoo.Core.Reconciliation;
using Sanoo.Core.Tally;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Site;

/// <summary>Builds the discrepancy ledger page and the reconciliation lines of area and station pages.</summary>
public static class LedgerPages
{
    /// <summary>How many of the largest differences the page lists; the CSV holds every station.</summary>
    public const int Largest = 50;

    /// <summary>The ledger page; null when the election compares no counts (a single count and no party's copy).</summary>
    public static LedgerPage? Of(Published published, Snapshot snapshot, SiteLanguage language)
    {
        var ledger = published.Ledger;
        if (ledger is null && published.PartyLedgers.Count == 0)
        {
            return null;
        }
        var election = snapshot.Election;
        var words = language.Words;
        var nation = election.Areas[0];
        var frame = PageFrames.Of(published, snapshot, nation, language) with
        {
            Title = words.Discrepancies,
            PathAfterLanguage = SitePaths.Discrepancies(language.Code)[(language.Code.Length + 1)..],
            Crumbs = [new Link(nation.DisplayName(language.Code), SitePaths.Area(language.Code, nation))],
        };
        var contest = election.DefaultContest;
        var levels = ledger is null ? [] : LevelAreas(election)
            .Select(level => new LedgerLevel(
                election.Levels[level.Level].Id,
                AreaPages.LevelHeading(election, level.Level, language),
                [.. level.Areas.Select(a => Row(ledger.Area(a.Id, contest.Contest.Id)!, a, language))]))
            .ToList();
        return new LedgerPage(
            frame,
            ledger is null ? "" : RuleText(election, ledger.Rule, language),
            ledger is null ? "" : ToleranceText(ledger.Rule, language),
            ledger is null ? "" : Summary(election, ledger, ledger.Area(nation.Id, contest.Contest.Id)!, language).Text,
            contest.Contest.Name.In(language.Code),
            levels,
            ledger is null ? [] : Differing(election, ledger, language).Take(Largest).ToList())
        {
            Recounts = Recounts(published, null, language),
            ParentHeading = AreaPages.LevelHeading(election, Math.Max(0, election.Definition.TreeDepth - 2), language),
            PartyCopies = [.. published.PartyLedgers.Select(copy => PartyCopy(election, copy, language))],
        };
    }

    /// <summary>
    /// The ledger's tables of the main contest: each level between the root and the stations (or each grouping) that has areas the
    /// contest is tallied in, with those areas in map order.
    /// </summary>
    public static IEnumerable<(int Level, IReadOnlyList<Area> Areas)> LevelAreas(Election election)
    {
        var contest = election.DefaultContest;
        return Enumerable.Range(0, election.Levels.Length)
            .Where(level => level > 0 && level != election.Definition.TreeDepth - 1)
            .Select(level => (level, (IReadOnlyList<Area>)[.. contest.TallyAreas.Select(a => election.Areas[a]).Where(a => a.Level == level)]))
            .Where(l => l.Item2.Count > 0);
    }

    /// <summary>
    /// A party's copies against the official count, over every contest: the totals in words, every copy that differs and every copy
    /// still waiting for the official count.
    /// </summary>
    private static PartyCopySection PartyCopy(Election election, Ledger copy, SiteLanguage language)
    {
        var source = election.Sources[election.SourceIndex(copy.Rule.First)];
        var party = source.PartyCopy!.Value;
        var words = PartyCopyWords.For(language.Code);
        var t = CopyTotals.Of(copy);
        return new PartyCopySection(
            source.Id.Value,
            party.Value,
            $"{election.Choices[party].Name.In(language.Code)}: {source.Name.In(language.Code)}",
            t.Entered == 0 ? words.NoneEntered : string.Format(language.Culture, words.SummaryFormat, language.Number(t.Compared),
                language.Number(t.Match), language.Number(t.Differ), language.Number(t.VotesApart), language.Number(t.Waiting)),
            [.. Differing(election, copy, language)],
            [.. Rows(election, copy.Stations.Where(s => s.First is not null && s.Second is null), language)]);
    }

    /// <summary>The stations of a ledger whose counts differ beyond its tolerance, most votes apart first.</summary>
    private static IEnumerable<LedgerStation> Differing(Election election, Ledger ledger, SiteLanguage language) =>
        Rows(election, ledger.Stations.Classed(c => c == ReconciliationClass.Discrepancy)
            .OrderByDescending(s => s.VotesApart).ThenBy(s => s.Station.Value, StringComparer.Ordinal), language);

    private static IEnumerable<LedgerStation> Rows(Election election, IEnumerable<StationComparison> stations, SiteLanguage language) =>
        stations.Select(s =>
            {
                var station = election.Area(s.Station)!;
                var plan = election.Contest(s.Contest)!;
                return new LedgerStation(
                    s.Station.Value,
                    SitePaths.Station(language.Code, s.Station),
                    election.Area(station.Parent!.Value)!.DisplayName(language.Code),
                    plan.Contest.Name.In(language.Code),
                    s.VotesApart,
                    Detail(plan, s, language));
            });

    /// <summary>The recounts ordered, of one station or of all.</summary>
    public static IReadOnlyList<RecountRow> Recounts(Published published, AreaId? station, SiteLanguage language)
    {
        var election = published.Snapshot!.Election;
        return [.. published.Acts.Orders.Where(o => station is null || o.Station == station.Value).Select(o => new RecountRow(
            o.Sequence,
            o.Station.Value,
            SitePaths.Station(language.Code, o.Station),
            election.Contest(o.Contest)?.Contest.Name.In(language.Code) ?? o.Contest.Value,
            ShownText.Of(o.Reason, o.Translations, language.Code),
            o.OrderedBy,
            o.OrderedAt,
            published.Acts.OutcomesOf(o).LastOrDefault() is { } found ? ShownText.Of(found.Outcome, found.Translations, language.Code) : null))];
    }

    /// <summary>The reconciliation line of a contest at an area; null when the election has a single count.</summary>
    public static ReconciliationSummary? AreaSummary(Published published, ContestPlan plan, Area area, SiteLanguage language) =>
        published.Ledger is { } ledger && ledger.Area(area.Id, plan.Contest.Id) is { } totals
            ? Summary(published.Snapshot!.Election, ledger, totals, language)
            : null;

    /// <summary>How a station's two counts compare, contest by contest.</summary>
    /// <remarks>A party's copy is named after the contest ("Parliament · Ata-Jurt's copy"); a station it has no copy of is left out.</remarks>
    public static IReadOnlyList<ComparisonRow> StationRows(Published published, Area station, SiteLanguage language)
    {
        var election = published.Snapshot!.Election;
        return [.. published.Ledgers.SelectMany(ledger => ledger.OfStation(station.Id)
            .Where(s => ledger == published.Ledger || s.First is not null)
            .Select(s =>
            {
                var plan = election.Contest(s.Contest)!;
                var copy = election.Sources[election.SourceIndex(ledger.Rule.First)];
                return new ComparisonRow(
                    copy.PartyCopy is null
                        ? plan.Contest.Name.In(language.Code)
                        : $"{plan.Contest.Name.In(language.Code)} · {copy.Name.In(language.Code)}",
                    ClassName(s.Class, language.Words),
                    s.Class is ReconciliationClass.Discrepancy or ReconciliationClass.WithinTolerance,
                    Detail(plan, s, language));
            }))];
    }

    /// <summary>A class in words.</summary>
    public static string ClassName(ReconciliationClass c, Words words) => c switch
    {
        ReconciliationClass.Match => words.Matching,
        ReconciliationClass.WithinTolerance => words.WithinTolerance,
        ReconciliationClass.Discrepancy => words.Differing,
        ReconciliationClass.OneSideMissing => words.OneCountOnly,
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };

    /// <summary>The reconciliation line of <paramref name="t"/>, an area's totals of <paramref name="ledger"/>, in words.</summary>
    public static ReconciliationSummary Summary(Election election, Ledger ledger, AreaReconciliation t, SiteLanguage language) => new(
        $"{Name(election, ledger.Rule.First, language)} / {Name(election, ledger.Rule.Second, language)}: "
            + string.Format(
                language.Culture,
                language.Words.ComparedSummary,
                language.Number(t.Compared),
                language.Number(t.Match),
                language.Number(t.WithinTolerance),
                language.Number(t.Discrepancy),
                language.Number(t.VotesApart),
                language.Number(t.OneSideMissing)),
        t.Discrepancy,
        SitePaths.Discrepancies(language.Code));

    private static LedgerRow Row(AreaReconciliation t, Area area, SiteLanguage language) =>
        new(
            area.Id.Value, area.DisplayName(language.Code), SitePaths.Area(language.Code, area),
            t.Compared, t.Match, t.WithinTolerance, t.Discrepancy, t.OneSideMissing, t.VotesApart);

    private static string RuleText(Election election, ReconciliationRule rule, SiteLanguage language) =>
        string.Format(
            language.Culture, language.Words.ReconciliationFormat, Name(election, rule.First, language), Name(election, rule.Second, language));

    private static string ToleranceText(ReconciliationRule rule, SiteLanguage language) =>
        rule.Absolute == 0 && rule.RelativePercent == 0 ? language.Words.ToleranceNone
        : string.Format(language.Culture, language.Words.ToleranceFormat, language.Number(rule.Absolute), language.Percent(rule.RelativePercent));

    private static string Name(Election election, SourceId source, SiteLanguage language) =>
        election.Sources.First(s => s.Id == source).Name.In(language.Code);

    /// <summary>The lines and choices that differ, largest first, with their sign (second − first).</summary>
    private static string Detail(ContestPlan plan, StationComparison s, SiteLanguage language)
    {
        if (s.Class == ReconciliationClass.OneSideMissing)
        {
            return "";
        }
        var items = plan.Form.Lines.Select((l, i) => (Name: l.Name.In(language.Code), Difference: s.LineDifference(i)))
            .Concat(plan.Choices.Select((c, i) => (Name: c.Name.In(language.Code), Difference: s.VoteDifference(i))))
            .Where(d => d.Difference != 0)
            .OrderByDescending(d => Math.Abs(d.Difference))
            .Take(4)
            .Select(d => $"{d.Name} {(d.Difference > 0 ? "+" : "−")}{language.Number(Math.Abs(d.Difference))}");
        return string.Join(", ", items);
    }
}
