using System.Threading.Tasks.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Sanoo.Log;
using Sanoo.Web.NetworkThreads;

namespace Sanoo.Web.Tests;

/// <summary>
/// Work that must not hold up the network runs off its threads: after <see cref="OffNetworkThreads.Enter"/> every await comes back in
/// the thread pool, even one completed by a thread of another kind (as a PostgreSQL answer is by a network thread), and a request
/// past <see cref="OffNetworkRequests"/> reads its body and writes its answer in the pool even when the server's own waits (Kestrel's
/// pipes) go on where the network completed them. A thread of its own stands for the network's here: a network thread is not a pool
/// thread either.
/// </summary>
public sealed class OffNetworkThreadsTests
{
    [Fact]
    public async Task An_await_completed_by_another_kind_of_thread_comes_back_in_the_pool_and_that_thread_is_left_as_it_was()
    {
        var answer = new TaskCompletionSource<int>(); // continuations inline, as a socket's completion runs them
        SynchronizationContext? completerContext = null;
        var network = new Thread(() =>
        {
            Thread.Sleep(50);
            answer.SetResult(42);
            completerContext = SynchronizationContext.Current;
        });

        var (before, after, value) = await Task.Run(async () =>
        {
            await OffNetworkThreads.Enter();
            var before = Where();
            network.Start();
            var value = await answer.Task;
            return (before, Where(), value);
        });
        network.Join();

        Assert.Equal(42, value);
        Assert.Equal((true, true, false), before);
        Assert.Equal((true, true, false), after);
        Assert.Null(completerContext);
    }

