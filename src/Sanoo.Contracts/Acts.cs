using System.Text.Json.Serialization;

namespace Sanoo.Contracts;

/// <summary><c>POST /api/v1/recounts</c>: a recount order.</summary>
/// <param name="Station">The station whose ballots are counted again.</param>
/// <param name="Contest">The contest.</param>
/// <param name="Reason">Why, up to 1,000 characters, as entered.</param>
/// <param name="Language">The language code the reason is written in, one of the definition's languages; null when not said.</param>
/// <param name="Translations">The reason in other languages of the definition, by language code (each up to 1,000 characters); null when
/// none.</param>
public sealed record RecountRequest(
    string Station, string Contest, string Reason, string? Language = null, IReadOnlyDictionary<string, string>? Translations = null);

/// <summary><c>POST /api/v1/recounts/{id}/outcome</c>: what a recount found.</summary>
/// <param name="Outcome">The finding, up to 1,000 characters, as entered.</param>
/// <param name="Language">The language code the finding is written in, one of the definition's languages; null when not said.</param>
/// <param name="Translations">The finding in other languages of the definition, by language code (each up to 1,000 characters); null when
/// none.</param>
public sealed record RecountOutcomeRequest(string Outcome, string? Language = null, IReadOnlyDictionary<string, string>? Translations = null);

/// <summary><c>POST /api/v1/certifications</c>: the certification of the official result.</summary>
/// <param name="Statement">The commission's statement, up to 1,000 characters, as entered.</param>
/// <param name="Language">The language code the statement is written in, one of the definition's languages; null when not said.</param>
/// <param name="Translations">The statement in other languages of the definition, by language code (each up to 1,000 characters); null when
/// none.</param>
public sealed record CertificationRequest(string Statement, string? Language = null, IReadOnlyDictionary<string, string>? Translations = null);

/// <summary>A recount order as recorded.</summary>
/// <param name="Sequence">Its number, from 1 (the <c>id</c> of its outcome's address).</param>
/// <param name="Station">The station.</param>
/// <param name="Contest">The contest.</param>
/// <param name="Reason">Why, in the commission's words.</param>
/// <param name="OrderedBy">The operator who recorded it.</param>
/// <param name="OrderedAt">When (ISO 8601 with offset).</param>
/// <param name="Language">The language code the reason is written in; absent when not said.</param>
/// <param name="Translations">The reason in other languages, by language code; absent when none were given.</param>
public sealed record RecountOrder(
    long Sequence,
    string Station,
    string Contest,
    string Reason,
    string OrderedBy,
    DateTimeOffset OrderedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Language = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Translations = null);

/// <summary>A recount's finding as recorded (new figures arrive as a correction of the protocol).</summary>
/// <param name="Sequence">Its number.</param>
/// <param name="Recount">The order it answers.</param>
/// <param name="Outcome">The finding, in the commission's words.</param>
/// <param name="RecordedBy">Who recorded it.</param>
/// <param name="RecordedAt">When (ISO 8601 with offset).</param>
/// <param name="Language">The language code the finding is written in; absent when not said.</param>
/// <param name="Translations">The finding in other languages, by language code; absent when none were given.</param>
public sealed record RecountOutcome(
    long Sequence,
    long Recount,
    string Outcome,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Language = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Translations = null);

/// <summary>The commission's certification of the official result at one log position.</summary>
/// <param name="Sequence">Its number.</param>
/// <param name="Position">The log position (snapshot) certified.</param>
/// <param name="Statement">The commission's statement.</param>
/// <param name="CertifiedBy">The operator who recorded it.</param>
/// <param name="CertifiedAt">When (ISO 8601 with offset).</param>
/// <param name="Language">The language code the statement is written in; absent when not said.</param>
/// <param name="Translations">The statement in other languages, by language code; absent when none were given.</param>
public sealed record Certification(
    long Sequence,
    long Position,
    string Statement,
    string CertifiedBy,
    DateTimeOffset CertifiedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Language = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Translations = null);

/// <summary>201 to <c>POST /api/v1/recounts</c>: <c>{"recount": …}</c>.</summary>
/// <param name="Recount">The order recorded.</param>
public sealed record RecountOrdered(RecountOrder Recount);

/// <summary>201 to <c>POST /api/v1/recounts/{id}/outcome</c>: <c>{"outcome": …}</c>.</summary>
/// <param name="Outcome">The finding recorded.</param>
public sealed record RecountOutcomeRecorded(RecountOutcome Outcome);

/// <summary>201 to <c>POST /api/v1/certifications</c>: <c>{"certification": …}</c>.</summary>
/// <param name="Certification">The certification recorded.</param>
public sealed record CertificationRecorded(Certification Certification);

/// <summary><c>GET /api/v1/recounts</c>: every recount order with its findings, oldest first.</summary>
/// <param name="Recounts">The orders.</param>
public sealed record RecountList(IReadOnlyList<Recount> Recounts);

/// <summary>A recount order with its findings.</summary>
/// <param name="Id">The order's number.</param>
/// <param name="Station">The station.</param>
/// <param name="Contest">The contest.</param>
/// <param name="Reason">Why.</param>
/// <param name="OrderedBy">Who recorded the order.</param>
/// <param name="OrderedAt">When (ISO 8601 with offset).</param>
/// <param name="Outcomes">Its findings, oldest first.</param>
/// <param name="Language">The language code the reason is written in; absent when not said.</param>
/// <param name="Translations">The reason in other languages, by language code; absent when none were given.</param>
public sealed record Recount(
    long Id,
    string Station,
    string Contest,
    string Reason,
    string OrderedBy,
    DateTimeOffset OrderedAt,
    IReadOnlyList<RecountFinding> Outcomes,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Language = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Translations = null);

/// <summary>One finding of a recount.</summary>
/// <param name="Outcome">The finding.</param>
/// <param name="RecordedBy">Who recorded it.</param>
/// <param name="RecordedAt">When (ISO 8601 with offset).</param>
/// <param name="Language">The language code the finding is written in; absent when not said.</param>
/// <param name="Translations">The finding in other languages, by language code; absent when none were given.</param>
public sealed record RecountFinding(
    string Outcome,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Language = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Translations = null);

/// <summary><c>GET /api/v1/certifications</c>: every certification, oldest first.</summary>
/// <param name="Certifications">The certifications.</param>
public sealed record CertificationList(IReadOnlyList<Certification> Certifications);
