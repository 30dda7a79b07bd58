using System.Globalization;
using System.Net;
using System.Text;
using Sanoo.Core.Forensics;

namespace Sanoo.Web.Forensics;

/// <summary>
/// The forensic plots as static SVG (no script): the comet, stations by turnout and leader's share on cells two percentage points
/// wide with a darker cell for more stations (on a logarithmic scale, so that a few stations far out still show), and the two
/// histograms at a tenth of a percentage point. Labels come in the page's language.
/// </summary>
public static class ForensicsSvg
{
    private const int Cell = 8;
    private const int Left = 48;
    private const int Top = 12;
    private const int Merge = 2;

    /// <summary>The comet: turnout across, the leader's share up.</summary>
    public static string Comet(RateDistributions d, string turnoutLabel, string shareLabel, string title)
    {
        var cells = RateDistributions.CometBins / Merge;
        var size = cells * Cell;
        var merged = new int[cells * cells];
        for (var y = 0; y < RateDistributions.CometBins; y++)
        {
            for (var x = 0; x < RateDistributions.CometBins; x++)
            {
                merged[((y / Merge) * cells) + (x / Merge)] += d.CometAt(x, y);
            }
        }
        var max = Math.Max(1, merged.Max());
        var svg = Start(Left + size + 16, Top + size + 44, title);
        Frame(svg, size, size);
        for (var y = 0; y < cells; y++)
        {
            for (var x = 0; x < cells; x++)
            {
                var n = merged[(y * cells) + x];
                if (n == 0)
                {
                    continue;
                }
                var shade = 0.15 + (0.85 * Math.Log(1 + n) / Math.Log(1 + max));
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{Left + (x * Cell)}\" y=\"{Top + size - ((y + 1) * Cell)}\" width=\"{Cell}\" height=\"{Cell}\" "
                    + $"fill=\"#7a1f3d\" fill-opacity=\"{shade:0.###}\"><title>{n}</title></rect>");
            }
        }
        Axes(svg, size, size, turnoutLabel, shareLabel, vertical: true);
        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// A histogram of stations over 0–100 % in tenths of a percentage point, scaled to its highest bin below 100 % (the 100 % bin,
    /// where special stations gather, is drawn cut at the top rather than flattening the rest).
    /// </summary>
    public static string Histogram(IReadOnlyList<int> counts, string label, string title)
    {
        const int width = 1000;
        const int height = 180;
        var max = Math.Max(1, counts.Take(counts.Count - 1).DefaultIfEmpty(0).Max());
        var svg = Start(Left + width + 16, Top + height + 44, title);
        Frame(svg, width, height);
        svg.Append("<path fill=\"none\" stroke=\"#1f4e7a\" stroke-width=\"1\" d=\"");
        for (var b = 0; b < counts.Count; b++)
        {
            var x = Left + (b * width / (counts.Count - 1.0));
            var y = Top + height - (Math.Min(counts[b], max) * (double)height / max);
            svg.Append(CultureInfo.InvariantCulture, $"{(b == 0 ? 'M' : 'L')}{x:0.#} {y:0.#}");
        }
        svg.Append("\"/>");
        Axes(svg, width, height, label, null, vertical: false);
        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Start(int width, int height, string title) => new StringBuilder()
        .Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" font-size=\"11\" font-family=\"sans-serif\">")
        .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>");

    private static void Frame(StringBuilder svg, int width, int height) => svg.Append(
        CultureInfo.InvariantCulture, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{width}\" height=\"{height}\" fill=\"#fff\" stroke=\"#999\"/>");

    private static void Axes(StringBuilder svg, int width, int height, string across, string? up, bool vertical)
    {
        for (var t = 0; t <= 100; t += 10)
        {
            var x = Left + (t * width / 100);
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x}\" y=\"{Top + height + 14}\" text-anchor=\"middle\">{t}</text>");
            if (vertical)
            {
                var y = Top + height - (t * height / 100);
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 4}\" y=\"{y + 4}\" text-anchor=\"end\">{t}</text>");
            }
        }
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{Left + (width / 2)}\" y=\"{Top + height + 32}\" text-anchor=\"middle\">{WebUtility.HtmlEncode(across)}, %</text>");
        if (up is not null)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<text transform=\"translate(12 {Top + (height / 2)}) rotate(-90)\" text-anchor=\"middle\">{WebUtility.HtmlEncode(up)}, %</text>");
        }
    }
}
