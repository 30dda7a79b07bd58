using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sanoo.Core.Definitions;
using Sanoo.Core.Json;
using Sanoo.Core.Tally;
using Sanoo.Log;
using Sanoo.Storage;
using Sanoo.Storage.Access;
using Sanoo.Storage.Acts;
using Sanoo.Web.Access;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Acts;

/// <summary>
/// The commission's acts over HTTP: recount orders and their outcomes (an operator of the
/// station's district, or an admin), and the certification of the official result (an admin,
/// once every station's official protocol is counted). Everyone can read them; every page of
/// the site names them.
/// </summary>
public static class ActEndpoints
{
    /// <summary>Maps the acts.</summary>
    public static void MapActs(this IEndpointRouteBuilder app)
    {
        var writes = app.MapGroup("/api/v1").RequireRateLimiting(SanooServer.WritePolicy);
        writes.MapPost("/recounts", OrderAsync)
            .RequireAuthorization(Policies.Operator).WithMetadata(new WhoMay(OrderWho))
            .WithSummary("Order a recount of one station's ballots of one contest, with a reason (district operator or admin)")
            .Produces<Contracts.RecountOrdered>(StatusCodes.Status201Created)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(409);
        writes.MapPost("/recounts/{id:long}/outcome", OutcomeAsync)
            .RequireAuthorization(Policies.Operator).WithMetadata(new WhoMay(OutcomeWho))
            .WithSummary("Record what a recount found (district operator or admin)")
            .Produces<Contracts.RecountOutcomeRecorded>(StatusCodes.Status201Created)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        writes.MapPost("/certifications", CertifyAsync)
            .RequireAuthorization(Policies.Admin).WithMetadata(new WhoMay(CertifyWho))
            .WithSummary("Certify the official result once every station's official protocol is counted (admin)")
            .Produces<Contracts.CertificationRecorded>(StatusCodes.Status201Created)
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(409);
    }

    private const string OrderWho = "a recount is ordered by an operator of the station's district, or an admin";
    private const string OutcomeWho = "a recount's outcome is recorded by an operator of the station's district, or an admin";
    private const string CertifyWho = "the result is certified by an admin of the central commission";

