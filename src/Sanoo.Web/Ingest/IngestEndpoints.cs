using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sanoo.Log;
using Sanoo.Storage;

namespace Sanoo.Web.Ingest;

/// <summary>
/// <c>POST /api/v1/protocols</c>: one protocol or a batch. Each is checked (JSON, fields,
/// figures, ids), authorized (device signature or operator token), then stored durably; the
/// answer holds a receipt for each. A request with any unreadable or unauthorized submission is
/// refused whole (RFC 9457 problem details naming every field and reason): nothing of it is
/// stored. A store that cannot be reached answers 503 with Retry-After.
/// </summary>
public static class IngestEndpoints
{
    /// <summary>Maps the write API.</summary>
    public static RouteGroupBuilder MapIngest(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").RequireRateLimiting(SanooServer.WritePolicy);
        group.MapPost("/protocols", SubmitAsync);
        return group;
    }

    /// <summary>The request's JSON body, or the problem answer when it is not JSON or too large.</summary>
    internal static async Task<(JsonDocument? Document, IResult? Problem)> ReadBodyAsync(HttpRequest request, ServerOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return (await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 16 }, cancellationToken), null);
        }
        catch (JsonException e)
        {
            return (null, Problems.BadRequest("The request body is not valid JSON.", new() { ["$"] = [$"line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message.Split(". ")[0]}"] }));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.Status(413, "Request too large", $"A write request may hold at most {options.MaxRequestBytes:N0} bytes; send smaller batches."));
        }
    }

    /// <summary>The bearer token of the request, if any.</summary>
    internal static string? Bearer(HttpRequest request) =>
        request.Headers.Authorization.ToString() is { Length: > 7 } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth[7..].Trim() : null;

    private static async Task<IResult> SubmitAsync(HttpRequest request, ElectionLog log, Authorizer authorizer, ServerOptions options, CancellationToken cancellationToken)
    {
        var (document, problem) = await ReadBodyAsync(request, options, cancellationToken);
        if (document is null)
        {
            return problem!;
        }
        using (document)
        {
            var (submissions, problems, batch) = SubmissionParser.Parse(log.Election, document.RootElement, options.MaxBatch);
            if (problems.Count > 0)
            {
                return Problems.BadRequest("The submission cannot be read; nothing was stored.", problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
            }
            var bearer = Bearer(request);
            var checks = submissions.Select(s => authorizer.Check(s, bearer)).ToList();
            var refusals = checks.OfType<Admission<Sender>.Refused>().Select(c => c.Refusal).ToList();
            if (refusals.Count > 0)
            {
                var first = refusals.FirstOrDefault(r => r is Refusal.Unauthenticated) ?? refusals[0];
                return Problems.Status(first.Status, first.Title, "Nothing of this request was stored.",
                    refusals.GroupBy(r => r.Path).ToDictionary(g => g.Key, g => g.Select(r => r.Reason).ToArray()));
            }
            var senders = checks.Cast<Admission<Sender>.Admitted>().Select(c => c.Who).ToList();
            IReadOnlyList<Receipt> receipts;
            try
            {
                var sent = submissions.Select((s, i) => new Submission(s.Checked, senders[i], s.Signature));
                receipts = await log.SubmitAsync([.. sent], cancellationToken);
            }
            catch (StoreException e)
            {
                return Problems.Unavailable(e.Message);
            }
            var answers = receipts.Select(ReceiptJson.Of).ToList();
            return batch ? Results.Ok(new { receipts = answers }) : Results.Ok(new { receipt = answers[0] });
        }
    }
}
