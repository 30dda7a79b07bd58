namespace Sanoo.Core.Definitions;

/// <summary>
/// The level of an <see cref="Area"/> in the map, from the top. A parent is always of a
/// strictly higher level than its children (a smaller value); a level may be skipped, e.g.
/// stations abroad sit directly under the "abroad" region.
/// </summary>
public enum AreaKind
{
    /// <summary>The root: the whole country. Exactly one per election.</summary>
    Nation = 0,

    /// <summary>An oblast, a city of republican significance, or "abroad".</summary>
    Region = 1,

    /// <summary>A district (district commission, single-member constituency).</summary>
    District = 2,

    /// <summary>A polling station: always a leaf, the only kind that sends protocols.</summary>
    Station = 3,
}
