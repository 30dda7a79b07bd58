using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sanoo.Core.Definitions;
using Sanoo.Core.Entries;
using Sanoo.Log;
using Sanoo.Storage;
using Sanoo.Storage.Access;
using Sanoo.Storage.Entries;
using Sanoo.Web.Access;
using Sanoo.Web.Ingest;

namespace Sanoo.Web.Entries;

/// <summary>
/// Double entry over HTTP: <c>POST /api/v1/hand-entries</c> records an operator's entry of a hand
/// count; <c>GET /api/v1/hand-entries/queue</c> lists the protocols whose entries disagree, for a
/// supervisor; <c>GET /api/v1/hand-entries?station=ID</c> lists a station's entries. All need an
/// operator's bearer token; a district operator sees and enters only their own district.
/// </summary>
public static class EntryEndpoints
{
    /// <summary>Maps the entry API.</summary>
    public static void MapEntries(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/hand-entries").RequireRateLimiting(SanooServer.WritePolicy);
        group.MapPost("", EnterAsync);
        group.MapGet("/queue", QueueAsync);
        group.MapGet("", StationAsync);
    }

    private static async Task<IResult> EnterAsync(
        HttpRequest request, EntryDesk desk, Authorizer authorizer, ServerOptions options, ElectionLog log, CancellationToken cancellationToken)
    {
        var (document, problem) = await IngestEndpoints.ReadBodyAsync(request, options, cancellationToken);
        if (document is null)
        {
            return problem!;
        }
        using (document)
        {
            var (submissions, problems, batch) = SubmissionParser.Parse(log.Election, document.RootElement, 1);
            if (problems.Count > 0 || batch)
            {
                return Problems.BadRequest("The entry cannot be read; nothing was stored.", problems.Count > 0
                    ? problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray())
                    : new() { ["$"] = ["send one entry: {\"protocol\": {…}}"] });
            }
            var protocol = submissions[0].Protocol;
            if (!log.Election.Sources[log.Election.SourceIndex(protocol.Source)].DoubleEntry)
            {
                return Problems.Status(400, "Not a double-entry count", $"{protocol.Source} counts are not entered twice; send them to /api/v1/protocols.");
            }
            var admission = authorizer.Operator(protocol, IngestEndpoints.Bearer(request), "$.protocol");
            if (admission is Admission<Operator>.Refused { Refusal: var refusal })
            {
                return Problems.Status(refusal.Status, refusal.Title, refusal.Reason);
            }
            var op = ((Admission<Operator>.Admitted)admission).Who;
            EntryAnswer answer;
            try
            {
                answer = await desk.EnterAsync(submissions[0].Checked, op, cancellationToken);
            }
            catch (StoreException e)
            {
                return Problems.Unavailable(e.Message);
            }
            var body = Json(answer, op.Name);
            return answer.Status switch
            {
                EntryStatus.AwaitingSecond => Results.Json(body, statusCode: StatusCodes.Status202Accepted),
                EntryStatus.Mismatch => Results.Json(body, statusCode: StatusCodes.Status409Conflict),
                _ => Results.Ok(body),
            };
        }
    }

    private static async Task<IResult> QueueAsync(HttpRequest request, EntryDesk desk, Authorizer authorizer, WriterRegistry registry, CancellationToken cancellationToken)
    {
        if (IngestEndpoints.Bearer(request) is not { } token || registry.OperatorByToken(token) is not { } op)
        {
            return Problems.Status(401, "Not authenticated", "the supervisor's queue needs an operator token: send 'Authorization: Bearer TOKEN'");
        }
        var queue = await desk.QueueAsync(station => authorizer.Covers(op, station), cancellationToken);
        return Results.Ok(new
        {
            @operator = op.Name,
            waiting = queue.Select(q => new
            {
                station = q.Station,
                contest = q.Contest,
                source = q.Source,
                version = q.Version,
                entries = q.Entries.Select(e => new { sequence = e.Sequence, @operator = e.Operator, enteredAt = e.EnteredAt, contentHash = e.ContentHash }),
                differences = q.Differences.Select(d => new { item = d.Item, values = d.Values }),
            }),
        });
    }

    private static async Task<IResult> StationAsync(
        HttpRequest request, string? station, ElectionLog log, Authorizer authorizer, WriterRegistry registry, CancellationToken cancellationToken)
    {
        if (IngestEndpoints.Bearer(request) is not { } token || registry.OperatorByToken(token) is not { } op)
        {
            return Problems.Status(401, "Not authenticated", "entries are seen by operators only: send 'Authorization: Bearer TOKEN'");
        }
        if (!AreaId.TryParse(station, out var stationId) || log.Election.Area(stationId) is not { Kind: AreaKind.Station })
        {
            return Problems.Status(404, "Unknown station", $"'{station}' is not a polling station of this election (ask /api/v1/hand-entries?station=ID).");
        }
        if (!authorizer.Covers(op, stationId))
        {
            return Problems.Status(403, "Not allowed", $"operator {op.Name} sees entries of district {op.District} only");
        }
        var entries = await log.HandEntriesAsync(stationId, cancellationToken);
        return Results.Ok(new { station,
            entries = entries.Select(e => new { sequence = e.Sequence, contest = e.Contest.Value, source = e.Source.Value, version = e.Version,
            @operator = e.Operator, enteredAt = e.EnteredAt, status = HandEntry.StatusText(e.Status), contentHash = e.ContentHash }) });
    }

    private static object Json(EntryAnswer answer, string operatorName) => new
    {
        status = HandEntry.StatusText(answer.Status),
        message = answer.Status switch
        {
            EntryStatus.AwaitingSecond => $"Entered by {operatorName}. A second operator must enter the same figures before the protocol is counted.",
            EntryStatus.Matched => "Both entries agree: the protocol is in the log.",
            EntryStatus.Mismatch => "This entry differs from another operator's: it waits for a supervisor, who checks the paper protocol and enters its figures.",
            EntryStatus.Repeat => $"{operatorName} had already entered exactly these figures; a second operator must enter them.",
            EntryStatus.AlreadyMatched => answer.Differences.Count == 0 ? "This version was already entered twice and is in the log." : "This version was already entered twice, with other figures; to change it, enter a correction as the next version with a reason.",
            _ => throw new ArgumentOutOfRangeException(nameof(answer)),
        },
        sequence = answer.Entry.Sequence == 0 ? (long?)null : answer.Entry.Sequence,
        contentHash = answer.Entry.ContentHash,
        differences = answer.Differences.Select(d => new { item = d.Item, yours = d.Yours, theirs = d.Theirs, @operator = d.Operator }),
        receipt = answer.Receipt is null ? null : ReceiptJson.Of(answer.Receipt),
    };
}
