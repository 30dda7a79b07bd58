using Sanoo.Core.Definitions;

namespace Sanoo.Web.Site;

/// <summary>
/// Colours for choices, by ballot position. Every colour stands out at least 3:1 against the page and the bars' light track
/// (WCAG 1.4.11, non-text contrast), and every two of them, the greys of "against all" and of independents included, are at
/// least <see cref="MinimumDifference"/> apart in CIEDE2000, so any two parties can sit side by side in the bars, on the map
/// and in the hemicycle. Chosen by farthest-point selection over the sRGB colours that pass the contrast (CIELAB lightness at
/// least 30, so none reads as black), then ordered so that the first few (a smaller election's) are the most distinct of all.
/// 24 before any repeats, enough for the 21 lists of 2021; a colour is never the only cue (every bar, seat group and map area
/// is labelled). See docs/site.md.
/// </summary>
public static class Palette
{
    /// <summary>The smallest CIEDE2000 difference allowed between two colours of the palette (see docs/site.md for why 15).</summary>
    public const double MinimumDifference = 15;

    /// <summary>The colour of "against all".</summary>
    public const string AgainstAll = "#6b6b6b";

    /// <summary>The colour of independents' seats in the whole parliament.</summary>
    public const string Independent = "#333333";

    /// <summary>The colours, by ballot position.</summary>
    public static IReadOnlyList<string> Colors { get; } =
    [
        "#e12dff", "#e16900", "#009600", "#4b87ff", "#0000f0", "#009696", "#871e3c", "#968700",
        "#ff3c4b", "#005a4b", "#693c1e", "#5a3c69", "#1e4b87", "#c30000", "#ff2d96", "#966978",
        "#b40096", "#1e5a00", "#a58769", "#695a0f", "#785ac3", "#8787a5", "#698769", "#2d7896",
    ];

    /// <summary>The colour of the choice at <paramref name="index"/> in its contest.</summary>
    public static string Of(Choice choice, int index) =>
        choice.Kind == ChoiceKind.AgainstAll ? AgainstAll : Colors[index % Colors.Count];
}
