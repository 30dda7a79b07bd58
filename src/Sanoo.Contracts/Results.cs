using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Sanoo.Contracts;

/// <summary>What a contest elects.</summary>
[JsonConverter(typeof(WireEnumConverter<ContestKind>))]
public enum ContestKind
{
    /// <summary><c>party-list</c>: seats shared among parties by proportional rules.</summary>
    PartyList,

    /// <summary><c>single-member</c>: one seat, by plurality.</summary>
    SingleMember,
}

/// <summary>
/// <c>GET /api/v1/results</c>: one contest's results by one count source in one area, with the
/// areas just below, all from one snapshot.
/// </summary>
/// <param name="Election">The election's id.</param>
/// <param name="Snapshot">The snapshot's log position.</param>
/// <param name="Contest">The contest.</param>
/// <param name="Source">The count source.</param>
/// <param name="Area">The area.</param>
/// <param name="Reporting">How many stations are counted.</param>
/// <param name="Participation">Voters who took part at the stations counted.</param>
/// <param name="ValidVotes">Votes for every choice, "against all" included.</param>
/// <param name="Flagged">Counted protocols that break a warning-level relation.</param>
/// <param name="Lines">The protocol form's lines summed over the stations counted, by line id, in form order.</param>
/// <param name="Choices">Every choice, in ballot order.</param>
/// <param name="Seats">For a party-list contest at its own area: the seats and how they were allocated; else null.</param>
/// <param name="Outcome">For a single-member contest at its own area: the winner or why there is none; else null.</param>
/// <param name="Children">The areas just below, each with its own sums.</param>
public sealed record AreaResults(
    string Election,
    long Snapshot,
    ContestRef Contest,
    SourceRef Source,
    AreaRef Area,
    Reporting Reporting,
    long Participation,
    long ValidVotes,
    int Flagged,
    IReadOnlyDictionary<string, long> Lines,
    IReadOnlyList<ChoiceResult> Choices,
    SeatsResult? Seats,
    SingleMemberOutcome? Outcome,
    IReadOnlyList<ChildResult> Children)
{
    /// <summary>At the contest's own area: the areas of the groupings (electoral districts beside the map) that lie inside it, each
    /// with its own sums; their <c>kind</c> is the grouping's id. They cover the same stations as <see cref="Children"/>: never add
    /// the two lists together.</summary>
    public IReadOnlyList<ChildResult> Groupings { get; init; } = [];
}

/// <summary>A contest, named in the requested language.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">Party list or single member.</param>
/// <param name="Seats">Seats to fill.</param>
public sealed record ContestRef(string Id, string Name, ContestKind Kind, int Seats);

/// <summary>A count source, named in the requested language.</summary>
/// <param name="Id">Its id, e.g. <c>hand</c>.</param>
/// <param name="Name">Its name.</param>
/// <param name="Official">Whether it is the legally binding count.</param>
public sealed record SourceRef(string Id, string Name, bool Official);

/// <summary>An area, named in the requested language.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">Its level's id as the definition names it (by default <c>nation</c>, <c>region</c>, <c>district</c> or
/// <c>station</c>), or its grouping's id.</param>
/// <param name="Station">Whether it is a polling station.</param>
public sealed record AreaRef(string Id, string Name, string Kind, bool Station);

/// <summary>How far the count has come in an area.</summary>
/// <param name="Stations">Stations whose protocol is counted.</param>
/// <param name="StationsExpected">Stations in the area that vote on the contest.</param>
/// <param name="RegisteredCovered">Voters on the lists of the stations counted.</param>
/// <param name="RegisteredTotal">Voters on the lists of every station in the area.</param>
public sealed record Reporting(int Stations, int StationsExpected, long RegisteredCovered, long RegisteredTotal);

/// <summary>One choice's votes in an area.</summary>
/// <param name="Id">The choice's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="BallotNumber">Its number on the ballot, if it has one.</param>
/// <param name="Votes">Its votes.</param>
/// <param name="SharePercent">Its votes in percent of the voters who took part, rounded to 4 decimals (0 before any count).</param>
public sealed record ChoiceResult(string Id, string Name, int? BallotNumber, long Votes, decimal SharePercent);

/// <summary>The seats of a party-list contest and every step of their allocation.</summary>
/// <param name="Total">Seats allocated.</param>
/// <param name="Method">The allocation method's name (docs/seats.md), e.g. <c>hare</c>.</param>
/// <param name="Parties">Each party's seats, in ballot order.</param>
/// <param name="Steps">The allocation explained in the requested language, one sentence a step.</param>
/// <param name="Ties">Ties met and how each was broken, in the requested language, one sentence each.</param>
/// <param name="StepData">The same steps as data: objects with a <c>kind</c> and the step's figures (docs/api.md, "Seat steps as data").</param>
/// <param name="TieData">The same ties as data, with the tied parties, the lottery order and its seed.</param>
public sealed record SeatsResult(
    int Total,
    string Method,
    IReadOnlyList<PartySeats> Parties,
    IReadOnlyList<string> Steps,
    IReadOnlyList<string> Ties,
    JsonArray StepData,
    JsonArray TieData);

/// <summary>One party's seats.</summary>
/// <param name="Id">The party's choice id.</param>
/// <param name="Seats">Seats won.</param>
/// <param name="PassedThreshold">Whether it passed the threshold.</param>
public sealed record PartySeats(string Id, int Seats, bool PassedThreshold);

/// <summary>The outcome of a single-member contest: the winner, or null fields and the reason there is none.</summary>
/// <param name="Elected">The winner's choice id; null when nobody is elected.</param>
/// <param name="Votes">The winner's votes; null when nobody is elected.</param>
/// <param name="Margin">The winner's lead over the runner-up, in votes; null when nobody is elected.</param>
/// <param name="Reason">Why nobody is elected, e.g. "against all" leads; null when someone is.</param>
public sealed record SingleMemberOutcome(string? Elected, long? Votes, long? Margin, string? Reason);

/// <summary>An area just below the requested one, with its sums.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">Its level's id, or its grouping's.</param>
/// <param name="Reporting">How many of its stations are counted.</param>
/// <param name="Participation">Voters who took part at the stations counted.</param>
/// <param name="ValidVotes">Votes for every choice.</param>
/// <param name="Votes">Votes per choice, in ballot order (as <see cref="AreaResults.Choices"/>).</param>
public sealed record ChildResult(
    string Id,
    string Name,
    string Kind,
    Reporting Reporting,
    long Participation,
    long ValidVotes,
    IReadOnlyList<long> Votes);
