using Sanoo.Core.Definitions;
using Sanoo.Core.Transparency;

namespace Sanoo.Web.Site;

/// <summary>A link: its text and address.</summary>
public sealed record Link(string Text, string Href);

/// <summary>
/// What every page shows around its results: the language and the others on offer, where the
/// page sits on the map, the stage of the count stated plainly, and the snapshot and signed
/// tree head every number on the page comes from.
/// </summary>
/// <param name="Language">The page's language.</param>
/// <param name="Languages">Every language of the site, in the definition's order.</param>
/// <param name="ElectionName">The election's name in the page's language.</param>
/// <param name="Title">The page's heading.</param>
/// <param name="PathAfterLanguage">The page's address after <c>/{language}</c>, e.g. <c>/area/d05/</c>.</param>
/// <param name="Crumbs">The areas above the page, from the nation down.</param>
/// <param name="Stage">The stage of the count, in words.</param>
/// <param name="Halted">Why publication is paused, in words; null while live.</param>
/// <param name="Snapshot">The snapshot's log position.</param>
/// <param name="PublishedAt">When the snapshot was published.</param>
/// <param name="TreeHead">The transparency log's tree head at the snapshot, signed by the commission.</param>
public sealed record PageFrame(
    SiteLanguage Language,
    IReadOnlyList<string> Languages,
    string ElectionName,
    string Title,
    string PathAfterLanguage,
    IReadOnlyList<Link> Crumbs,
    string Stage,
    string? Halted,
    long Snapshot,
    DateTimeOffset PublishedAt,
    TreeHead? TreeHead)
{
    /// <summary>Whether the election compares two counts, so the site has a discrepancy ledger.</summary>
    public bool HasLedger { get; init; }

    /// <summary>Whether the page is of an area above the stations in an election that reports turnout during the day.</summary>
    public bool HasTurnout { get; init; }

    /// <summary>The address of the area's page of the count through the night; null where it has none (a station, an area without the
    /// main contest).</summary>
    public string? ProgressPath { get; init; }

    /// <summary>The stage sentence in parts when it quotes the certification's statement (so the page marks what was entered); else
    /// null.</summary>
    public StageStatement? StageStatement { get; init; }

    /// <summary>Whether the page has its own <c>data.csv</c> and <c>data.json</c> to link to.</summary>
    public bool DataFiles { get; init; } = true;

    /// <summary>The independent witnesses who verified and cosigned this tree head's size and root, newest first; null where
    /// witnesses are not followed (a published copy), empty when none has.</summary>
    public IReadOnlyList<WitnessMark>? Witnesses { get; init; }

    /// <summary>Whether the election has single-member contests, so the site has a page listing them.</summary>
    public bool HasSingleMember { get; init; }

    /// <summary>The election's time zone (an IANA id from the definition), in which the footer states when the snapshot was
    /// published; null for UTC.</summary>
    public string? TimeZone { get; init; }

    /// <summary>What a link to the page shows when shared (Open Graph and Twitter card); null on pages without one.</summary>
    public ShareCard? Share { get; init; }
    /// <summary>Whether a risk-limiting audit has been planned, so the site has its page.</summary>
    public bool HasAudit { get; init; }

    /// <summary>The election's id, which starts the name of every file downloaded from the page.</summary>
    public string ElectionId { get; init; } = "";

    /// <summary>The page's file in its folder when it is not the folder's <c>index.html</c> (the ballot-order twin).</summary>
    public string File { get; init; } = "";

    /// <summary>What the page's own check needs ("check these numbers"); null on a page that adds up no protocols itself, or where
    /// the copy does not carry the commission's key.</summary>
    public PageCheck? Check { get; init; }

    /// <summary>The way from the page's folder up to the site's root (<c>../../../</c> from <c>/ky/area/d05/</c>): what the page's
    /// script fetches through, so that a copy works from any folder of any static server.</summary>
    public string ToRoot => string.Concat(Enumerable.Repeat("../", Math.Max(1, Path.Count(c => c == '/') - 1)));

    /// <summary>The page's own address (its folder, where its open data is).</summary>
    public string Path => $"/{Language.Code}{PathAfterLanguage}";

    /// <summary>The same page in another language.</summary>
    public string PathIn(string language) => $"/{language}{PathAfterLanguage}{File}";

    /// <summary>
    /// The name a download from this page is saved under, saying what it is: election, language and page, e.g.
    /// <c>kg-2021-ky-area-batken.csv</c> (<c>kg-2021-ky-results.csv</c> for the nation's page).
    /// </summary>
    public string DownloadName(string extension) =>
        $"{ElectionId}-{Language.Code}-{(PathAfterLanguage.Trim('/') is { Length: > 0 } page ? page.Replace('/', '-') : "results")}.{extension}";
}

