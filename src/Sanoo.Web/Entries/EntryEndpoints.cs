using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sanoo.Core.Definitions;
using Sanoo.Core.Entries;
using Sanoo.Log;
using Sanoo.Storage;
using Sanoo.Storage.Access;
using Sanoo.Web.Access;
using Sanoo.Web.Ingest;

namespace Sanoo.Web.Entries;

/// <summary>
/// Double entry over HTTP: <c>POST /api/v1/hand-entries</c> records an operator's entry of a hand
/// count; <c>GET /api/v1/hand-entries/queue</c> lists the protocols whose entries disagree, for a
/// supervisor; <c>GET /api/v1/hand-entries?station=ID</c> lists a station's entries. All need an
/// operator's bearer token; a district operator sees and enters only their own district, and sees
/// no other operator's figures or content hashes (double entry is blind; admins supervise).
/// </summary>
public static class EntryEndpoints
{
    /// <summary>Maps the entry API.</summary>
    public static void MapEntries(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/hand-entries").RequireRateLimiting(SanooServer.WritePolicy)
            .RequireAuthorization(Policies.Operator).WithMetadata(new WhoMay("entries are made and seen by commission operators"));
        group.MapPost("", EnterAsync)
            .WithSummary("One operator's entry of a double-entry hand count; counted once a second operator enters the same figures")
            .Produces<Contracts.EntryAnswer>().Produces<Contracts.EntryAnswer>(StatusCodes.Status202Accepted)
            .Produces<Contracts.EntryAnswer>(StatusCodes.Status409Conflict).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        group.MapGet("/queue", QueueAsync)
            .WithSummary("The protocol versions whose entries disagree, waiting for a supervisor (operator token; values for admins only)")
            .Produces<Contracts.WaitingForSupervisor>().ProducesProblem(401);
        group.MapGet("", StationAsync)
            .WithSummary("Every hand entry of one station (`station`), oldest first (operator token)")
            .Produces<Contracts.StationEntries>().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
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
                return Problems.Status(
                    400, "Not a double-entry count", $"{protocol.Source} counts are not entered twice; send them to /api/v1/protocols.");
            }
            var admission = authorizer.Operator(protocol, await Caller.OfAsync(request.HttpContext), "$.protocol");
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
            var body = EntryJson.Of(answer, op.Name);
            return answer.Status switch
            {
                EntryStatus.AwaitingSecond => TypedResults.Json(body, statusCode: StatusCodes.Status202Accepted),
                EntryStatus.Mismatch => TypedResults.Json(body, statusCode: StatusCodes.Status409Conflict),
                _ => TypedResults.Ok(body),
            };
        }
    }

    private static async Task<IResult> QueueAsync(HttpRequest request, EntryDesk desk, Jurisdiction jurisdiction, CancellationToken cancellationToken)
    {
        var op = request.HttpContext.User.Operator()!; // the group's policy let only operators through
        var queue = await desk.QueueAsync(station => jurisdiction.Covers(op, station), cancellationToken);
        return TypedResults.Ok(EntryJson.Queue(op, queue));
    }

    private static async Task<IResult> StationAsync(
        HttpRequest request, string? station, ElectionLog log, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        var user = request.HttpContext.User;
        var op = user.Operator()!; // the group's policy let only operators through
        if (!AreaId.TryParse(station, out var stationId) || log.Election.Area(stationId) is not { IsStation: true })
        {
            return Problems.Status(
                404, "Unknown station", $"'{station}' is not a polling station of this election (ask /api/v1/hand-entries?station=ID).");
        }
        if (!(await authorization.AuthorizeAsync(user, stationId, Policies.Station)).Succeeded)
        {
            return Problems.Status(403, "Not allowed", $"operator {op.Name} sees entries of district {op.District} only");
        }
        var entries = await log.HandEntriesAsync(stationId, cancellationToken);
        return TypedResults.Ok(EntryJson.Station(stationId.Value, op, entries));
    }
}
