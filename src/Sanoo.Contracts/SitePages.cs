namespace Sanoo.Contracts;

/// <summary><c>/snapshot.json</c>: what a results page's script polls to know when to reload.</summary>
/// <param name="Snapshot">The published snapshot's log position; null before the first.</param>
/// <param name="PublishedAt">When it was published (ISO 8601 with offset).</param>
/// <param name="Halted">Whether publication is halted.</param>
/// <param name="TreeHead">The tree head at the snapshot; null before the first.</param>
public sealed record SnapshotMarker(long? Snapshot, DateTimeOffset PublishedAt, bool Halted, MarkedTreeHead? TreeHead);

/// <summary>The tree head named by the snapshot marker.</summary>
/// <param name="Size">Entries in the tree.</param>
/// <param name="Root">The Merkle root, lower-case hex.</param>
public sealed record MarkedTreeHead(long Size, string Root);

/// <summary>
/// An area page's <c>data.json</c> (<c>/{lang}/</c>, <c>/{lang}/area/{id}/</c>): everything the page
/// shows, in the page's language.
/// </summary>
/// <param name="Election">The election's name.</param>
/// <param name="Snapshot">The snapshot's log position.</param>
/// <param name="PublishedAt">When it was published (ISO 8601 with offset).</param>
/// <param name="Stage">The stage of the count, in words.</param>
/// <param name="Halted">Why publication is paused, in words; null while live.</param>
/// <param name="TreeHead">The tree head at the snapshot; null before one is signed.</param>
/// <param name="Area">The page's area.</param>
/// <param name="Results">The main contest in this area; null when no contest is tallied here.</param>
/// <param name="LocalContests">Single-member contests held in this area.</param>
/// <param name="Children">The areas below.</param>
/// <param name="Sources">The count sources' names, in order (the columns of <see cref="ChildRow.Reporting"/>).</param>
public sealed record AreaPageData(
    string Election,
    long Snapshot,
    DateTimeOffset PublishedAt,
    string Stage,
    string? Halted,
    PageTreeHead? TreeHead,
    PageArea Area,
    ContestTable? Results,
    IReadOnlyList<ContestTable> LocalContests,
    IReadOnlyList<ChildRow> Children,
    IReadOnlyList<string> Sources)
{
    /// <summary>On the root's page: the areas of each grouping of stations beside the tree (electoral districts), by grouping.</summary>
    public IReadOnlyList<ChildGroup> Groupings { get; init; } = [];
}

/// <summary>The areas of one grouping, under their heading.</summary>
/// <param name="Heading">What the grouping's areas are called.</param>
/// <param name="Children">Its areas.</param>
public sealed record ChildGroup(string Heading, IReadOnlyList<ChildRow> Children);

/// <summary>The tree head a page names.</summary>
/// <param name="Size">Entries in the tree.</param>
/// <param name="Root">The Merkle root, lower-case hex.</param>
/// <param name="Timestamp">When it was signed (ISO 8601 with offset).</param>
public sealed record PageTreeHead(long Size, string Root, DateTimeOffset Timestamp);

/// <summary>The area a page shows.</summary>
/// <param name="Name">Its heading.</param>
/// <param name="Path">The page's address, e.g. <c>/en/area/d05/</c>.</param>
public sealed record PageArea(string Name, string Path);

/// <summary>One contest's results in one area as a page shows them: every count source side by side.</summary>
/// <param name="Id">The contest's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">Party list or single member.</param>
/// <param name="Sources">Each count source's progress and totals.</param>
/// <param name="Primary">The index in <paramref name="Sources"/> of the source the bars, seats and winner come from.</param>
/// <param name="Rows">The choices, in ballot order.</param>
/// <param name="ThresholdText">The threshold in words, where seats are shown.</param>
/// <param name="ThresholdLine">Where the threshold falls on the bars, in percent of voters who took part; null when not drawn.</param>
/// <param name="Seats">The parties holding seats, most first.</param>
/// <param name="Outcome">For a single-member contest at its own area: the winner or why there is none, in words.</param>
/// <param name="Lines">The protocol lines summed, per source.</param>
/// <param name="Reconciliation">How the two compared counts differ over the area; null with a single count.</param>
public sealed record ContestTable(
    string Id,
    string Name,
    ContestKind Kind,
    IReadOnlyList<SourceProgress> Sources,
    int Primary,
    IReadOnlyList<ChoiceRow> Rows,
    string? ThresholdText,
    decimal? ThresholdLine,
    IReadOnlyList<SeatGroup> Seats,
    string? Outcome,
    IReadOnlyList<LineRow> Lines,
    ReconciliationSummary? Reconciliation);

/// <summary>One count source's progress and totals for a contest in an area.</summary>
/// <param name="Id">The source's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Official">Whether it is the legally binding count.</param>
/// <param name="Reporting">Stations counted.</param>
/// <param name="Expected">Stations that vote on the contest in the area.</param>
/// <param name="RegisteredCovered">Voters on the lists of the stations counted.</param>
/// <param name="RegisteredTotal">Voters on the lists of every station in the area.</param>
/// <param name="Participation">Voters who took part, at the stations counted.</param>
/// <param name="Valid">Valid votes (every choice, "against all" included).</param>
/// <param name="Flagged">Counted protocols that break a warning-level relation.</param>
public sealed record SourceProgress(
    string Id,
    string Name,
    bool Official,
    int Reporting,
    int Expected,
    long RegisteredCovered,
    long RegisteredTotal,
    long Participation,
    long Valid,
    int Flagged);

/// <summary>One choice's votes and shares per count source, and its seats.</summary>
/// <param name="Id">The choice's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="BallotNumber">Its number on the ballot, if any.</param>
/// <param name="Color">Its colour in bars and the hemicycle (CSS hex).</param>
/// <param name="Votes">Votes, per source.</param>
/// <param name="Share">Percent of the voters who took part, rounded down to 2 decimals, per source.</param>
/// <param name="Seats">Seats won (party-list contests at their own area), else null.</param>
/// <param name="PassedThreshold">Whether it passed the threshold; null where seats are not shown.</param>
public sealed record ChoiceRow(
    string Id,
    string Name,
    int? BallotNumber,
    string Color,
    IReadOnlyList<long> Votes,
    IReadOnlyList<decimal> Share,
    int? Seats,
    bool? PassedThreshold);

/// <summary>A protocol line's values per source.</summary>
/// <param name="Id">The line's id.</param>
/// <param name="Name">Its label.</param>
/// <param name="Values">Its values, per source.</param>
public sealed record LineRow(string Id, string Name, IReadOnlyList<long> Values);

/// <summary>The seats a party holds.</summary>
/// <param name="Id">The party's choice id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Color">Its colour (CSS hex).</param>
/// <param name="Seats">Seats held.</param>
public sealed record SeatGroup(string Id, string Name, string Color, int Seats);

/// <summary>How two compared counts differ over an area's stations.</summary>
/// <param name="Text">The summary in words.</param>
/// <param name="Differ">Stations whose counts differ beyond the tolerance.</param>
/// <param name="Href">The discrepancy ledger's address.</param>
public sealed record ReconciliationSummary(string Text, int Differ, string Href);

/// <summary>An area below a page's area.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Href">Its page.</param>
/// <param name="Reporting">Stations counted, per source.</param>
/// <param name="Expected">Stations expected.</param>
/// <param name="Leader">The choice leading in the primary source, with its share, in words; null before any count.</param>
public sealed record ChildRow(string Id, string Name, string Href, IReadOnlyList<int> Reporting, int Expected, string? Leader);
