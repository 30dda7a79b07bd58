using System.Collections.Concurrent;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;

namespace Sanoo.Web.PublicApi;

/// <summary>
/// An answer too large to be made whole and kept with its snapshot (the ERR report of a national election is gigabytes): it is
/// written to the response as it is made, by a writer that writes synchronously (<paramref name="write"/>, on a thread of its own)
/// through a pipe of at most a megabyte, so the server holds a megabyte of it whatever its size, and compressed per request when
/// the client accepts it. A client that goes away stops the writer at its next write. The body is left out for <c>HEAD</c>.
/// Such an answer is made anew for each request, minutes of a core at a million stations, on the cores the ingest needs: one is
/// written at a time (<see cref="Gate"/>), and a request meanwhile is answered 503 with Retry-After, saying why.
/// </summary>
/// <param name="contentType">The media type.</param>
/// <param name="gate">The server's gate: one answer written as made at a time.</param>
/// <param name="write">Writes the whole answer to the stream it is given.</param>
public sealed class WrittenAsMadeResult(string contentType, WrittenAsMadeResult.Gate gate, Action<Stream> write) : IResult
{
    private const int MostBuffered = 1 << 20;

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        if (HttpMethods.IsHead(httpContext.Request.Method))
        {
            httpContext.Response.ContentType = contentType;
            return;
        }
        if (!gate.Writers.Wait(0))
        {
            await Problems.Busy(
                "Another copy of this file is being written; retry in a minute",
                "A file of the whole election this large is made anew for each request, one at a time, so that the count goes on. "
                + "The commission's published copy of the site holds it as a file.",
                60).ExecuteAsync(httpContext);
            return;
        }
        try
        {
            await WriteAsync(httpContext);
        }
        finally
        {
            gate.Writers.Release();
        }
    }

    private async Task WriteAsync(HttpContext httpContext)
    {
        httpContext.Response.ContentType = contentType;
        var pipe = new Pipe(
            new PipeOptions(pauseWriterThreshold: MostBuffered, resumeWriterThreshold: MostBuffered / 2, useSynchronizationContext: false));
        var writing = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    using (var stream = pipe.Writer.AsStream(leaveOpen: true))
                    {
                        write(stream);
                    }
                    pipe.Writer.Complete();
                }
                catch (Exception e)
                {
                    pipe.Writer.Complete(e);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            await pipe.Reader.CopyToAsync(httpContext.Response.Body, httpContext.RequestAborted);
            await pipe.Reader.CompleteAsync();
        }
        catch (Exception e)
        {
            // The writer's next write throws this, so it stops; the connection is then aborted as for any failed answer.
            await pipe.Reader.CompleteAsync(e);
            await writing;
            throw;
        }
        await writing;
    }

    /// <summary>
    /// One server's gate for answers written as made (a singleton service), and the answers it found too large to keep: a report
    /// only grows as counts come in, so once one is, the next snapshots' are written as made without being tried whole first
    /// (which would cost every request, refused or not, the first tens of megabytes made and thrown away).
    /// </summary>
    public sealed class Gate : IDisposable
    {
        private readonly ConcurrentDictionary<string, bool> _tooLarge = new(StringComparer.Ordinal);

        internal SemaphoreSlim Writers { get; } = new(1, 1);

        /// <summary>Whether the answer of <paramref name="key"/> was found too large to keep.</summary>
        public bool TooLarge(string key) => _tooLarge.ContainsKey(key);

        /// <summary>Notes that the answer of <paramref name="key"/> (a key built from validated values only) is too large to keep.</summary>
        public void FoundTooLarge(string key) => _tooLarge.TryAdd(key, true);

        /// <inheritdoc />
        public void Dispose() => Writers.Dispose();
    }
}
