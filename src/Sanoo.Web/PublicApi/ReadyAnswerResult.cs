using Microsoft.AspNetCore.Http;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.PublicApi;

/// <summary>
/// Sends a <see cref="ReadyAnswer"/> in the coding the request prefers (<see cref="AcceptEncoding"/>), with its
/// <c>Content-Encoding</c> and <c>Content-Length</c>; the body is left out for <c>HEAD</c>, the headers are the same. A form the
/// cache had no room for goes as identity, left to <see cref="OneOffCompression"/> like any answer made for one request. An answer
/// of a snapshot (<paramref name="published"/>) has its address remembered for the short way of the next reads (<see cref="HotReads"/>).
/// </summary>
/// <param name="answer">The answer.</param>
/// <param name="published">The snapshot it answers from, or null for an answer of no snapshot.</param>
public sealed class ReadyAnswerResult(ReadyAnswer answer, Published? published = null) : IResult
{
    /// <inheritdoc />
    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var coding = AcceptEncoding.Preferred(httpContext.Request.Headers.AcceptEncoding);
        var body = answer.Encoded(coding);
        if (body is null)
        {
            body = answer.Identity;
        }
        else
        {
            OneOffCompression.Kept(httpContext);
            if (!ReferenceEquals(body, answer.Identity))
            {
                response.Headers.ContentEncoding = coding.Token();
            }
        }
        response.ContentType = answer.ContentType;
        response.ContentLength = body.Length;
        if (published is not null)
        {
            HotReads.Remember(httpContext, published, answer);
        }
        return HttpMethods.IsHead(httpContext.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body).AsTask();
    }
}
