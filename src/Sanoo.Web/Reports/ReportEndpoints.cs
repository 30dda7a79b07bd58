using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sanoo.Core.Definitions;
using Sanoo.Core.Json;
using Sanoo.Core.Register;
using Sanoo.Log;
using Sanoo.Storage;
using Sanoo.Storage.Reports;
using Sanoo.Web.Access;
using Sanoo.Web.PublicApi;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Reports;

/// <summary>
/// Observers' reports over HTTP: an accredited observer or party agent files a report on a station of their accreditation
/// (at most <see cref="PerMinute"/> a minute and <see cref="PerDay"/> a day each); an admin answers each once; everyone reads
/// them. Reports and answers are register records, so they are in every signed tree head and checked by <c>sanoo verify</c>.
/// </summary>
public static class ReportEndpoints
{
    /// <summary>How many reports one reporter may file in a minute.</summary>
    public const int PerMinute = 30;

    /// <summary>How many reports one reporter may file in a day.</summary>
    public const int PerDay = 500;

    private const string FileWho = "a report is filed by an accredited observer or party agent";
    private const string AnswerWho = "a report is answered by an admin of the central commission";

    /// <summary>Maps the reports.</summary>
    public static void MapReports(this IEndpointRouteBuilder app)
    {
        var writes = app.MapGroup("/api/v1").RequireRateLimiting(SanooServer.WritePolicy);
        writes.MapPost("/reports", FileAsync)
            .RequireAuthorization(Policies.Reporter).WithMetadata(new WhoMay(FileWho))
            .WithSummary("File a report on a station of your accreditation (observer or party agent)")
            .Produces<Contracts.ReportRecorded>(StatusCodes.Status201Created)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(429);
        writes.MapPost("/reports/{id:long}/answer", AnswerAsync)
            .RequireAuthorization(Policies.Admin).WithMetadata(new WhoMay(AnswerWho))
            .WithSummary("Answer a report once: accepted (with the recount or protocol it led to) or rejected with a reason (admin)")
            .Produces<Contracts.ReportRecorded>(StatusCodes.Status201Created)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        app.MapRead("/api/v1/reports", List)
            .WithSummary("Reports of one station (?station=ID) or of an area (?area=ID, &state=open|accepted|rejected), paged")
            .Produces<Contracts.ReportList>().ProducesProblem(400);
    }

