namespace Sanoo.Contracts;

/// <summary>
/// The single-member districts' page's <c>data.json</c> (<c>/{lang}/single-member/</c>): every single-member contest tallied in the
/// snapshot, from the count each contest's page takes its winner from, in the definition's order.
/// </summary>
/// <param name="Snapshot">The snapshot's log position.</param>
/// <param name="PublishedAt">When the snapshot was published.</param>
/// <param name="Stage">The stage of the count, in the page's language.</param>
/// <param name="Districts">Each contest's outcome.</param>
public sealed record SingleMemberPageData(long Snapshot, DateTimeOffset PublishedAt, string Stage, IReadOnlyList<DistrictResult> Districts)
{
    /// <summary>Why publication is paused, in words; null while live (the page says it, as an area's does).</summary>
    public string? Halted { get; init; }

    /// <summary>The tree head at the snapshot, which the page's footer names; null before one is signed.</summary>
    public PageTreeHead? TreeHead { get; init; }
}

/// <summary>One single-member contest's outcome in one count.</summary>
/// <param name="Contest">The contest's id.</param>
/// <param name="Name">Its name (its district), in the page's language.</param>
/// <param name="Area">The id of the area it is held in.</param>
/// <param name="Href">That area's page.</param>
/// <param name="Source">The count source the outcome comes from (the one with most stations in, the official one on a tie).</param>
/// <param name="Official">Whether that count is the legally binding one.</param>
/// <param name="Reporting">Stations counted.</param>
/// <param name="Expected">Stations that vote on the contest.</param>
/// <param name="Outcome"><c>elected</c>, <c>not-counted</c>, <c>tie</c>, <c>against-all-leads</c>, <c>runoff-required</c> or
/// <c>turnout-too-low</c>.</param>
/// <param name="Winner">The elected candidate; null without a winner.</param>
/// <param name="RunnerUp">The candidate second in votes (first, without a winner); null when too few have votes.</param>
/// <param name="Margin">The winner's lead over the runner-up in votes; null without a winner.</param>
public sealed record DistrictResult(
    string Contest,
    string Name,
    string Area,
    string Href,
    string Source,
    bool Official,
    int Reporting,
    int Expected,
    string Outcome,
    DistrictCandidate? Winner,
    DistrictCandidate? RunnerUp,
    long? Margin);

/// <summary>A candidate of a single-member contest and their votes.</summary>
/// <param name="Id">The candidate's choice id.</param>
/// <param name="Name">Their name, in the page's language.</param>
/// <param name="Party">The choice id of the party that nominated them; null when self-nominated.</param>
/// <param name="Votes">Their votes in the count.</param>
public sealed record DistrictCandidate(string Id, string Name, string? Party, long Votes);