    private static async Task<IResult> OrderAsync(
        HttpRequest request, ElectionLog log, IAuthorizationService authorization, SnapshotPublisher publisher, TimeProvider time,
        ServerOptions options, CancellationToken cancellationToken)
    {
        var (fields, translations, problem) = await RequestBodies.ReadTranslatedAsync(
            request, options, log.Election.Definition.Languages, cancellationToken, "station", "contest", "reason");
        if (fields is null)
        {
            return problem!;
        }
        var station = AreaId.TryParse(fields.String("station"), out var stationId) ? log.Election.Area(stationId) : null;
        var plan = ContestId.TryParse(fields.String("contest"), out var contestId) ? log.Election.Contest(contestId) : null;
        var reason = fields.String("reason").Trim();
        if (station is not { IsStation: true } || plan is null || reason.Length == 0)
        {
            return Problems.Status(
                400, "Cannot order this recount", "name a polling station, a contest it votes on, and a reason (up to 1,000 characters).");
        }
        if (TextProblem("reason", FreeText.ProblemWithText(reason)) is { } tooLong)
        {
            return tooLong;
        }
        if (!log.Election.VotesIn(station.Id, plan))
        {
            return Problems.Status(
                400,
                "Cannot order this recount",
                $"'{station.Id}' does not vote in contest '{plan.Contest.Id}', which is held in '{plan.Contest.Area}'.");
        }
        if (await ActingFor(request, authorization, station.Id) is not { } op)
        {
            return Problems.Status(403, "Not allowed", $"{OrderWho}.");
        }
        var order = new RecountOrder(0, station.Id, plan.Contest.Id, reason, op.Name, time.GetUtcNow(), translations);
        (RecountOrder Order, bool Recorded) ordered;
        try
        {
            ordered = await log.OrderRecountUnlessOpenAsync(order, cancellationToken);
        }
        catch (StoreException e)
        {
            return Problems.Unavailable(e.Message);
        }
        if (!ordered.Recorded)
        {
            return Problems.Status(
                409,
                "A recount is already open",
                $"recount order {ordered.Order.Sequence} of '{station.Id}' in contest '{plan.Contest.Id}' is still open; "
                + "record its outcome before ordering another.");
        }
        await publisher.ActedAsync(cancellationToken);
        return TypedResults.Json(ActJson.Ordered(ordered.Order), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> OutcomeAsync(
        HttpRequest request, long id, ElectionLog log, IAuthorizationService authorization, SnapshotPublisher publisher,
        TimeProvider time, ServerOptions options, CancellationToken cancellationToken)
    {
        var (fields, translations, problem) = await RequestBodies.ReadTranslatedAsync(
            request, options, log.Election.Definition.Languages, cancellationToken, "outcome");
        if (fields is null)
        {
            return problem!;
        }
        var order = (await log.RecountsAsync(log.RegisterSize, cancellationToken)).Orders.FirstOrDefault(o => o.Sequence == id);
        var text = fields.String("outcome").Trim();
        if (order is null || text.Length == 0)
        {
            return Problems.Status(
                order is null ? 404 : 400,
                "Cannot record this outcome",
                order is null ? $"there is no recount order {id}" : "say what the recount found (up to 1,000 characters).");
        }
        if (TextProblem("outcome", FreeText.ProblemWithText(text)) is { } tooLong)
        {
            return tooLong;
        }
        if (await ActingFor(request, authorization, order.Station) is not { } op)
        {
            return Problems.Status(403, "Not allowed", $"{OutcomeWho}.");
        }
        var outcome = new RecountOutcome(0, id, text, op.Name, time.GetUtcNow(), translations);
        return await RecordAsync(() => log.RecordRecountOutcomeAsync(outcome, cancellationToken), ActJson.Found, publisher, cancellationToken);
    }

    private static async Task<IResult> CertifyAsync(
        HttpRequest request, ElectionLog log, SnapshotPublisher publisher, TimeProvider time, ServerOptions options,
        CancellationToken cancellationToken)
    {
        var (fields, translations, problem) = await RequestBodies.ReadTranslatedAsync(
            request, options, log.Election.Definition.Languages, cancellationToken, "statement");
        if (fields is null)
        {
            return problem!;
        }
        var statement = fields.String("statement").Trim();
        if (statement.Length == 0)
        {
            return Problems.Status(400, "Cannot certify", "the statement is required (up to 1,000 characters).");
        }
        if (TextProblem("statement", FreeText.ProblemWithText(statement)) is { } tooLong)
        {
            return tooLong;
        }
        var op = request.HttpContext.User.Operator()!; // the admin policy let only an admin through
        if (publisher.Current.Snapshot is not { } snapshot)
        {
            return Problems.Status(409, "Nothing to certify", "no snapshot has been published yet.");
        }
        var incomplete = OfficialCount.Of(snapshot)
            .Where(c => !c.Complete)
            .Select(c => $"{c.Contest}: {c.Reporting:N0} of {c.Expected:N0} stations")
            .ToList();
        if (incomplete.Count > 0)
        {
            return Problems.Status(
                409,
                "The official count is not complete",
                "certify once every station's official protocol is counted; "
                + $"still missing: {string.Join("; ", incomplete.Take(5))}{(incomplete.Count > 5 ? " …" : "")}.");
        }
        var certification = new Certification(0, snapshot.Position, statement, op.Name, time.GetUtcNow(), translations);
        return await RecordAsync(() => log.CertifyAsync(certification, cancellationToken), ActJson.Certified, publisher, cancellationToken);
    }

    /// <summary>A 400 naming the free-text field and what is wrong with it (<see cref="FreeText"/>); null when nothing is.</summary>
    private static IResult? TextProblem(string field, string? problem) =>
        problem is null
            ? null
            : Problems.BadRequest(
                "The request cannot be read; nothing was recorded.", new Dictionary<string, string[]> { [$"$.{field}"] = [problem] });

    /// <summary>The request's operator when the <see cref="Policies.Station"/> policy lets them act for <paramref name="station"/>; else
    /// null.</summary>
    private static async Task<Operator?> ActingFor(HttpRequest request, IAuthorizationService authorization, AreaId station)
    {
        var user = request.HttpContext.User;
        return (await authorization.AuthorizeAsync(user, station, Policies.Station)).Succeeded ? user.Operator() : null;
    }

    /// <summary>Records an act and answers 201 with it, or 503 with Retry-After when the store cannot be reached.</summary>
    private static async Task<IResult> RecordAsync<TAct, TAnswer>(
        Func<Task<TAct>> write, Func<TAct, TAnswer> answer, SnapshotPublisher publisher, CancellationToken cancellationToken)
    {
        TAct act;
        try
        {
            act = await write();
        }
        catch (StoreException e)
        {
            return Problems.Unavailable(e.Message);
        }
        await publisher.ActedAsync(cancellationToken);
        return TypedResults.Json(answer(act), statusCode: StatusCodes.Status201Created);
    }
}
