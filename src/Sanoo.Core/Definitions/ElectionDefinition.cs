using System.Collections.Immutable;

namespace Sanoo.Core.Definitions;

/// <summary>
/// Everything fixed before election day: areas, contests, choices, protocol forms, count
/// sources. Plain immutable data as written in the definition file; <see cref="Election"/> is
/// the checked and indexed form the rest of the system works with.
/// </summary>
/// <param name="Id">The election's id.</param>
/// <param name="Name">The election's name.</param>
/// <param name="Date">Election day.</param>
/// <param name="Languages">The languages of the public site, first the default.</param>
/// <param name="Sources">Who counts.</param>
/// <param name="Forms">The protocol forms.</param>
/// <param name="Choices">Every choice of every contest.</param>
/// <param name="Contests">The ballot questions.</param>
/// <param name="Areas">The map, in file order.</param>
public sealed record ElectionDefinition(
    ElectionId Id,
    LocalizedText Name,
    DateOnly Date,
    ImmutableArray<string> Languages,
    ImmutableArray<CountSource> Sources,
    ImmutableArray<ProtocolForm> Forms,
    ImmutableArray<Choice> Choices,
    ImmutableArray<Contest> Contests,
    ImmutableArray<Area> Areas)
{
    /// <summary>Which two counts are compared station by station, and the tolerance; null: the default (see <see
    /// cref="ReconciliationRule.DefaultFor"/>).</summary>
    public ReconciliationRule? Reconciliation { get; init; }

    /// <summary>The levels of the map from the root down to the polling station, then the groupings; <see cref="Area.Level"/> points
    /// here.</summary>
    public ImmutableArray<AreaLevel> Levels { get; init; } = AreaLevel.Defaults;

    /// <summary>
    /// The local times of election day (<c>HH:mm</c>, ascending) at which stations report how many voters have taken part so far
    /// (docs/turnout.md); empty when the election publishes no turnout during the day.
    /// </summary>
    public ImmutableArray<string> TurnoutTimes { get; init; } = [];

    /// <summary>The IANA id of the election's time zone (e.g. <c>Asia/Bishkek</c>), in which the site states times; null: UTC.</summary>
    public string? TimeZone { get; init; }

    /// <summary>The credit line the areas' geometry asks for (its source and licence), by language; null: no geometry or no credit.</summary>
    public LocalizedText? MapCredit { get; init; }

    /// <summary>How many of <see cref="Levels"/> are levels of the tree (the rest are groupings); the last of them is the station.</summary>
    public int TreeDepth => Levels.Count(l => !l.Grouping);
}
