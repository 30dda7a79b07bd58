using System.Collections.Immutable;
using Sanoo.Core.Maps;

namespace Sanoo.Core.Definitions;

/// <summary>
/// A node of the map (the nation, the areas of each level below it, the polling stations), or an area of a grouping.
/// Invariants (held by <see cref="DefinitionReader"/>): the root has no parent and every other area of the tree has one of
/// a higher level; a station is a leaf of the last level and carries a <see cref="VoterRoll"/>, no other area does; an
/// area of a grouping has no parent and lists its <see cref="Members"/>.
/// </summary>
/// <param name="Id">The area's id.</param>
/// <param name="Level">Its level's position in <see cref="ElectionDefinition.Levels"/>.</param>
/// <param name="Parent">The area it belongs to; null for the root and for the areas of groupings.</param>
/// <param name="Name">Its name; may be absent for stations, which are then known by their id.</param>
/// <param name="Roll">The voter lists; set for stations only.</param>
public sealed record Area(AreaId Id, int Level, AreaId? Parent, LocalizedText? Name, VoterRoll? Roll)
{
    /// <summary>Whether it is a polling station.</summary>
    public bool IsStation => Roll is not null;

    /// <summary>For an area of a grouping: the areas of the tree it is made of (stations, or areas whose stations all belong).</summary>
    public ImmutableArray<AreaId> Members { get; init; } = [];

    /// <summary>Its outline on the map (the definition's optional <c>geometry</c>); null: the site draws it as a tile.</summary>
    public AreaShape? Shape { get; init; }

    /// <summary>For a station: where it is, by language (the definition's optional <c>address</c>), for finding one's station.</summary>
    public LocalizedText? Address { get; init; }

    /// <summary>The name in <paramref name="language"/>, or the id where the area has no name.</summary>
    public string DisplayName(string language) => Name?.In(language) ?? Id.Value;
}
