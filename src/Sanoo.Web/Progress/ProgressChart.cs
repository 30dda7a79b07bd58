using System.Globalization;
using System.Net;
using System.Text;

namespace Sanoo.Web.Progress;

/// <summary>One line of a progress chart: its name (written at its end, so colour is never the only cue), colour and points.</summary>
/// <param name="Name">The line's name.</param>
/// <param name="Color">Its colour.</param>
/// <param name="Points">Its points, oldest first: the time and the value in percent; the value holds until the next point.</param>
/// <param name="FromZero">Whether the line starts at 0 at the chart's left edge (stations counted) rather than at its first point.</param>
public sealed record ChartLine(string Name, string Color, IReadOnlyList<(DateTimeOffset At, decimal Percent)> Points, bool FromZero);

/// <summary>
/// A chart of percentages over the night as static SVG (no script), sized by its view box for a phone of 360 px and wider screens:
/// time across in the election's time zone, the percentage up, one step line per series (a value holds until the next point, as the
/// count did), each line's name and latest value at its end. A title and a description name it for screen readers; the figures
/// themselves are in the table beside it.
/// </summary>
public static class ProgressChart
{
    private const int Width = 360, Height = 200, Left = 34, Right = 112, Top = 10, Bottom = 24;
    private const int LabelChars = 12;

    private static readonly int[] TickSeconds = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 14400, 21600, 43200, 86400];

    /// <summary>
    /// The chart of <paramref name="lines"/>, with <paramref name="title"/> and <paramref name="description"/>; the times are labelled
    /// in <paramref name="zone"/> (UTC when null). Up to the next 10% above the highest value, or 100% when <paramref name="whole"/>.
    /// </summary>
    public static string Of(
        IReadOnlyList<ChartLine> lines, string title, string description, TimeZoneInfo? zone, bool whole, Func<decimal, string> percent)
    {
        var times = lines.SelectMany(l => l.Points).Select(p => p.At.ToUnixTimeMilliseconds()).ToList();
        long first = times.Min(), last = times.Max();
        if (last - first < 1000)
        {
            first = last - 60_000; // every point at one moment: show it as one step, a minute wide
        }
        var highest = lines.SelectMany(l => l.Points).Max(p => p.Percent);
        var top = whole ? 100m : Math.Min(100m, Math.Max(10m, Math.Ceiling(highest / 10m) * 10m));
        const double PlotWidth = Width - Left - Right, PlotHeight = Height - Top - Bottom;
        double X(long at) => Left + ((at - first) * PlotWidth / (last - first));
        double Y(decimal value) => Top + ((double)(1 - (value / top)) * PlotHeight);
        static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var svg = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" ")
            .Append("role=\"img\" font-size=\"10\" font-family=\"sans-serif\">")
            .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>")
            .Append("<desc>").Append(WebUtility.HtmlEncode(description)).Append("</desc>");
        for (var g = 0m; g <= top; g += top / 5)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Y(g))}\" y2=\"{F(Y(g))}\" stroke=\"#ddd\"/>"
                + $"<text x=\"{Left - 4}\" y=\"{F(Y(g) + 3)}\" text-anchor=\"end\">{percent(g)}</text>");
        }
        var (ticks, step) = Ticks(first, last, zone);
        var format = step < 60_000 ? "HH:mm:ss" : "HH:mm";
        foreach (var tick in ticks)
        {
            var local = zone is null ? tick.ToUniversalTime() : TimeZoneInfo.ConvertTime(tick, zone);
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{F(X(tick.ToUnixTimeMilliseconds()))}\" x2=\"{F(X(tick.ToUnixTimeMilliseconds()))}\" y1=\"{Top}\" "
                + $"y2=\"{Height - Bottom + 3}\" stroke=\"#ddd\"/><text x=\"{F(X(tick.ToUnixTimeMilliseconds()))}\" y=\"{Height - 8}\" "
                + $"text-anchor=\"middle\">{local.ToString(format, CultureInfo.InvariantCulture)}</text>");
        }
        var ends = new List<(double Y, ChartLine Line)>();
        foreach (var line in lines.Where(l => l.Points.Count > 0))
        {
            var path = new StringBuilder();
            var (x0, y0) = line.FromZero ? (X(first), Y(0)) : (X(line.Points[0].At.ToUnixTimeMilliseconds()), Y(line.Points[0].Percent));
            path.Append(CultureInfo.InvariantCulture, $"M{F(x0)} {F(y0)}");
            foreach (var (at, value) in line.Points)
            {
                path.Append(CultureInfo.InvariantCulture, $"H{F(X(at.ToUnixTimeMilliseconds()))}V{F(Y(value))}");
            }
            path.Append(CultureInfo.InvariantCulture, $"H{F(X(last))}");
            svg.Append(CultureInfo.InvariantCulture,
                $"<path d=\"{path}\" fill=\"none\" stroke=\"{line.Color}\" stroke-width=\"2\" stroke-linejoin=\"round\"/>");
            ends.Add((Y(line.Points[^1].Percent), line));
        }
        // The names at the lines' ends, at least a line of text apart, in the order of the lines' ends.
        ends.Sort((a, b) => a.Y.CompareTo(b.Y));
        var y = double.MinValue;
        foreach (var (end, line) in ends)
        {
            y = Math.Min(Math.Max(end, y + 11), Height - Bottom + 2);
            var name = line.Name.Length > LabelChars ? line.Name[..(LabelChars - 1)] + "…" : line.Name;
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{Width - Right + 4}\" y=\"{F(y + 3)}\" fill=\"{line.Color}\">{WebUtility.HtmlEncode(name)} "
                + $"{percent(line.Points[^1].Percent)}</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>Round local times (every second … every two days) between the two instants, at most five, and their step in
    /// milliseconds.</summary>
    private static (List<DateTimeOffset> Ticks, long Step) Ticks(long first, long last, TimeZoneInfo? zone)
    {
        var step = TickSeconds.FirstOrDefault(s => (last - first) / (s * 1000L) <= 4, 172_800) * 1000L;
        var offset = (long)(zone?.GetUtcOffset(DateTimeOffset.FromUnixTimeMilliseconds(first)).TotalMilliseconds ?? 0);
        var ticks = new List<DateTimeOffset>();
        for (var t = ((((first + offset) / step) + 1) * step) - offset; t <= last; t += step)
        {
            ticks.Add(DateTimeOffset.FromUnixTimeMilliseconds(t));
        }
        return (ticks, step);
    }
}
