using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Wire = Sanoo.Contracts;

namespace Sanoo.Web.Ingest;

/// <summary>
/// 200 with the receipts of a submission (<see cref="ReceiptBytes"/>), as <c>TypedResults.Ok</c> answered them (the same content
/// type and bytes) but sent with its <c>Content-Length</c> in one write: the JSON is written into a buffer kept by the thread, then
/// copied into the response's own buffer, so a receipt allocates no array of its own and is not sent in chunks.
/// </summary>
/// <param name="receipts">The receipts, in the order of the submissions.</param>
/// <param name="batch">Whether the request sent a batch (<c>{"receipts": […]}</c>) or one protocol (<c>{"receipt": …}</c>).</param>
public sealed class ReceiptResult(IReadOnlyList<Wire.Receipt> receipts, bool batch) : IResult
{
    /// <summary>The content type of a receipt, as the JSON result of ASP.NET sets it.</summary>
    public const string ContentType = "application/json; charset=utf-8";

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _json;

    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
        var json = _json ??= new Utf8JsonWriter(buffer);
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        ReceiptBytes.WriteAnswer(json, receipts, batch);
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = buffer.WrittenCount;
        var body = response.BodyWriter;
        buffer.WrittenSpan.CopyTo(body.GetSpan(buffer.WrittenCount));
        body.Advance(buffer.WrittenCount);
        if (buffer.Capacity > 64 * 1024)
        {
            _buffer = null; // a large batch's buffer is not kept by the thread
            _json = null;
        }
        return body.FlushAsync().AsTask();
    }
}
