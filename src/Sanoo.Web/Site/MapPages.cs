using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;
using Sanoo.Web.OpenData;

namespace Sanoo.Web.Site;

/// <summary>One area on the maps: where it is drawn, its page, and its colour and figures on each map.</summary>
/// <param name="Place">Where it is drawn.</param>
/// <param name="Href">Its page.</param>
/// <param name="LeaderFill">Its leader's colour, or the colour of "no figures yet".</param>
/// <param name="LeaderTitle">Its name and leader with share, as its title on the leader map.</param>
/// <param name="TurnoutFill">Its turnout's step of the scale.</param>
/// <param name="TurnoutTitle">Its name and turnout.</param>
public sealed record MapArea(MapPlace Place, string Href, string LeaderFill, string LeaderTitle, string TurnoutFill, string TurnoutTitle);

/// <summary>An entry of a map's legend: a colour and what it means.</summary>
public sealed record MapLegendItem(string Fill, string Label);

/// <summary>The maps of the areas below one area, coloured by leader and by turnout from one snapshot.</summary>
/// <param name="Layout">The drawing.</param>
/// <param name="Areas">The areas, in definition order.</param>
/// <param name="Leaders">The leaders' legend (each leader once, most areas first).</param>
/// <param name="Turnout">The turnout scale's legend, lowest first.</param>
/// <param name="Credit">The geometry's credit line, when the map is drawn from geometry that asks for one.</param>
public sealed record AreaMapModel(
    MapLayout Layout, IReadOnlyList<MapArea> Areas, IReadOnlyList<MapLegendItem> Leaders, IReadOnlyList<MapLegendItem> Turnout, string? Credit);

/// <summary>
/// Colours the map of the areas below an area. Maps are drawn for areas whose children are not polling stations (a district's
/// 50–100 stations as tiles would pass the page budget, and its table already lists them), and for at most
/// <see cref="MaxAreas"/> areas.
/// </summary>
public static class MapPages
{
    /// <summary>The most areas a map draws; above it the page has the table only.</summary>
    public const int MaxAreas = 200;

    /// <summary>The colour of an area with no figures yet: light, behind a white border.</summary>
    public const string Empty = "#e3e3e3";

    /// <summary>The turnout scale: five steps of one blue, light to dark (sequential, readable without hue).</summary>
    private static readonly string[] Blues = ["#deebf7", "#9ecae1", "#6baed6", "#2f7dc0", "#08468c"];

    /// <summary>The maps, or null where none is drawn.</summary>
    public static AreaMapModel? Of(
        Snapshot snapshot, ContestPlan contest, Area area, IReadOnlyList<Area> children, int primary, SiteLanguage language)
    {
        var election = snapshot.Election;
        if (children.Count is 0 or > MaxAreas || children.Any(c => c.IsStation))
        {
            return null;
        }
        var words = MapWords.For(language.Code);
        var source = election.ResultSources[primary];
        var layout = MapLayout.Of(election, area.Id, children);
        var figures = children.Select(c => AreaFigures.Of(snapshot, contest, source, c)).ToList();
        var turnouts = figures.Select(t => t is { RegisteredCovered: > 0, StationsReporting: > 0 }
            ? ContestResults.ShareOf(t.Participation, t.RegisteredCovered) : (decimal?)null).ToList();
        var scale = TurnoutScale(turnouts);
        var leaders = new List<(string Fill, string Name)>();
        var areas = new List<MapArea>(children.Count);
        for (var i = 0; i < children.Count; i++)
        {
            var name = children[i].DisplayName(language.Code);
            var (fill, party, leader) = Leader(contest, figures[i], language, words);
            if (party is not null)
            {
                leaders.Add((fill, party));
            }
            var turnout = turnouts[i];
            areas.Add(new MapArea(
                layout.Places[i],
                SitePaths.Area(language.Code, children[i]),
                fill,
                $"{name}: {leader}",
                turnout is { } t ? Blues[scale.Step(t)] : Empty,
                $"{name}: {(turnout is { } p ? string.Format(language.Culture, words.TurnoutFormat, language.Percent(p, 1)) : words.NoFigures)}"));
        }
        var leaderLegend = leaders.GroupBy(l => l).OrderByDescending(g => g.Count()).Select(g => new MapLegendItem(g.Key.Fill, g.Key.Name))
            .Append(new MapLegendItem(Empty, words.NoFigures)).ToList();
        var turnoutLegend = turnouts.Any(t => t is not null)
            ? Blues.Select((b, i) => new MapLegendItem(b, scale.Label(i, language))).Append(new MapLegendItem(Empty, words.NoFigures)).ToList()
            : [new MapLegendItem(Empty, words.NoFigures)];
        var credit = layout.Geographic ? election.Definition.MapCredit?.In(language.Code) : null;
        return new AreaMapModel(layout, areas, leaderLegend, turnoutLegend, credit);
    }

    private static (string Fill, string? Party, string Text) Leader(ContestPlan contest, AreaTally? tally, SiteLanguage language, MapWords words)
    {
        if (tally is not { StationsReporting: > 0 } || tally.Votes.IsEmpty || tally.Votes.Max() == 0)
        {
            return (Empty, null, words.NoFigures);
        }
        var top = tally.Votes.IndexOf(tally.Votes.Max());
        var choice = contest.Choices[top];
        var name = choice.Name.In(language.Code);
        return (Palette.Of(choice, top), name, $"{name} {language.Percent(ContestResults.ShareOf(tally.Votes[top], tally.Participation))}");
    }

    private static Scale TurnoutScale(IReadOnlyList<decimal?> turnouts)
    {
        var known = turnouts.OfType<decimal>().ToList();
        if (known.Count == 0)
        {
            return new Scale(0, 20);
        }
        var low = Math.Floor(known.Min() / 5) * 5;
        var high = Math.Max(low + 5, Math.Ceiling(known.Max() / 5) * 5);
        return new Scale(low, Math.Max(1, Math.Ceiling((high - low) / Blues.Length)));
    }

    /// <summary>Five equal steps of whole percents from <paramref name="Low"/>, each <paramref name="Width"/> wide.</summary>
    private sealed record Scale(decimal Low, decimal Width)
    {
        public int Step(decimal turnout) => (int)Math.Clamp(Math.Floor((turnout - Low) / Width), 0, Blues.Length - 1);

        public string Label(int step, SiteLanguage language) =>
            $"{language.Percent(Low + (step * Width), 0)}–{language.Percent(Low + ((step + 1) * Width), 0)}";
    }
}