/// <summary>
/// What a results page carries for its own check in the reader's browser: the area whose entries it fetches and the commission's
/// public key the signed tree head must verify with. The tree size and root come from the frame's <see cref="PageFrame.TreeHead"/>.
/// </summary>
/// <param name="Area">The page's area or station id.</param>
/// <param name="Key">The commission's Ed25519 public key, base64.</param>
public sealed record PageCheck(string Area, string Key)
{
    /// <summary>The check of the page of <paramref name="area"/>; null without a signed head or a key to check it with.</summary>
    public static PageCheck? Of(Publishing.Published published, Core.Definitions.Area area) =>
        published is { TreeHead: not null, CommissionKey: { } key } ? new(area.Id.Value, Convert.ToBase64String(key)) : null;
}

/// <summary>A witness who cosigned the page's tree head, <paramref name="Minutes"/> whole minutes before the page was made.</summary>
/// <param name="Name">The witness's name as enrolled.</param>
/// <param name="Minutes">How long ago its cosignature was received, in whole minutes (0 or more).</param>
public sealed record WitnessMark(string Name, long Minutes);

/// <summary>One count source's progress and totals for a contest in an area.</summary>
/// <param name="Id">The source's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Official">Whether it is the legally binding count.</param>
/// <param name="Reporting">Stations counted.</param>
/// <param name="Expected">Stations that vote on the contest in the area.</param>
/// <param name="RegisteredCovered">Voters on the lists of the stations counted.</param>
/// <param name="RegisteredTotal">Voters on the lists of every station in the area.</param>
/// <param name="Participation">Voters who took part, at the stations counted.</param>
/// <param name="Valid">Valid votes (all choices, "against all" included).</param>
/// <param name="Flagged">Counted protocols that break a warning-level relation.</param>
public sealed record SourceResult(
    string Id, string Name, bool Official, int Reporting, int Expected,
    long RegisteredCovered, long RegisteredTotal, long Participation, long Valid, int Flagged);

/// <summary>One choice's votes and shares, one per source in the contest's source order, and its seats.</summary>
/// <param name="Id">The choice's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="BallotNumber">Its number on the ballot, if any.</param>
/// <param name="Color">Its colour in bars and the hemicycle.</param>
/// <param name="Votes">Votes, per source.</param>
/// <param name="Share">Share of the voters who took part in percent, rounded down to 2 decimals, per source.</param>
/// <param name="Seats">Seats won (party-list contests at their own area), else null.</param>
/// <param name="PassedThreshold">Whether it passed the threshold (null where seats are not shown).</param>
public sealed record ChoiceRow(
    string Id, string Name, int? BallotNumber, string Color,
    IReadOnlyList<long> Votes, IReadOnlyList<decimal> Share, int? Seats, bool? PassedThreshold);

/// <summary>A protocol line's value per source (area sums) or for one protocol.</summary>
/// <param name="Id">The line's id.</param>
/// <param name="Name">Its label.</param>
/// <param name="Values">Its values, per source.</param>
public sealed record LineRow(string Id, string Name, IReadOnlyList<long> Values);

/// <summary>The seats a party holds, for the hemicycle.</summary>
public sealed record SeatGroup(string Id, string Name, string Color, int Seats);

