namespace Sanoo.Web.Site;

/// <summary>How two counts compare over an area's stations, for a contest, with a link to the ledger.</summary>
/// <param name="Text">The summary in words.</param>
/// <param name="Differ">Stations whose counts differ beyond the tolerance.</param>
/// <param name="Href">The discrepancy ledger.</param>
public sealed record ReconciliationSummary(string Text, int Differ, string Href);

/// <summary>One area's line of the ledger.</summary>
public sealed record LedgerRow(string Id, string Name, string Href, int Compared, int Match, int Within, int Differ, int OneOnly, long VotesApart);

/// <summary>One station whose counts differ, in the ledger's list of the largest differences.</summary>
/// <param name="Station">The station's id.</param>
/// <param name="Href">Its page.</param>
/// <param name="Area">The area it belongs to.</param>
/// <param name="Contest">The contest.</param>
/// <param name="VotesApart">The sum of the absolute vote differences.</param>
/// <param name="Detail">The choices that differ most, e.g. "Ishenim +12, Ata-Jurt −10".</param>
public sealed record LedgerStation(string Station, string Href, string Area, string Contest, long VotesApart, string Detail);

/// <summary>The public discrepancy ledger: two counts compared at every station, totalled per area of each level and grouping.</summary>
/// <param name="Frame">The frame.</param>
/// <param name="Rule">Which counts are compared, in words.</param>
/// <param name="Tolerance">The tolerance, in words.</param>
/// <param name="Summary">The nation's summary for the main contest.</param>
/// <param name="ContestName">The main contest's name.</param>
/// <param name="Levels">The main contest's lines, one table per level between the root and the stations, then per grouping.</param>
/// <param name="Largest">The stations that differ most, every contest.</param>
public sealed record LedgerPage(
    PageFrame Frame,
    string Rule,
    string Tolerance,
    string Summary,
    string ContestName,
    IReadOnlyList<LedgerLevel> Levels,
    IReadOnlyList<LedgerStation> Largest)
{
    /// <summary>The recounts the commission ordered, oldest first.</summary>
    public IReadOnlyList<RecountRow> Recounts { get; init; } = [];

    /// <summary>What the areas just above the stations are called (the column of the stations' areas).</summary>
    public string ParentHeading { get; init; } = "";

    /// <summary>Each party's copy of the protocols against the official count; empty when no party keeps one.</summary>
    public IReadOnlyList<PartyCopySection> PartyCopies { get; init; } = [];
}

/// <summary>One party's copies of the protocols compared with the official count, station by station.</summary>
/// <param name="Source">The copy's count source id.</param>
/// <param name="Party">The party's choice id.</param>
/// <param name="Heading">The party's name and the copy's, e.g. "Ata-Jurt: the party's copies".</param>
/// <param name="Summary">Copies compared, matching, differing, votes apart and waiting, in words; or that none was entered.</param>
/// <param name="Differing">Every station and contest whose copy differs from the official count, most votes apart first.</param>
/// <param name="Waiting">Every station and contest with a copy but no official count yet.</param>
public sealed record PartyCopySection(
    string Source, string Party, string Heading, string Summary, IReadOnlyList<LedgerStation> Differing, IReadOnlyList<LedgerStation> Waiting);

/// <summary>The ledger's lines for the areas of one level or grouping.</summary>
/// <param name="Level">The level's id.</param>
/// <param name="Heading">What its areas are called.</param>
/// <param name="Rows">The lines.</param>
public sealed record LedgerLevel(string Level, string Heading, IReadOnlyList<LedgerRow> Rows);

/// <summary>How a station's two counts of one contest compare, in words.</summary>
public sealed record ComparisonRow(string ContestName, string Class, bool Differs, string Detail);

/// <summary>A recount the commission ordered, with its outcome once recorded (both as the page's language shows them).</summary>
public sealed record RecountRow(
    long Id, string Station, string Href, string Contest, ShownText Reason, string OrderedBy, DateTimeOffset OrderedAt, ShownText? Outcome);
