using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sanoo.Log;
using Sanoo.Storage;
using Sanoo.Web.Access;

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
        group.MapPost("/protocols", SubmitAsync)
            .WithSummary("Submit one signed protocol, or a batch of up to 1,000; a receipt for each once stored")
            .Produces<Contracts.ReceiptAnswer>()
            .ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(503);
        return group;
    }

    /// <summary>
    /// The request's JSON body, or the problem answer: 400 when it is not JSON or holds text that
    /// is not Unicode (invalid UTF-8, a lone surrogate escape), 413 when too large, 408 when it
    /// arrives too slowly. A body never reaches a handler half-readable, so no bad input is a 500.
    /// </summary>
    internal static async Task<(JsonDocument? Document, IResult? Problem)> ReadBodyAsync(
        HttpRequest request, ServerOptions options, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, new JsonDocumentOptions { MaxDepth = 16 }, cancellationToken);
        }
        catch (JsonException e)
        {
            var where = $"line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}: {e.Message.Split(". ")[0]}";
            return (null, Problems.BadRequest("The request body is not valid JSON.", new() { ["$"] = [where] }));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, Problems.Status(413, "Request too large",
                $"A write request may hold at most {options.MaxRequestBytes:N0} bytes; send smaller batches."));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status408RequestTimeout)
        {
            return (null, Problems.Status(408, "Request body too slow", "The request body arrived too slowly; send it again."));
        }
        catch (BadHttpRequestException e)
        {
            return (null, Problems.Status(e.StatusCode, "Bad request", e.Message));
        }
        if (NotUnicode(document.RootElement, "$") is { } path)
        {
            document.Dispose();
            return (null, Problems.BadRequest("The request body is not valid JSON text.",
                new() { [path] = ["not Unicode text: invalid UTF-8 or a lone surrogate (\\ud800–\\udfff) escape"] }));
        }
        return (document, null);
    }

    /// <summary>The JSON path of the first string or member name that does not decode to Unicode text, or null.</summary>
    private static string? NotUnicode(JsonElement element, string path) =>
        Decodes(element) ? null : PathOfFirstBad(element, path);

    /// <summary>Whether every string and member name below <paramref name="element"/> decodes (no path is built on the way).</summary>
    private static bool Decodes(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Decodes(element, null);
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (!Decodes(item))
                    {
                        return false;
                    }
                }
                return true;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!Decodes(property.Value, property) || !Decodes(property.Value))
                    {
                        return false;
                    }
                }
                return true;
            default:
                return true;
        }
    }

    /// <summary>The path of the first string or member name below <paramref name="element"/> that does not decode, or null.</summary>
    private static string? PathOfFirstBad(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Decodes(element, null) ? null : path;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (PathOfFirstBad(item, $"{path}[{i++}]") is { } bad)
                    {
                        return bad;
                    }
                }
                return null;
            case JsonValueKind.Object:
                var n = 0;
                foreach (var property in element.EnumerateObject())
                {
                    if (!Decodes(property.Value, property))
                    {
                        return $"{path}.<member {n}>";
                    }
                    if (PathOfFirstBad(property.Value, $"{path}.{property.Name}") is { } bad)
                    {
                        return bad;
                    }
                    n++;
                }
                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// Whether a member's name (when <paramref name="member"/> is given) or else a string value decodes. Text without escapes is
    /// checked as UTF-8 where it lies (no string is made for it); only text with an escape, which may be a lone surrogate, is decoded.
    /// </summary>
    private static bool Decodes(JsonElement value, JsonProperty? member)
    {
        var raw = member is { } named ? JsonMarshal.GetRawUtf8PropertyName(named) : JsonMarshal.GetRawUtf8Value(value);
        if (!raw.Contains((byte)'\\'))
        {
            return Utf8.IsValid(raw);
        }
        try
        {
            _ = member is { } m ? m.Name : value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static async Task<IResult> SubmitAsync(
        HttpRequest request, ElectionLog log, Authorizer authorizer, WriterRegistry writers, ServerOptions options,
        Operations.ServerMetrics metrics, CancellationToken cancellationToken)
    {
        var (document, problem) = await ReadBodyAsync(request, options, cancellationToken);
        OffNetworkThreads.Check();
        if (document is null)
        {
            metrics.Refused("unreadable");
            return problem!;
        }
        using (document)
        {
            var (submissions, problems, batch) = SubmissionParser.Parse(log.Election, document.RootElement, options.MaxBatch);
            if (problems.Count > 0)
            {
                metrics.Refused("invalid");
                return Problems.BadRequest(
                    "The submission cannot be read; nothing was stored.",
                    problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
            }
            // A signed count is authorized by its signature alone: the operator's token is looked for only when a submission needs one.
            var caller = submissions.TrueForAll(s => log.Election.TrySourceIndex(s.Protocol.Source, out var i) && log.Election.Sources[i].Signed)
                ? Caller.Device
                : await Caller.OfAsync(request.HttpContext);
            var admitted = new List<Submission>(submissions.Count);
            List<Refusal>? refusals = null;
            foreach (var submission in submissions)
            {
                switch (authorizer.Check(submission, caller))
                {
                    case Admission<Submission>.Admitted a:
                        admitted.Add(a.Who);
                        break;
                    case Admission<Submission>.Refused r:
                        (refusals ??= []).Add(r.Refusal);
                        break;
                }
            }
            if (refusals is not null)
            {
                var first = refusals.FirstOrDefault(r => r is Refusal.Unauthenticated) ?? refusals[0];
                metrics.Refused(first is Refusal.Unauthenticated ? "unauthenticated" : "forbidden");
                return Problems.Status(first.Status, first.Title, "Nothing of this request was stored.",
                    refusals.GroupBy(r => r.Path).ToDictionary(g => g.Key, g => g.Select(r => r.Reason).ToArray()));
            }
            IReadOnlyList<Receipt> receipts;
            try
            {
                receipts = admitted.Count == 1
                    ? [await log.SubmitAsync(admitted[0], cancellationToken)]
                    : await log.SubmitAsync(admitted, cancellationToken);
            }
            catch (KeyNotCurrentException e)
            {
                metrics.Refused("key_not_current");
                return Problems.Status(403, "Not allowed", $"{e.Message}. Nothing signed with that key is counted; sign with the station's "
                    + "current key. In a batch, the other protocols were decided as usual: send the batch again for their receipts.");
            }
            catch (Storage.Access.OperatorRevokedException e)
            {
                metrics.Refused("operator_revoked");
                await writers.LearnRevocationAsync(cancellationToken);
                return Problems.Status(401, "Not authenticated", $"{e.Message}. In a batch, the other protocols were decided as usual.");
            }
            catch (StoreException e)
            {
                metrics.Refused("store_unavailable");
                return Problems.Unavailable(e.Message);
            }
            return new ReceiptResult([.. receipts.Select(ReceiptJson.Of)], batch);
        }
    }
}
