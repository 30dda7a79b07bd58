using System.Globalization;
using System.Text;
using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;
using Sanoo.Web.Publishing;
using Sanoo.Web.Site;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.Turnout;

/// <summary>An area's turnout-through-the-day page: the chart, the figures at each time, the areas below and the flagged stations.</summary>
/// <param name="Frame">The page's frame.</param>
/// <param name="Words">The page's words in its language.</param>
/// <param name="Data">The figures (as <c>/api/v1/turnout</c> gives them).</param>
/// <param name="Chart">The turnout-by-time chart as inline SVG (no script); empty before any report.</param>
/// <param name="ChartLabel">The chart's text alternative: the turnout at each time reported.</param>
/// <param name="Children">The areas below: name, page, and turnout at the latest time with reports.</param>
/// <param name="Flagged">The stations whose count has fewer voters than their last report: the station's link and why, in words.</param>
public sealed record TurnoutPage(
    PageFrame Frame, TurnoutWords Words, Wire.TurnoutArea Data, string Chart, string ChartLabel, IReadOnlyList<(Link Area, string Turnout)> Children,
    IReadOnlyList<(Link Station, string Text)> Flagged);

/// <summary>Builds the turnout pages: <c>/{lang}/turnout/</c> for the election and <c>/{lang}/area/{id}/turnout/</c> for an area.</summary>
public static class TurnoutPages
{
    /// <summary>The page's address for <paramref name="area"/>.</summary>
    public static string Path(string language, Area area) => area.Level == 0 ? $"/{language}/turnout/" : SitePaths.Area(language, area) + "turnout/";

    /// <summary>The page of <paramref name="area"/>, an area above the stations.</summary>
    public static TurnoutPage Of(Published published, Snapshot snapshot, Area area, SiteLanguage language)
    {
        var words = TurnoutWords.For(language.Code);
        var election = snapshot.Election;
        var data = TurnoutView.Of(published, area);
        var frame = PageFrames.Of(published, snapshot, area, language);
        frame = frame with
        {
            Title = string.Format(CultureInfo.InvariantCulture, words.Title, area.DisplayName(language.Code)),
            PathAfterLanguage = Path(language.Code, area)[(language.Code.Length + 1)..],
            Crumbs = [.. frame.Crumbs, new Link(area.DisplayName(language.Code), SitePaths.Area(language.Code, area))],
            DataFiles = false, // the figures are open data at /api/v1/turnout
        };
        var children = data.Children.Select(c =>
        {
            var child = election.Area(new AreaId(c.Id))!;
            var latest = c.Times.LastOrDefault(t => t.Percent is not null);
            return (new Link(child.DisplayName(language.Code), Path(language.Code, child)),
                latest is null ? "—" : string.Format(language.Culture, words.AtFormat, latest.Time, language.Percent(latest.Percent!.Value)));
        }).ToList();
        var reported = data.Times.Where(t => t.Percent is not null).ToList();
        var label = string.Join("; ",
            reported.Select(t => string.Format(language.Culture, words.AtFormat, t.Time, language.Percent(t.Percent!.Value))));
        var flagged = data.Flagged.Select(f => (
            new Link(f.Station, SitePaths.Station(language.Code, new AreaId(f.Station))),
            string.Format(language.Culture, words.FlagFormat, election.Sources[election.SourceIndex(new SourceId(f.Source))].Name.In(language.Code),
                language.Number(f.Participation), language.Number(f.Reported), f.Time))).ToList();
        return new TurnoutPage(frame, words, data, reported.Count == 0 ? "" : Chart(data.Times, language), label, children, flagged);
    }

    /// <summary>
    /// The turnout at each time as a line over the day: the report times spaced evenly along the bottom, the percentage up the side
    /// (to the next 10% above the highest), a dot and its figure at each time reported. Static SVG sized by its view box.
    /// </summary>
    public static string Chart(IReadOnlyList<Wire.TurnoutAt> times, SiteLanguage language)
    {
        const int Width = 640, Height = 240, Left = 44, Right = 16, Top = 16, Bottom = 32;
        var top = Math.Max(10m, Math.Ceiling((times.Max(t => t.Percent) ?? 0m) / 10m) * 10m);
        var step = times.Count > 1 ? (Width - Left - Right) / (double)(times.Count - 1) : 0;
        double X(int i) => Left + (times.Count > 1 ? i * step : (Width - Left - Right) / 2.0);
        double Y(decimal percent) => Top + ((double)(1 - (percent / top)) * (Height - Top - Bottom));
        static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"turnout-chart\" viewBox=\"0 0 {Width} {Height}\" aria-hidden=\"true\">");
        for (var g = 0m; g <= top; g += top / 5)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Y(g))}\" y2=\"{F(Y(g))}\" class=\"grid\"/>"
                + $"<text x=\"{Left - 6}\" y=\"{F(Y(g) + 4)}\" text-anchor=\"end\">{language.Percent(g, 0)}</text>");
        }
        var points = new List<string>();
        for (var i = 0; i < times.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(i))}\" y=\"{Height - 10}\" text-anchor=\"middle\">{times[i].Time}</text>");
            if (times[i].Percent is { } p)
            {
                points.Add($"{F(X(i))},{F(Y(p))}");
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(i))}\" cy=\"{F(Y(p))}\" r=\"4\"/>"
                    + $"<text x=\"{F(X(i))}\" y=\"{F(Y(p) - 9)}\" text-anchor=\"middle\" class=\"value\">{language.Percent(p, 1)}</text>");
            }
        }
        svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{string.Join(' ', points)}\" class=\"line\"/></svg>");
        return svg.ToString();
    }
}