    private static async Task<IResult> FileAsync(
        HttpRequest request, ElectionLog log, Jurisdiction jurisdiction, SnapshotPublisher publisher, TimeProvider time,
        ServerOptions options, CancellationToken cancellationToken)
    {
        var (fields, problem) = await RequestBodies.ReadAsync(request, options, cancellationToken, "station", "contest", "what", "text", "photo");
        if (fields is null)
        {
            return problem!;
        }
        var election = log.Election;
        var stationText = fields.String("station");
        var contestText = fields.OptionalString("contest");
        var what = fields.String("what");
        var text = (fields.OptionalString("text") ?? "").Trim();
        var photo = fields.OptionalString("photo");
        var errors = new Dictionary<string, string[]>();
        var station = AreaId.TryParse(stationText, out var stationId) ? election.Area(stationId) : null;
        if (station is not { IsStation: true })
        {
            errors["$.station"] = [$"'{stationText}' is not a polling station of this election"];
        }
        var plan = contestText is null ? null : ContestId.TryParse(contestText, out var contestId) ? election.Contest(contestId) : null;
        if (contestText is not null && (plan is null || (station is { IsStation: true } && !election.VotesIn(station.Id, plan))))
        {
            errors["$.contest"] = [$"'{contestText}' is not a contest that station '{stationText}' votes in"];
        }
        if (!ReportWords.Concerns.Contains(what))
        {
            errors["$.what"] = [$"'{what}' is not one of {string.Join(", ", ReportWords.Concerns)}"];
        }
        if (FreeText.ProblemWithText(text) is { } bad)
        {
            errors["$.text"] = [bad];
        }
        else if (what == ReportWords.Other && text.Length == 0)
        {
            errors["$.text"] = ["a report of 'other' says what is wrong in its text (up to 1,000 characters)"];
        }
        if (photo is not null && !IsSha256(photo))
        {
            errors["$.photo"] = ["the photo is named by its SHA-256: 64 lower-case hex digits"];
        }
        if (errors.Count > 0)
        {
            return Problems.BadRequest("The report cannot be filed; nothing was recorded.", errors);
        }
        var reporter = request.HttpContext.User.Operator()!; // the reporter policy let only observers and party agents through
        if (!jurisdiction.Accredits(reporter, station!.Id))
        {
            return Problems.Status(403, "Not accredited for this station",
                $"station '{station.Id}' is outside {reporter.Name}'s accreditation ({reporter.District?.Value ?? "the whole election"}).");
        }
        var draft = new ReportRecord(0, 0, RequestBodies.Now(time), reporter.Name, 0, station.Id.Value, plan?.Contest.Id.Value, what, text,
            photo is null ? null : [.. Convert.FromHexString(photo)]);
        ReportFiling filing;
        try
        {
            filing = await log.FileReportAsync(draft, PerMinute, PerDay, cancellationToken);
        }
        catch (StoreException e)
        {
            return Problems.Unavailable(e.Message);
        }
        if (filing.Report is not { } report)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(filing.RetryAfter.TotalSeconds));
            request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Problems.Status(429, "Too many reports",
                $"{reporter.Name} may file {PerMinute} reports a minute and {PerDay:N0} a day; try again in {seconds} s.");
        }
        await publisher.ActedAsync(cancellationToken);
        return TypedResults.Json(new Contracts.ReportRecorded(ReportJson.Of(report)), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> AnswerAsync(
        HttpRequest request, long id, ElectionLog log, SnapshotPublisher publisher, TimeProvider time, ServerOptions options,
        CancellationToken cancellationToken)
    {
        var (fields, problem) = await RequestBodies.ReadAsync(
            request, options, cancellationToken, "answer", "reason", "recount", "protocol", TranslationFields.Language,
            TranslationFields.Translations);
        if (fields is null)
        {
            return problem!;
        }
        var answer = fields.String("answer");
        var reason = (fields.OptionalString("reason") ?? "").Trim();
        var recount = fields.OptionalInteger("recount", 1, long.MaxValue);
        var protocol = fields.OptionalString("protocol");
        var translations = TranslationFields.Read(fields, log.Election.Definition.Languages);
        if (translations is not null && reason.Length == 0)
        {
            fields.Problem(TranslationFields.Translations, "there is no reason to give in other languages");
        }
        if (fields.Problems.Count > 0)
        {
            return Problems.BadRequest("The answer cannot be read; nothing was recorded.", RequestBodies.Errors(fields.Problems));
        }
        var errors = new Dictionary<string, string[]>();
        if (!ReportWords.Answers.Contains(answer))
        {
            errors["$.answer"] = [$"'{answer}' is not '{ReportWords.Accepted}' or '{ReportWords.Rejected}'"];
        }
        if (FreeText.ProblemWithText(reason) is { } bad)
        {
            errors["$.reason"] = [bad];
        }
        else if (answer == ReportWords.Rejected && reason.Length == 0)
        {
            errors["$.reason"] = ["a rejection says why (up to 1,000 characters)"];
        }
        if (protocol is not null && !IsSha256(protocol))
        {
            errors["$.protocol"] = ["a protocol version is named by its content hash: 64 lower-case hex digits"];
        }
        var report = (await log.ReportsAsync(cancellationToken)).FirstOrDefault(r => r.Number == id);
        if (report is null)
        {
            return Problems.Status(404, "No such report", $"there is no report {id}");
        }
        if (recount is { } order
            && !(await log.RecountsAsync(log.RegisterSize, cancellationToken)).Orders.Any(o => o.Sequence == order && o.Station == report.Station))
        {
            errors["$.recount"] = [$"there is no recount order {order} of station '{report.Station}'"];
        }
        if (protocol is not null && IsSha256(protocol)
            && !(await log.StationEntriesAsync(report.Station, cancellationToken))
                .Any(e => Convert.ToHexStringLower(e.ContentHash.AsSpan()) == protocol))
        {
            errors["$.protocol"] = [$"station '{report.Station}' has no protocol version {protocol} in the log"];
        }
        if (errors.Count > 0)
        {
            return Problems.BadRequest("The answer cannot be recorded; nothing was recorded.", errors);
        }
        var admin = request.HttpContext.User.Operator()!; // the admin policy let only an admin through
        var draft = new ReportAnswerRecord(0, 0, RequestBodies.Now(time), admin.Name, id, answer, reason, recount,
            protocol is null ? null : [.. Convert.FromHexString(protocol)], translations);
        (AnswerOutcome Outcome, ObserverReport? Report) answered;
        try
        {
            answered = await log.AnswerReportAsync(draft, cancellationToken);
        }
        catch (StoreException e)
        {
            return Problems.Unavailable(e.Message);
        }
        switch (answered.Outcome)
        {
            case AnswerOutcome.NoReport:
                return Problems.Status(404, "No such report", $"there is no report {id}");
            case AnswerOutcome.AnsweredBefore:
                var before = answered.Report!.Answer!;
                return Problems.Status(409, "The report is answered",
                    $"report {id} was {before.Answer} by {before.AnsweredBy} at {before.AnsweredAt:u}; a report has one answer.");
            default:
                await publisher.ActedAsync(cancellationToken);
                return TypedResults.Json(new Contracts.ReportRecorded(ReportJson.Of(answered.Report!)), statusCode: StatusCodes.Status201Created);
        }
    }

    private static IResult List(HttpContext context, SnapshotPublisher publisher, ElectionLog log)
    {
        var query = context.Request.Query;
        var station = query["station"].ToString();
        var areaText = query["area"].ToString();
        var state = query["state"].ToString();
        var errors = new Dictionary<string, string[]>();
        var election = log.Election;
        Area? area = null;
        if (station.Length > 0 && (!AreaId.TryParse(station, out var s) || election.Area(s) is not { IsStation: true }))
        {
            errors["station"] = [$"'{station}' is not a polling station of this election"];
        }
        if (areaText.Length > 0 && (!AreaId.TryParse(areaText, out var a) || (area = election.Area(a)) is null))
        {
            errors["area"] = [$"'{areaText}' is not an area of this election"];
        }
        if (state.Length > 0 && !ReportWords.States.Contains(state))
        {
            errors["state"] = [$"'{state}' is not one of {string.Join(", ", ReportWords.States)}"];
        }
        var offset = Paging(query["offset"].ToString(), 0, int.MaxValue, "offset", errors);
        var limit = Paging(query["limit"].ToString(), 100, 1000, "limit", errors);
        if (errors.Count > 0)
        {
            return Problems.BadRequest("The query cannot be read.", errors);
        }
        var all = publisher.Current.Acts.Reports
            .Where(r => station.Length == 0 || r.Station.Value == station)
            .Where(r => area is null || ReportAreas.Under(election, r.Station, area.Id))
            .ToList();
        var counts = ReportJson.Counts(all);
        var matching = all.Where(r => state.Length == 0 || r.State == state).ToList();
        var page = matching.Skip(offset).Take(limit).Select(ReportJson.Of).ToList();
        string? next = null;
        if (offset + page.Count < matching.Count)
        {
            var rest = string.Join("&", query.Where(q => q.Key is not ("offset" or "limit"))
                .Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}"));
            next = $"/api/v1/reports?{(rest.Length > 0 ? rest + "&" : "")}offset={offset + page.Count}&limit={limit}";
        }
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Json(new Contracts.ReportList(page, counts, matching.Count, offset, next));
    }

    private static int Paging(string text, int fallback, int max, string name, Dictionary<string, string[]> errors)
    {
        if (text.Length == 0)
        {
            return fallback;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= max && (name == "offset" || n > 0))
        {
            return n;
        }
        errors[name] = [$"'{text}' is not a whole number from {(name == "offset" ? 0 : 1)} to {max:N0}"];
        return fallback;
    }

    private static bool IsSha256(string text) => text.Length == 64 && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
