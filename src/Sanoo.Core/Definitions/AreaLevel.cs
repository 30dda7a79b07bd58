using System.Collections.Immutable;

namespace Sanoo.Core.Definitions;

/// <summary>
/// A level of the map, or a grouping of its stations. The definition names its own levels from the root down (nation,
/// province, regency, district, village, polling station: any number of them, at least two); the last is always the
/// polling station, the only level that sends protocols. A grouping (an electoral district beside the administrative
/// path, a parliamentary constituency over the assembly ones) is a level outside the tree whose areas each list their
/// stations; a station belongs to at most one area of each grouping.
/// </summary>
/// <param name="Id">Its id, e.g. <c>region</c> or <c>smd</c>.</param>
/// <param name="Name">Its name as a heading over a list of its areas (e.g. "Regions"); null: the site's own word for the default
/// levels, else the id.</param>
/// <param name="Grouping">Whether it is a grouping rather than a level of the tree.</param>
public sealed record AreaLevel(string Id, LocalizedText? Name, bool Grouping = false)
{
    /// <summary>The levels of a definition that names none: nation, region, district, polling station.</summary>
    public static readonly ImmutableArray<AreaLevel> Defaults =
    [
        new("nation", null),
        new("region", null),
        new("district", null),
        new("station", null),
    ];

    /// <summary>The heading in <paramref name="language"/>, or null where the definition names none there.</summary>
    public string? HeadingIn(string language) => Name?.In(language);
}
