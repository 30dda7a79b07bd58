using System.Runtime.CompilerServices;

namespace Sanoo.Log;

/// <summary>
/// Where the server's own work runs while the threads that wait for the network answer requests themselves (<c>sanoo serve
/// --inline-io</c>: a socket's completion runs on that thread, and Kestrel goes on with the request there). A read already answered from
/// the snapshot is sent right there, in microseconds; anything longer (a request that reads the store or renders a page, the log's
/// writer, the snapshot publisher) must not run there, since every connection of that thread waits meanwhile. Such work awaits
/// <see cref="Enter"/> first: it goes on in the thread pool, and so does every later <c>await</c> in it, even one whose wait ended
/// on a network thread (a PostgreSQL answer is read by one): an <c>await</c> comes back through the context it started in, and this
/// context's <see cref="Post"/> queues to the pool. A wait that ignores contexts (Kestrel's pipes) is brought back by the
/// request's body wrappers (Sanoo.Web's <c>OffNetworkRequests</c>).
/// </summary>
public sealed class OffNetworkThreads : SynchronizationContext
{
    private static readonly OffNetworkThreads Instance = new();
    private static long _strayed;

    private OffNetworkThreads()
    {
    }

    /// <summary>Whether the calling code runs in this context (in the thread pool, its awaits coming back there).</summary>
    public static bool Here => Current is OffNetworkThreads;

    /// <summary>How many times <see cref="Check"/> found the server's own work outside this context: 0 unless a path escapes it.</summary>
    public static long Strayed => Interlocked.Read(ref _strayed);

    /// <summary>
    /// Counts a stray (<see cref="Strayed"/>) when called outside this context: placed where the server's own work runs (a protocol
    /// taken, a read answered through the whole pipeline, the writer's group commit), so a path that escapes shows in the tests.
    /// </summary>
    public static void Check()
    {
        if (!Here)
        {
            Interlocked.Increment(ref _strayed);
        }
    }

    /// <summary>
    /// Moves the rest of the calling async method, and everything it awaits, into this context: at once when already there,
    /// otherwise by queueing the rest to the thread pool. The calling thread is left as it was.
    /// </summary>
    public static Hop Enter() => default;

    /// <summary>
    /// Queues the rest of the calling async method to the thread pool in this context, even when called in it: the caller gets its
    /// task at once and goes on, as with <c>Task.Run</c>, but the work is queued once, not once by <c>Task.Run</c> and again to enter.
    /// </summary>
    public static Hop Away() => new(away: true);

    /// <inheritdoc/>
    public override void Post(SendOrPostCallback d, object? state) => ThreadPool.UnsafeQueueUserWorkItem(new Work(d, state), preferLocal: false);

    /// <inheritdoc/>
    public override SynchronizationContext CreateCopy() => this;

    /// <summary>The awaitable of <see cref="Enter"/>.</summary>
    public readonly struct Hop(bool away) : ICriticalNotifyCompletion
    {
        /// <summary>Itself (an awaitable is its own awaiter).</summary>
        public Hop GetAwaiter() => this;

        /// <summary>Whether the caller goes on where it is: in the context already, and not sent <see cref="Away"/>.</summary>
        public bool IsCompleted => !away && Here;

        /// <summary>Nothing: the hop has no result.</summary>
        public void GetResult()
        {
        }

        /// <inheritdoc/>
        public void OnCompleted(Action continuation) => Instance.Post(Run, continuation);

        /// <inheritdoc/>
        public void UnsafeOnCompleted(Action continuation) => Instance.Post(Run, continuation);

        private static readonly SendOrPostCallback Run = static continuation => ((Action)continuation!)();
    }

    /// <summary>A callback run in the pool with this context current, the thread's own put back after.</summary>
    private sealed class Work(SendOrPostCallback callback, object? state) : IThreadPoolWorkItem
    {
        public void Execute()
        {
            var previous = Current;
            SetSynchronizationContext(Instance);
            try
            {
                callback(state);
            }
            finally
            {
                SetSynchronizationContext(previous);
            }
        }
    }
}
