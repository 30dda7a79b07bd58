namespace Sanoo.Storage.Reports;

/// <summary>
/// An observer's or party agent's report on one station as the register holds it, with the commission's answer once given.
/// Its state is <c>open</c> until answered, then the answer's word (<c>accepted</c> or <c>rejected</c>).
/// </summary>
/// <param name="Number">The report's number, from 1.</param>
/// <param name="Station">The polling station.</param>
/// <param name="Contest">The contest, when the report names one.</param>
/// <param name="What">What is wrong, one of <see cref="ReportWords.Concerns"/>.</param>
/// <param name="Text">The reporter's words (may be empty unless <see cref="What"/> is <c>other</c>).</param>
/// <param name="PhotoSha256">The SHA-256 (lower-case hex) of the reporter's own photo, when they named one.</param>
/// <param name="FiledBy">The observer's or party agent's name.</param>
/// <param name="FiledAt">When it was filed.</param>
/// <param name="Answer">The commission's answer, once given.</param>
public sealed record ObserverReport(
    long Number, Core.Definitions.AreaId Station, string? Contest, string What, string Text, string? PhotoSha256, string FiledBy,
    DateTimeOffset FiledAt, ReportAnswer? Answer)
{
    /// <summary><c>open</c>, <c>accepted</c> or <c>rejected</c>.</summary>
    public string State => Answer?.Answer ?? ReportWords.Open;
}

/// <summary>The commission's one answer to a report.</summary>
/// <param name="Answer"><c>accepted</c> or <c>rejected</c>.</param>
/// <param name="Reason">The commission's words (required for a rejection).</param>
/// <param name="Recount">The recount order the report led to, if any.</param>
/// <param name="ProtocolSha256">The content hash (lower-case hex) of the protocol version it led to, if any.</param>
/// <param name="AnsweredBy">The admin who answered.</param>
/// <param name="AnsweredAt">When.</param>
/// <param name="Translations">The reason's language and translations, if the commission gave them.</param>
public sealed record ReportAnswer(
    string Answer, string Reason, long? Recount, string? ProtocolSha256, string AnsweredBy, DateTimeOffset AnsweredAt,
    Core.Register.Translations? Translations = null);
