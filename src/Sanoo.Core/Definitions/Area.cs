namespace Sanoo.Core.Definitions;

/// <summary>
/// A node of the map: nation → region → district → polling station.
/// Invariants (held by <see cref="DefinitionReader"/>): the nation has no parent and every
/// other area has one of a higher level; a station is a leaf and carries a
/// <see cref="VoterRoll"/>, no other kind does.
/// </summary>
/// <param name="Id">The area's id.</param>
/// <param name="Kind">Its level.</param>
/// <param name="Parent">The area it belongs to; null only for the nation.</param>
/// <param name="Name">Its name; may be absent for stations, which are then known by their id.</param>
/// <param name="Roll">The voter lists; set for stations only.</param>
public sealed record Area(AreaId Id, AreaKind Kind, AreaId? Parent, LocalizedText? Name, VoterRoll? Roll)
{
    /// <summary>The name in <paramref name="language"/>, or the id where the area has no name.</summary>
    public string DisplayName(string language) => Name?.In(language) ?? Id.Value;
}
