using Sanoo.Core.Definitions;

namespace Sanoo.Web.Site;

/// <summary>
/// Colours for choices, by ballot position: distinct, dark enough against white for bars and
/// seats (24 before any repeats, enough for the 21 lists of 2021), and never the only cue (every bar and seat group is labelled). "Against all" is
/// grey.
/// </summary>
public static class Palette
{
    private static readonly string[] Colors =
    [
        "#1f5fa8", "#c0392b", "#1e8449", "#b9770e", "#7d3c98", "#117a65", "#a04000", "#2e4053",
        "#b03a6f", "#5b6b00", "#0e7fb8", "#8e3b00", "#4a235a", "#2f9e6e", "#946c00", "#3b5998",
        "#d35400", "#6c3483", "#16a085", "#922b21", "#1a5276", "#7e8f00", "#c2185b", "#5d4037",
    ];

    /// <summary>The colour of the choice at <paramref name="index"/> in its contest.</summary>
    public static string Of(Choice choice, int index) =>
        choice.Kind == ChoiceKind.AgainstAll ? "#6b6b6b" : Colors[index % Colors.Length];
}
