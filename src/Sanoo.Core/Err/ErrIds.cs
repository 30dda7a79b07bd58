using Sanoo.Core.Definitions;

namespace Sanoo.Core.Err;

/// <summary>
/// How Sanoo's ids become ERR <c>@id</c>s and back. An <c>@id</c> is an XML <c>ID</c>, which may not start with a digit, while a
/// Sanoo id may; a prefix per kind makes every id valid and keeps kinds apart (an area and a choice may share an id).
/// </summary>
public static class ErrIds
{
    /// <summary>The prefix of areas (GpUnits).</summary>
    public const string Area = "gpu-";

    /// <summary>The prefix of parties.</summary>
    public const string Party = "party-";

    /// <summary>The prefix of candidates.</summary>
    public const string Candidate = "cand-";

    /// <summary>The prefix of contests.</summary>
    public const string Contest = "contest-";

    /// <summary>The prefix of ballot selections, followed by the contest's id, <c>--</c> and the choice's id.</summary>
    public const string Selection = "sel-";

    /// <summary>The <c>OtherType</c> of the external identifier that carries a Sanoo id where the <c>@id</c> cannot (a selection).</summary>
    public const string SanooId = "sanoo-id";

    /// <summary>The <c>OtherType</c> of the external identifier that carries a choice's number on the ballot.</summary>
    public const string BallotNumber = "ballot-number";

    /// <summary>The <c>OtherType</c> of the election's external identifier that names the official count source.</summary>
    public const string OfficialSource = "sanoo-official-source";

    /// <summary>The <c>OtherType</c> of the report's external identifier that carries the snapshot's log position.</summary>
    public const string Snapshot = "sanoo-snapshot";

    /// <summary>The <c>@id</c> of an area.</summary>
    public static string Of(AreaId id) => Area + id.Value;

    /// <summary>The <c>@id</c> of a choice: a party, a candidate, or (for "against all") null, since it is a selection only.</summary>
    public static string? Of(Choice choice) => choice.Kind switch
    {
        ChoiceKind.Party => Party + choice.Id.Value,
        ChoiceKind.Candidate => Candidate + choice.Id.Value,
        _ => null,
    };

    /// <summary>The <c>@id</c> of a contest.</summary>
    public static string Of(ContestId id) => Contest + id.Value;

    /// <summary>The <c>@id</c> of a contest's selection of a choice.</summary>
    public static string Of(ContestId contest, ChoiceId choice) => $"{Selection}{contest.Value}--{choice.Value}";

    /// <summary>The Sanoo id behind an <c>@id</c> of the given prefix, or null when it has another.</summary>
    public static string? Strip(string? id, string prefix) =>
        id is not null && id.StartsWith(prefix, StringComparison.Ordinal) && id.Length > prefix.Length ? id[prefix.Length..] : null;
}