/// <summary>
/// One contest's results in one area: every source side by side, the choices, and for the
/// contest's own area its seats (party list) or its winner (single member).
/// </summary>
/// <param name="Id">The contest's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">Party list or single member.</param>
/// <param name="Sources">Each source's progress and totals.</param>
/// <param name="Primary">The source the bars, seats and winner come from: the one with most stations counted, the official one on a tie.</param>
/// <param name="Rows">The choices in ballot order.</param>
/// <param name="ThresholdText">The threshold in words, where seats are shown.</param>
/// <param name="ThresholdLine">Where to draw the threshold on the bars (percent of voters who took part), when the threshold is taken of
/// them.</param>
/// <param name="Seats">The parties holding seats, most first.</param>
/// <param name="Outcome">For a single-member contest at its own area: the winner, or why there is none.</param>
/// <param name="Lines">The protocol lines summed, per source.</param>
public sealed record ContestResult(
    string Id,
    string Name,
    ContestKind Kind,
    IReadOnlyList<SourceResult> Sources,
    int Primary,
    IReadOnlyList<ChoiceRow> Rows,
    string? ThresholdText,
    decimal? ThresholdLine,
    IReadOnlyList<SeatGroup> Seats,
    string? Outcome,
    IReadOnlyList<LineRow> Lines)
{
    /// <summary>How the two compared counts differ over the area's stations; null with a single count.</summary>
    public ReconciliationSummary? Reconciliation { get; init; }

    /// <summary>For a single-member contest at its own area: the outcome's word as the open data says it (<c>elected</c>, <c>tie</c> …).</summary>
    public string? OutcomeKind { get; init; }

    /// <summary>For a single-member contest at its own area: the elected candidate's id, else null.</summary>
    public string? WinnerId { get; init; }

    /// <summary>Every step and lottery tie of the seat allocation, worded in the page's language; empty where no seats are shown.</summary>
    public IReadOnlyList<string> SeatSteps { get; init; } = [];
}

/// <summary>An area below the page's area, with each source's progress and who leads there.</summary>
/// <param name="Id">The area's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Href">Its page.</param>
/// <param name="Reporting">Stations counted, per source.</param>
/// <param name="Expected">Stations expected.</param>
/// <param name="Leader">The choice leading in the primary source, with its share; null before any count.</param>
public sealed record ChildRow(string Id, string Name, string Href, IReadOnlyList<int> Reporting, int Expected, string? Leader)
{
    /// <summary>Turnout at the stations counted by the primary source, as the turnout map shows it; null before any count.</summary>
    public string? Turnout { get; init; }
}

/// <summary>The page of an area above the stations: the root, an area of any level, or an area of a grouping.</summary>
/// <param name="Frame">The frame.</param>
/// <param name="Results">The party-list contest (or the first contest) in this area; null when no contest is tallied here.</param>
/// <param name="LocalContests">Single-member contests held in this area.</param>
/// <param name="ChildrenHeading">What the areas below are called.</param>
/// <param name="Children">The areas below.</param>
/// <param name="SourceNames">The sources' names, in order, for the children's columns.</param>
public sealed record AreaPage(
    PageFrame Frame,
    ContestResult? Results,
    IReadOnlyList<ContestResult> LocalContests,
    string ChildrenHeading,
    IReadOnlyList<ChildRow> Children,
    IReadOnlyList<string> SourceNames)
{
    /// <summary>On the root's page: the areas of each grouping, one table per grouping.</summary>
    public IReadOnlyList<ChildTable> Groupings { get; init; } = [];

    /// <summary>Who leads, the seats, how much is counted and as of when: what a reader sees before scrolling; null without results.</summary>
    public FoldSummary? Summary { get; init; }

    /// <summary>On the root's page of an election with single-member contests: the whole parliament; else null.</summary>
    public Parliament? Parliament { get; init; }

    /// <summary>The areas below on maps, by leader and by turnout; null where no map is drawn (see <see cref="MapPages"/>).</summary>
    public AreaMapModel? Map { get; init; }

    /// <summary>Whether the results are in ballot order (the page's twin <see cref="SitePaths.BallotOrder"/>), not by votes.</summary>
    public bool BallotOrder { get; init; }
}