    [Fact]
    public async Task Entering_again_from_inside_does_not_hop()
    {
        var (first, second) = await Task.Run(async () =>
        {
            await OffNetworkThreads.Enter();
            var first = Environment.CurrentManagedThreadId;
            await OffNetworkThreads.Enter();
            return (first, Environment.CurrentManagedThreadId);
        });

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Going_away_from_inside_or_outside_starts_a_task_of_its_own_in_the_context()
    {
        using var calling = new ThreadLocal<bool>(); // true on the caller's thread while it is in the call
        async Task<(bool Pool, bool Here, bool Network, bool InTheCall)> AwayAsync()
        {
            await OffNetworkThreads.Away();
            var (pool, here, network) = Where();
            return (pool, here, network, calling.Value);
        }
        Task<(bool, bool, bool, bool)> Call()
        {
            calling.Value = true;
            var started = AwayAsync();
            calling.Value = false;
            return started;
        }

        var outside = await Call();
        var inside = await await Task.Run(async () =>
        {
            await OffNetworkThreads.Enter();
            return Call();
        });

        // In the pool and the context, and not run in the caller's call, from outside the context or from inside it.
        Assert.Equal((true, true, false, false), outside);
        Assert.Equal((true, true, false, false), inside);
    }

    [Fact]
    public async Task A_request_body_and_answer_whose_waits_end_on_a_network_thread_go_on_in_the_pool()
    {
        var network = new NetworkStand();
        var seen = new List<(bool Pool, bool Here, bool Network)>();
        var app = new ApplicationBuilder(new ServiceCollection().BuildServiceProvider());
        app.UseOffNetworkThreads();
        async Task HandleAsync(HttpContext context)
        {
            seen.Add(Where());
            var buffer = new byte[16];
            var read = await context.Request.Body.ReadAsync(buffer);
            seen.Add(Where());
            await context.Response.Body.WriteAsync(buffer.AsMemory(0, read));
            seen.Add(Where());
            await context.Response.BodyWriter.WriteAsync(buffer.AsMemory(0, read));
            seen.Add(Where());
            // A library's own code (a JSON reader, a compressor) awaits without the context: it goes on where the wait completes.
            seen.Add(await LibraryAsync(() => (Task)context.Request.Body.ReadAsync(buffer).AsTask()));
            seen.Add(await LibraryAsync(() => context.Response.Body.FlushAsync()));
        }
        app.Run(HandleAsync);
        var pipeline = app.Build();
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = network.Stream();
        var sent = new MemoryStream();
        context.Features.Set<IHttpResponseBodyFeature>(new NetworkBody(network, sent));

        // Started from the network's own thread, as Kestrel starts a request when it runs there.
        var done = new TaskCompletionSource();
        NetworkStand.Run(() => pipeline(context).ContinueWith(t => done.SetResult(), TaskScheduler.Default));
        await done.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(6, seen.Count);
        Assert.All(seen[..4], where => Assert.Equal((true, true, false), where));
        Assert.All(seen[4..], where => Assert.Equal((true, false), (where.Pool, where.Network)));
        Assert.Equal([.. network.Sent, .. network.Sent], sent.ToArray());
    }

    [Fact]
    public async Task A_server_takes_a_protocol_and_answers_reads_and_pages_without_its_work_straying_from_the_pool()
    {
        var server = new ServerFixture();
        await server.InitializeAsync();
        try
        {
            var protocol = ServerFixture.Sample.Hand.First(p => p.Contest.Value == "list");
            using (var accepted = await server.SubmitAsync(new { protocol = ServerFixture.ProtocolJson(protocol) }, ServerFixture.AdminToken))
            {
                Assert.Equal(System.Net.HttpStatusCode.OK, accepted.StatusCode);
            }
            await server.WaitForSnapshotAsync(server.Log.Position);
            var published = server.Published;
            var hotBefore = published.Responses.HotServed;
            foreach (var address in (string[])["/api/v1/results?source=hand", "/api/v1/results?source=hand", "/en/", "/en/"])
            {
                using var answer = await server.Client.GetAsync(address);
                Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
            }

            Assert.True(!ReferenceEquals(published, server.Published) || published.Responses.HotServed > hotBefore, "no read went the short way");
            Assert.Equal(0, OffNetworkThreads.Strayed);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>Where code goes on after awaiting <paramref name="wait"/> without a context, as a library's does.</summary>
    private static async Task<(bool Pool, bool Here, bool Network)> LibraryAsync(Func<Task> wait)
    {
        await wait().ConfigureAwait(false);
        return Where();
    }

    private static (bool Pool, bool Here, bool Network) Where() =>
        (Thread.CurrentThread.IsThreadPoolThread, OffNetworkThreads.Here, Thread.CurrentThread.Name == NetworkStand.Name);

    /// <summary>
    /// A thread standing for the network's: each wait it is asked for ends a moment later on it, the waiter's continuation run right
    /// there whatever context the waiter was in (as Kestrel's pipes do).
    /// </summary>
    private sealed class NetworkStand
    {
        public const string Name = "network stand-in";

        public byte[] Sent { get; } = "from the network"u8.ToArray();

        /// <summary>How long each wait takes: long enough that the waiter is waiting when it ends.</summary>
        public TimeSpan Delay { get; } = TimeSpan.FromMilliseconds(30);

        public static void Run(Action action) => new Thread(() => action()) { Name = Name, IsBackground = true }.Start();

        /// <summary>A wait of <paramref name="value"/> that ends on this thread.</summary>
        public ValueTask<T> Later<T>(T value) => new(Ending(value), 0);

        /// <summary>A wait that ends on this thread.</summary>
        public ValueTask Later() => new(Ending(0), 0);

        private Wait<T> Ending<T>(T value)
        {
            var wait = new Wait<T>();
            Run(() =>
            {
                Thread.Sleep(Delay);
                wait.Complete(value);
            });
            return wait;
        }

        public Stream Stream() => new Body(this);

        private sealed class Body(NetworkStand network) : MemoryStream
        {
            private bool _read;

            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            {
                var count = _read ? 0 : network.Sent.Length;
                network.Sent.CopyTo(buffer);
                _read = true;
                return network.Later(count);
            }
        }

        /// <summary>Completes its waiter on the completing thread, ignoring the waiter's context.</summary>
        private sealed class Wait<T> : IValueTaskSource<T>, IValueTaskSource
        {
            private ManualResetValueTaskSourceCore<T> _core;

            public void Complete(T value) => _core.SetResult(value);

            public T GetResult(short token) => _core.GetResult(token);

            void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

            public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

            public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
                _core.OnCompleted(continuation, state, token, ValueTaskSourceOnCompletedFlags.None);
        }
    }

    /// <summary>A response body whose writes and flushes end on the network's thread.</summary>
    private sealed class NetworkBody(NetworkStand network, MemoryStream sent) : IHttpResponseBodyFeature
    {
        public Stream Stream => new Written(network, sent);

        public System.IO.Pipelines.PipeWriter Writer => new Flushed(network, sent);

        public void DisableBuffering()
        {
        }

        public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task CompleteAsync() => Task.CompletedTask;

        private sealed class Written(NetworkStand network, MemoryStream sent) : MemoryStream
        {
            public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
            {
                sent.Write(buffer.Span);
                return network.Later();
            }
        }

        private sealed class Flushed(NetworkStand network, MemoryStream sent) : System.IO.Pipelines.PipeWriter
        {
            public override void Advance(int bytes) => throw new NotSupportedException();

            public override Memory<byte> GetMemory(int sizeHint = 0) => throw new NotSupportedException();

            public override Span<byte> GetSpan(int sizeHint = 0) => throw new NotSupportedException();

            public override void CancelPendingFlush()
            {
            }

            public override void Complete(Exception? exception = null)
            {
            }

            public override ValueTask<System.IO.Pipelines.FlushResult> FlushAsync(CancellationToken cancellationToken = default) =>
                network.Later(new System.IO.Pipelines.FlushResult());

            public override ValueTask<System.IO.Pipelines.FlushResult> WriteAsync(
                ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
            {
                sent.Write(source.Span);
                return network.Later(new System.IO.Pipelines.FlushResult());
            }
        }
    }
}
