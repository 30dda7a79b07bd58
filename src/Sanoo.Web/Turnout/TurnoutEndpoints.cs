using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NSec.Cryptography;
using Sanoo.Core.Definitions;
using Sanoo.Core.Register;
using Sanoo.Core.Turnout;
using Sanoo.Log;
using Sanoo.Storage;
using Sanoo.Web.Access;
using Sanoo.Web.PublicApi;
using Sanoo.Web.Publishing;
using Sanoo.Web.Site;

namespace Sanoo.Web.Turnout;

/// <summary>
/// Turnout during voting day over HTTP: <c>POST /api/v1/turnout</c> takes a station's report (signed by its device, or sent by an
/// operator acting for it), <c>GET /api/v1/turnout?area=ID</c> gives an area's turnout through the day, and the site's pages
/// <c>/{lang}/turnout/</c> and <c>/{lang}/area/{id}/turnout/</c> show it. Reports are register records, in every signed tree head.
/// </summary>
public static class TurnoutEndpoints
{
    /// <summary>Maps the turnout routes.</summary>
    public static void MapTurnout(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/turnout", ReportAsync)
            .RequireRateLimiting(SanooServer.WritePolicy)
            .WithSummary("Report a station's voters so far at one of the election's report times (its device signs, or an operator sends)")
            .Produces<Contracts.TurnoutRecorded>(StatusCodes.Status201Created).Produces<Contracts.TurnoutRecorded>()
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(409);
        app.MapRead("/api/v1/turnout", Read)
            .WithSummary("An area's turnout at each report time (?area=ID, the whole election by default), the areas below, flagged stations")
            .Produces<Contracts.TurnoutArea>().ProducesProblem(400).ProducesProblem(404);
        app.MapRead("/{lang}/turnout/{file?}", (HttpContext c, SnapshotPublisher p, SiteContent s, string lang, string? file) =>
            PageAsync(c, p, s, lang, null, file)).ExcludeFromDescription();
        app.MapRead("/{lang}/area/{id}/turnout/{file?}", (HttpContext c, SnapshotPublisher p, SiteContent s, string lang, string id, string? file) =>
            PageAsync(c, p, s, lang, id, file)).ExcludeFromDescription();
    }

    private static async Task<IResult> ReportAsync(
        HttpRequest request, ElectionLog log, WriterRegistry registry, Jurisdiction jurisdiction, TimeProvider time, ServerOptions options,
        CancellationToken cancellationToken)
    {
        var (fields, problem) = await RequestBodies.ReadAsync(request, options, cancellationToken, "station", "time", "voters", "signature");
        if (fields is null)
        {
            return problem!;
        }
        var stationText = fields.String("station");
        var timeText = fields.String("time");
        var voters = fields.Integer("voters", 0, int.MaxValue);
        var signatureText = fields.OptionalString("signature");
        if (fields.Problems.Count > 0)
        {
            return Problems.BadRequest("The turnout report cannot be read; nothing was recorded.", RequestBodies.Errors(fields.Problems));
        }
        if (!AreaId.TryParse(stationText, out var station) || log.Election.Area(station) is not { IsStation: true })
        {
            return Problems.BadRequest("The turnout report cannot be recorded; nothing was recorded.",
                new() { ["$.station"] = [$"'{stationText}' is not a polling station of this election"] });
        }
        var report = new TurnoutReport(log.Election.Id, station, timeText, voters);
        string by;
        byte[]? signature = null;
        if (signatureText is not null)
        {
            try
            {
                signature = Convert.FromBase64String(signatureText);
            }
            catch (FormatException)
            {
                return Problems.BadRequest("The turnout report cannot be read; nothing was recorded.",
                    new() { ["$.signature"] = ["the device's Ed25519 signature over the report's canonical bytes, in base64"] });
            }
            if (registry.DeviceKey(station.Value) is not { } key)
            {
                return Problems.Status(403, "Not allowed", $"no device key is enrolled for station {station}");
            }
            if (!SignatureAlgorithm.Ed25519.Verify(key.Key, report.Canonical(), signature))
            {
                return Problems.Status(403, "Not allowed", $"the signature does not verify with the key enrolled for station {station}: "
                    + "a wrong key, another station's key, or altered figures");
            }
            by = TurnoutRecord.DevicePrefix + station.Value;
        }
        else
        {
            var caller = await Caller.OfAsync(request.HttpContext);
            if (caller.Operator is not { } op)
            {
                return Problems.Status(401, "Unauthenticated",
                    $"a turnout report is signed by the station's device (\"signature\") or sent by an operator. {caller.Missing ?? Caller.NoToken}");
            }
            if (!jurisdiction.Covers(op, station))
            {
                return Problems.Status(403, "Not allowed", $"{op.Name} does not act for station {station}");
            }
            by = op.Name;
        }
        (TurnoutOutcome Outcome, string Reason, TurnoutRecord? Record) recorded;
        try
        {
            recorded = await log.RecordTurnoutAsync(new TurnoutRecord(
                0, 0, RequestBodies.Now(time), by, station.Value, timeText, voters, signature is null ? null : [.. signature]), cancellationToken);
        }
        catch (StoreException e)
        {
            return Problems.Unavailable(e.Message);
        }
        switch (recorded.Outcome)
        {
            case TurnoutOutcome.Refused:
                return Problems.BadRequest("The turnout report cannot be recorded; nothing was recorded.", new() { ["$"] = [recorded.Reason] });
            case TurnoutOutcome.Conflict:
                return Problems.Status(409, "Already reported", recorded.Reason);
            case TurnoutOutcome.Duplicate:
                return TypedResults.Ok(Json(recorded.Record!));
            default:
                // Not published at once, as an act is: thousands of stations report within minutes of each time, and the publisher's
                // next tick (it follows the register) carries them all in one new version of the pages.
                return TypedResults.Json(Json(recorded.Record!), statusCode: StatusCodes.Status201Created);
        }
    }

    private static Contracts.TurnoutRecorded Json(TurnoutRecord r) => new(r.StationId, r.Time, r.Voters, r.By, r.Sequence, r.At);

    private static IResult Read(HttpContext context, SnapshotPublisher publisher)
    {
        var published = publisher.Current;
        if (published.Snapshot is not { } snapshot)
        {
            return Problems.Unavailable("No snapshot is published yet.");
        }
        var election = snapshot.Election;
        var areaText = context.Request.Query["area"].ToString();
        var area = areaText.Length == 0 ? election.Areas[0] : AreaId.TryParse(areaText, out var id) ? election.Area(id) : null;
        if (area is null || area.IsStation)
        {
            return Problems.Status(404, "No such area", $"'{areaText}' is not an area above the polling stations of this election");
        }
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.ETag = published.ETag;
        return TypedResults.Json(TurnoutView.Of(published, area), Contracts.WireJson.Default.TurnoutArea);
    }

    private static Task<IResult> PageAsync(
        HttpContext context, SnapshotPublisher publisher, SiteContent site, string lang, string? id, string? file) =>
        AreaPageRoute.ServeAsync(context, publisher, site, lang, id, site.Election.Areas[0], file, PageFiles, "turnout",
            async (published, snapshot, area, _) => site.Election.Definition.TurnoutTimes.IsEmpty
                ? null
                : await site.TurnoutFileAsync(published, snapshot, area, lang));

    private static readonly string[] PageFiles = ["index.html"];
}
