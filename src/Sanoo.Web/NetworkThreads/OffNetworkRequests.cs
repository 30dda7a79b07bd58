using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Sanoo.Log;

namespace Sanoo.Web.NetworkThreads;

/// <summary>
/// Every request past this step runs off the network threads (<see cref="OffNetworkThreads"/>): in the thread pool, every
/// <c>await</c> of it coming back there, and its request and response bodies wrapped so that a wait for the network (a body that
/// arrives in several packets, an answer a slow reader takes in) also comes back there rather than going on where the network
/// completed it (Kestrel's pipes ignore the context). Placed right after the short way of a read already answered, which is the one
/// thing sent from the network thread itself.
/// </summary>
public static class OffNetworkRequests
{
    /// <summary>Runs the rest of the pipeline off the network threads.</summary>
    public static IApplicationBuilder UseOffNetworkThreads(this IApplicationBuilder app) =>
        app.Use(static (context, next) => RunAsync(context, next));

    private static async Task RunAsync(HttpContext context, RequestDelegate next)
    {
        await OffNetworkThreads.Enter();
        var request = context.Request;
        var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>() is not { CanHaveBody: false })
        {
            request.Body = new RejoiningStream(request.Body);
        }
        context.Features.Set<IHttpResponseBodyFeature>(new RejoiningResponseBody(body));
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(body);
        }
    }

    /// <summary>The response body of <paramref name="inner"/>, its waits brought back off the network threads.</summary>
    private sealed class RejoiningResponseBody(IHttpResponseBodyFeature inner) : IHttpResponseBodyFeature
    {
        private Stream? _stream;
        private RejoiningWriter? _writer;

        public Stream Stream => _stream ??= new RejoiningStream(inner.Stream);

        public System.IO.Pipelines.PipeWriter Writer => _writer ??= new RejoiningWriter(inner.Writer);

        public void DisableBuffering() => inner.DisableBuffering();

        public Task StartAsync(CancellationToken cancellationToken = default) => Rejoin.After(inner.StartAsync(cancellationToken));

        /// <summary>Through <see cref="Stream"/>, so the file's reads between writes are not done on a network thread either.</summary>
        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
            SendFileFallback.SendFileAsync(Stream, path, offset, count, cancellationToken);

        public Task CompleteAsync() => Rejoin.After(inner.CompleteAsync());
    }
}
