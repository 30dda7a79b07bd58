using System.Text.Json.Serialization;

namespace Sanoo.Contracts;

/// <summary>
/// <c>POST /api/v1/reports</c>: an accredited observer's or party agent's report on one station.
/// </summary>
/// <param name="Station">The polling station.</param>
/// <param name="Contest">The contest it concerns, if one.</param>
/// <param name="What">What is wrong: <c>image-differs</c>, <c>not-posted</c>, <c>copy-differs</c> or <c>other</c>.</param>
/// <param name="Text">The reporter's words, up to 1,000 characters; required for <c>other</c>.</param>
/// <param name="Photo">The SHA-256 (64 lower-case hex digits) of the reporter's own photo, if any. Only the hash is recorded: the
/// photo itself is uploaded with <c>PUT /api/v1/images/{sha256}</c>, and served once a report names it.</param>
public sealed record ReportRequest(string Station, string? Contest, string What, string? Text, string? Photo);

/// <summary><c>POST /api/v1/reports/{id}/answer</c>: the commission's one answer to a report (an admin).</summary>
/// <param name="Answer"><c>accepted</c> or <c>rejected</c>.</param>
/// <param name="Reason">The commission's words, up to 1,000 characters; required for <c>rejected</c>.</param>
/// <param name="Recount">The recount order the report led to, if any (must exist).</param>
/// <param name="Protocol">The content hash (SHA-256, hex) of the protocol version it led to, if any (must be in the log).</param>
/// <param name="Language">The language code the reason is written in, one of the definition's languages; null when not said.</param>
/// <param name="Translations">The reason in other languages of the definition, by language code (each up to 1,000 characters); null
/// when none.</param>
public sealed record ReportAnswerRequest(
    string Answer,
    string? Reason,
    long? Recount,
    string? Protocol,
    string? Language = null,
    IReadOnlyDictionary<string, string>? Translations = null);

/// <summary>A report as recorded, with its state and the commission's answer once given.</summary>
/// <param name="Id">Its number, from 1.</param>
/// <param name="Station">The station.</param>
/// <param name="Contest">The contest, if the report names one.</param>
/// <param name="What">What is wrong.</param>
/// <param name="Text">The reporter's words.</param>
/// <param name="Photo">The SHA-256 of the reporter's photo, if they named one.</param>
/// <param name="FiledBy">The observer or party agent, by name.</param>
/// <param name="FiledAt">When (ISO 8601 with offset).</param>
/// <param name="State"><c>open</c>, <c>accepted</c> or <c>rejected</c>.</param>
/// <param name="Answer">The answer, once given.</param>
public sealed record Report(
    long Id, string Station, string? Contest, string What, string Text, string? Photo, string FiledBy, DateTimeOffset FiledAt, string State,
    ReportAnswer? Answer);

/// <summary>The commission's answer to a report.</summary>
/// <param name="Answer"><c>accepted</c> or <c>rejected</c>.</param>
/// <param name="Reason">The commission's words.</param>
/// <param name="Recount">The recount order it led to, if any.</param>
/// <param name="Protocol">The protocol version (content hash) it led to, if any.</param>
/// <param name="AnsweredBy">The admin who answered.</param>
/// <param name="AnsweredAt">When (ISO 8601 with offset).</param>
/// <param name="Language">The language code the reason is written in; absent when not said.</param>
/// <param name="Translations">The reason in other languages, by language code; absent when none were given.</param>
public sealed record ReportAnswer(
    string Answer,
    string Reason,
    long? Recount,
    string? Protocol,
    string AnsweredBy,
    DateTimeOffset AnsweredAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Language = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Translations = null);

/// <summary>201 to <c>POST /api/v1/reports</c> and to its answer: <c>{"report": …}</c>.</summary>
/// <param name="Report">The report as it stands now.</param>
public sealed record ReportRecorded(Report Report);

/// <summary>How many reports are in each state.</summary>
/// <param name="Open">Not answered yet.</param>
/// <param name="Accepted">Upheld by the commission.</param>
/// <param name="Rejected">Turned down, with a reason.</param>
public sealed record ReportCounts(int Open, int Accepted, int Rejected);

/// <summary><c>GET /api/v1/reports</c>: one page of the reports that match, oldest first, with counts of all that match by state.</summary>
/// <param name="Reports">This page.</param>
/// <param name="Counts">Every matching report, by state (before the <c>state</c> filter and paging).</param>
/// <param name="Total">How many reports match (after the <c>state</c> filter).</param>
/// <param name="Offset">How many were skipped.</param>
/// <param name="Next">The address of the next page, or null on the last.</param>
public sealed record ReportList(IReadOnlyList<Report> Reports, ReportCounts Counts, int Total, int Offset, string? Next);
