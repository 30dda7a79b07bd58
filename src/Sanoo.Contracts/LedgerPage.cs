namespace Sanoo.Contracts;

/// <summary>
/// The discrepancy ledger's <c>data.json</c> (<c>/{lang}/discrepancies/</c>): two counts compared at
/// every station, totalled per area of every level between the root and the stations (and per area of each grouping), with
/// the stations that differ.
/// </summary>
/// <param name="Snapshot">The snapshot's log position.</param>
/// <param name="First">The first count source compared (e.g. <c>machine</c>); null when the election compares no two commission
/// counts and the page holds only the parties' copies.</param>
/// <param name="Second">The second (e.g. <c>hand</c>); null with <paramref name="First"/>.</param>
/// <param name="Tolerance">How far two counts may differ and still be "within tolerance"; null with <paramref name="First"/>.</param>
/// <param name="Summary">The nation's summary for the main contest, in words ("" with no two commission counts).</param>
/// <param name="Levels">The lines of the main contest, one table per level (then per grouping).</param>
/// <param name="Recounts">The recounts the commission ordered, oldest first.</param>
/// <param name="Stations">Every station and contest whose counts do not match exactly.</param>
public sealed record LedgerPageData(
    long Snapshot,
    string? First,
    string? Second,
    Tolerance? Tolerance,
    string Summary,
    IReadOnlyList<LedgerLevel> Levels,
    IReadOnlyList<RecountRow> Recounts,
    IReadOnlyList<StationDifference> Stations)
{
    /// <summary>Each party's copy of the protocols compared with the official count, in definition order; empty when none.</summary>
    public IReadOnlyList<PartyCopyComparison> PartyCopies { get; init; } = [];
}

/// <summary>One party's copies of the protocols (a count source entered by its agents) compared with the official count.</summary>
/// <param name="Source">The copy's count source id.</param>
/// <param name="Party">The party's choice id.</param>
/// <param name="Official">The official count source it is compared with.</param>
/// <param name="Compared">Copies (station and contest, every contest) compared with the official count.</param>
/// <param name="Match">Of those, copies that match the official count exactly.</param>
/// <param name="Differ">Copies that differ.</param>
/// <param name="VotesApart">The sum of the absolute vote differences of the copies compared.</param>
/// <param name="Stations">Every station and contest whose copy differs from the official count (<c>discrepancy</c>) or waits for it
/// (<c>one-side-missing</c>, no second version).</param>
public sealed record PartyCopyComparison(
    string Source,
    string Party,
    string Official,
    int Compared,
    int Match,
    int Differ,
    long VotesApart,
    IReadOnlyList<StationDifference> Stations)
{
    /// <summary>Copies of a station whose official count is not in yet.</summary>
    public int Waiting { get; init; }
}

/// <summary>The ledger's lines for the areas of one level or grouping.</summary>
/// <param name="Level">The level's (or grouping's) id.</param>
/// <param name="Heading">What its areas are called.</param>
/// <param name="Rows">Its areas' lines.</param>
public sealed record LedgerLevel(string Level, string Heading, IReadOnlyList<LedgerRow> Rows);

/// <summary>The ledger's tolerance: a difference within either bound is tolerated.</summary>
/// <param name="Absolute">Votes.</param>
/// <param name="RelativePercent">Percent of the larger of the two figures.</param>
public sealed record Tolerance(long Absolute, decimal RelativePercent);

/// <summary>One area's line of the ledger.</summary>
/// <param name="Id">The area's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Href">Its page.</param>
/// <param name="Compared">Stations with both counts.</param>
/// <param name="Match">Stations whose counts match exactly.</param>
/// <param name="Within">Stations that differ within the tolerance.</param>
/// <param name="Differ">Stations that differ beyond it.</param>
/// <param name="OneOnly">Stations with one count only.</param>
/// <param name="VotesApart">The sum of the absolute vote differences.</param>
public sealed record LedgerRow(string Id, string Name, string Href, int Compared, int Match, int Within, int Differ, int OneOnly, long VotesApart);

/// <summary>A recount as the ledger and station pages list it.</summary>
/// <param name="Id">The order's number.</param>
/// <param name="Station">The station.</param>
/// <param name="Href">The station's page.</param>
/// <param name="Contest">The contest.</param>
/// <param name="Reason">Why.</param>
/// <param name="OrderedBy">Who recorded the order.</param>
/// <param name="OrderedAt">When (ISO 8601 with offset).</param>
/// <param name="Outcome">The latest finding; null until one is recorded.</param>
public sealed record RecountRow(
    long Id,
    string Station,
    string Href,
    string Contest,
    string Reason,
    string OrderedBy,
    DateTimeOffset OrderedAt,
    string? Outcome);

/// <summary>How one station's two counts of one contest differ.</summary>
/// <param name="Station">The station's id.</param>
/// <param name="Contest">The contest's id.</param>
/// <param name="Class">The comparison's class, e.g. <c>within-tolerance</c>, <c>discrepancy</c>, <c>one-side-missing</c>.</param>
/// <param name="FirstVersion">The version of the first count compared; null when it is missing.</param>
/// <param name="SecondVersion">The version of the second; null when it is missing.</param>
/// <param name="VotesApart">The sum of the absolute vote differences.</param>
/// <param name="LineDifferences">Second minus first, per protocol line, in form order.</param>
/// <param name="VoteDifferences">Second minus first, per choice, in ballot order.</param>
public sealed record StationDifference(
    string Station,
    string Contest,
    string Class,
    int? FirstVersion,
    int? SecondVersion,
    long VotesApart,
    IReadOnlyList<long> LineDifferences,
    IReadOnlyList<long> VoteDifferences);

/// <summary>
/// A control relation as the operators' entry page evaluates it while a protocol is typed
/// (embedded in the page as JSON): both sides as coefficients of lines and votes.
/// </summary>
/// <param name="Id">The relation's id.</param>
/// <param name="Rule">The relation as written.</param>
/// <param name="Description">What it means in the page's language, when the definition says.</param>
/// <param name="Error">Whether breaking it rejects the protocol (else it is flagged).</param>
/// <param name="Comparison">The comparison, e.g. <c>=</c>, <c>&lt;=</c>.</param>
/// <param name="Left">The left side.</param>
/// <param name="Right">The right side.</param>
public sealed record FormRelation(string Id, string Rule, string? Description, bool Error, string Comparison, FormSide Left, FormSide Right);

/// <summary>One side of a relation: a sum of coefficients times lines and times votes.</summary>
/// <param name="Lines">Pairs <c>[line index, coefficient]</c>, indexes in form order.</param>
/// <param name="Votes">Pairs <c>[choice index, coefficient]</c>, indexes in ballot order.</param>
public sealed record FormSide(IReadOnlyList<IReadOnlyList<long>> Lines, IReadOnlyList<IReadOnlyList<long>> Votes);
