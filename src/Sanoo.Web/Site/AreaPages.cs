using System.Runtime.CompilerServices;
using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;
using Sanoo.Web.OpenData;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Site;

/// <summary>Builds the page of an area above the stations (of any level or grouping) from one published snapshot.</summary>
public static class AreaPages
{
    private static readonly ConditionalWeakTable<Election, ILookup<AreaId, Area>> ChildrenByElection = [];

    /// <summary>The areas directly below <paramref name="area"/>, in the definition's order; for an area of a grouping, its
    /// stations.</summary>
    public static IEnumerable<Area> ChildrenOf(Election election, AreaId area)
    {
        var index = election.AreaIndex(area);
        if (!election.InGrouping(index))
        {
            return ChildrenByElection.GetValue(election, e => e.Areas.Where(a => a.Parent is not null).ToLookup(a => a.Parent!.Value))[area];
        }
        var stations = new List<Area>(election.StationCountOf(index));
        foreach (var ordinal in election.StationsOf(index))
        {
            stations.Add(election.Station(ordinal));
        }
        return stations;
    }

    /// <summary>
    /// What the areas of a level are called, as a heading over a list of them: the definition's name for the level, else the
    /// site's own word for the default levels (regions, districts, and the stations, whatever their id), else the level's id.
    /// </summary>
    public static string LevelHeading(Election election, int level, SiteLanguage language) =>
        election.Levels[level].HeadingIn(language.Code)
            ?? (level == election.Definition.TreeDepth - 1 ? language.Words.Stations
                : election.Levels[level].Id switch
                {
                    "region" => language.Words.Regions,
                    "district" => language.Words.Districts,
                    var id => id,
                });

    /// <summary>The page of <paramref name="area"/> (not a station) in <paramref name="language"/>.</summary>
    public static AreaPage Of(Published published, Snapshot snapshot, Area area, SiteLanguage language)
    {
        var election = snapshot.Election;
        var frame = PageFrames.Of(published, snapshot, area, language) with { Check = PageCheck.Of(published, area) };
        ContestResult? Result(ContestPlan plan) => ContestResults.Of(snapshot, plan, area, language) is { } result
            ? result with { Reconciliation = LedgerPages.AreaSummary(published, plan, area, language) }
            : null;
        var main = Result(election.DefaultContest) ?? election.Contests.Select(Result).FirstOrDefault(r => r is not null);
        var local = election.Contests
            .Where(c => c.Contest.Area == area.Id && c.Contest.Id.Value != main?.Id)
            .Select(c => Result(c)!)
            .ToList();
        var contest = main is null ? null : election.Contest(new ContestId(main.Id));
        var children = ChildrenOf(election, area.Id).ToList();
        var rows = contest is null ? [] : children.Select(child => Child(snapshot, contest, child, main!.Primary, language)).ToList();
        var heading = LevelHeading(election, children.FirstOrDefault()?.Level ?? election.Definition.TreeDepth - 1, language);
        // The root's page also lists the areas of each grouping (electoral districts beside the administrative tree).
        var groupings = area.Level != 0 || contest is null
            ? []
            : election.Levels.Select((level, i) => (Level: level, Index: i)).Where(l => l.Level.Grouping)
                .Select(l => new ChildTable(
                    LevelHeading(election, l.Index, language),
                    [.. election.Areas.Where(a => a.Level == l.Index).Select(child => Child(snapshot, contest, child, main!.Primary, language))]))
                .Where(t => t.Rows.Count > 0)
                .ToList();
        return new AreaPage(frame, main, local, heading, rows, [.. election.ResultSources.Select(s => s.Name.In(language.Code))])
        {
            Groupings = groupings,
            Summary = main is null ? null
                : FoldSummary.Of(main, published.PublishedAt, election.Definition.TimeZone, election.Definition.Date, language),
            Map = contest is null ? null : MapPages.Of(snapshot, contest, area, children, main!.Primary, language),
            Parliament = area.Level == 0 && main is { Kind: ContestKind.PartyList } ? SingleMemberPages.Whole(snapshot, main, language) : null,
        };
    }

    private static ChildRow Child(Snapshot snapshot, ContestPlan contest, Area child, int primary, SiteLanguage language)
    {
        var tallies = snapshot.Election.ResultSources.Select(s => AreaFigures.Of(snapshot, contest, s, child)).ToList();
        var lead = tallies[primary] is { StationsReporting: > 0 } t ? Leader(contest, [.. t.Votes], t.Participation, language) : null;
        return new ChildRow(
            child.Id.Value,
            child.DisplayName(language.Code),
            SitePaths.Area(language.Code, child),
            [.. tallies.Select(t => t?.StationsReporting ?? 0)],
            tallies[0]?.StationsExpected ?? 0,
            lead)
        {
            Turnout = tallies[primary] is { StationsReporting: > 0, RegisteredCovered: > 0 } p
                ? language.Percent(ContestResults.ShareOf(p.Participation, p.RegisteredCovered), 1)
                : null,
        };
    }

    private static string? Leader(ContestPlan contest, long[] votes, long participation, SiteLanguage language)
    {
        if (votes.Length == 0 || votes.Max() == 0)
        {
            return null;
        }
        var top = Array.IndexOf(votes, votes.Max());
        return $"{contest.Choices[top].Name.In(language.Code)} {language.Percent(ContestResults.ShareOf(votes[top], participation))}";
    }
}