/// <summary>A table of areas under a heading: the areas of one grouping.</summary>
/// <param name="Heading">What the areas are called.</param>
/// <param name="Rows">The areas.</param>
public sealed record ChildTable(string Heading, IReadOnlyList<ChildRow> Rows);

/// <summary>A control relation checked on one protocol.</summary>
/// <param name="Id">The relation's name.</param>
/// <param name="Rule">The relation as written.</param>
/// <param name="Error">Whether breaking it rejects the protocol (else it is flagged).</param>
/// <param name="Description">What it means, in the page's language when the definition says it in it, when the definition says.</param>
/// <param name="Broken">The values of both sides, when it does not hold; null when it holds.</param>
public sealed record RelationRow(string Id, string Rule, bool Error, string? Description, string? Broken)
{
    /// <summary>The language of <see cref="Description"/> when it is not the page's (the definition gave no text in it); else null.</summary>
    public string? DescriptionLanguage { get; init; }
}

/// <summary>One protocol version as received.</summary>
/// <param name="Sequence">Its place in the log.</param>
/// <param name="Version">Its version number.</param>
/// <param name="Outcome">What became of it, in the page's language.</param>
/// <param name="Counted">Whether it is the version counted now.</param>
/// <param name="ReceivedAt">When it arrived.</param>
/// <param name="Sender">Who sent it: a device or an operator.</param>
/// <param name="Correction">The reason and author of a correction; null for a first version.</param>
/// <param name="Receipt">The SHA-256 of the protocol, in hex.</param>
/// <param name="Violations">The control relations it broke.</param>
public sealed record VersionRow(
    long Sequence, int Version, string Outcome, bool Counted, DateTimeOffset ReceivedAt,
    string Sender, string? Correction, string Receipt, IReadOnlyList<ViolationRow> Violations);

/// <summary>A control relation a protocol version broke, as a page words it.</summary>
/// <param name="Severity">Error or warning, in the page's language.</param>
/// <param name="Relation">The relation's name (its id).</param>
/// <param name="Rule">The relation as written.</param>
/// <param name="Values">The values of both sides, e.g. <c>valid = 1 200, votes(*) = 1 250</c>.</param>
/// <param name="Description">What the relation means, from the definition, when it says.</param>
/// <param name="DescriptionLanguage">The language of <paramref name="Description"/> when it is not the page's; else null.</param>
public sealed record ViolationRow(string Severity, string Relation, string Rule, string Values, string? Description, string? DescriptionLanguage);

/// <summary>
/// One count of one contest at a station: the protocol shown line by line (the version
/// counted, else the newest received), its control relations, and every version received.
/// </summary>
public sealed record StationCount(
    string ContestName,
    string SourceName,
    bool Official,
    int? ShownVersion,
    bool ShownCounted,
    IReadOnlyList<LineRow> Lines,
    IReadOnlyList<LineRow> Votes,
    IReadOnlyList<RelationRow> Relations,
    IReadOnlyList<VersionRow> Versions)
{
    /// <summary>The contest's id.</summary>
    public string Contest { get; init; } = "";

    /// <summary>The count source's id.</summary>
    public string Source { get; init; } = "";

    /// <summary>The image of the signed paper protocol that the shown version names; null when it names none.</summary>
    public Core.Protocols.ProtocolImage? Image { get; init; }
}

/// <summary>The page of a polling station.</summary>
public sealed record StationPage(PageFrame Frame, long Registered, long Additional, IReadOnlyList<StationCount> Counts)
{
    /// <summary>How the station's two compared counts differ, contest by contest.</summary>
    public IReadOnlyList<ComparisonRow> Comparisons { get; init; } = [];

    /// <summary>Recounts the commission ordered at this station.</summary>
    public IReadOnlyList<RecountRow> Recounts { get; init; } = [];

    /// <summary>Observers' reports on this station, with the commission's answers.</summary>
    public IReadOnlyList<Reports.ReportRow> Reports { get; init; } = [];

    /// <summary>Why the station is flagged among the statistical anomalies (docs/forensics.md), in words; null when it is not.</summary>
    public string? Anomalies { get; init; }
}
