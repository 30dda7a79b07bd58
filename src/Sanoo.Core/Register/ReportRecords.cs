using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Sanoo.Core.Register;

/// <summary>
/// An accredited observer's or party agent's report on one station (<see cref="RegisterRecord.By"/> is the reporter's name),
/// numbered from 1 among reports. It is public and never changes; the commission answers it once (<see cref="ReportAnswerRecord"/>).
/// </summary>
/// <param name="Sequence">Its place in the register.</param>
/// <param name="LogSize">Protocol log entries when it was filed.</param>
/// <param name="At">When it was filed.</param>
/// <param name="By">The observer or party agent who filed it.</param>
/// <param name="Number">The report's number, from 1.</param>
/// <param name="StationId">The polling station it concerns.</param>
/// <param name="Contest">The contest it concerns, when it names one.</param>
/// <param name="What">What is wrong: <c>image-differs</c>, <c>not-posted</c>, <c>copy-differs</c> or <c>other</c>.</param>
/// <param name="Text">The reporter's words (up to 1,000 characters; may be empty unless <see cref="What"/> is <c>other</c>).</param>
/// <param name="PhotoSha256">The SHA-256 of the reporter's own photo, when they name one.</param>
public sealed record ReportRecord(
    long Sequence, long LogSize, DateTimeOffset At, string By, long Number, string StationId, string? Contest, string What, string Text,
    ImmutableArray<byte>? PhotoSha256)
    : RegisterRecord(Sequence, LogSize, At, By)
{
    /// <summary>The kind's word.</summary>
    public const string Word = "report";

    /// <inheritdoc />
    public override string Kind => Word;

    /// <inheritdoc />
    public override string? Station => StationId;

    /// <inheritdoc />
    public override string? ActingOperator => By;

    private protected override void WriteFields(JsonObject json)
    {
        json["number"] = Number;
        json["station"] = StationId;
        if (Contest is not null)
        {
            json["contest"] = Contest;
        }
        json["what"] = What;
        json["text"] = Text;
        if (PhotoSha256 is { } photo)
        {
            json["photoSha256"] = Convert.ToHexStringLower(photo.AsSpan());
        }
    }
}

/// <summary>
/// The commission's one answer to report <see cref="Report"/> (<see cref="RegisterRecord.By"/> is the admin who gave it):
/// <c>accepted</c>, perhaps naming the recount order or protocol version it led to, or <c>rejected</c> with a reason.
/// </summary>
/// <param name="Sequence">Its place in the register.</param>
/// <param name="LogSize">Protocol log entries when it was given.</param>
/// <param name="At">When it was given.</param>
/// <param name="By">The admin who gave it.</param>
/// <param name="Report">The number of the report it answers.</param>
/// <param name="Answer"><c>accepted</c> or <c>rejected</c>.</param>
/// <param name="Reason">The commission's words (required for a rejection, may be empty for an acceptance).</param>
/// <param name="Recount">The recount order the report led to, if any.</param>
/// <param name="ProtocolSha256">The content hash of the protocol version the report led to, if any.</param>
/// <param name="Translations">The reason's language and translations, if given (absent in records made before there were any).</param>
public sealed record ReportAnswerRecord(
    long Sequence, long LogSize, DateTimeOffset At, string By, long Report, string Answer, string Reason, long? Recount,
    ImmutableArray<byte>? ProtocolSha256, Translations? Translations = null)
    : RegisterRecord(Sequence, LogSize, At, By)
{
    /// <summary>The kind's word.</summary>
    public const string Word = "report-answer";

    /// <inheritdoc />
    public override string Kind => Word;

    /// <inheritdoc />
    public override string? ActingOperator => By;

    private protected override void WriteFields(JsonObject json)
    {
        json["report"] = Report;
        json["answer"] = Answer;
        json["reason"] = Reason;
        if (Recount is { } recount)
        {
            json["recount"] = recount;
        }
        if (ProtocolSha256 is { } sha)
        {
            json["protocolSha256"] = Convert.ToHexStringLower(sha.AsSpan());
        }
        Register.Translations.Write(Translations, json);
    }
}
