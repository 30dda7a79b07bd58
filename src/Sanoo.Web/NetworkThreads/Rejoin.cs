using Sanoo.Log;

namespace Sanoo.Web.NetworkThreads;

/// <summary>
/// A wait handed back only once the caller is off the network threads again: a wait that completed at once is passed through as
/// it is; one that had to wait goes on in <see cref="OffNetworkThreads"/> however it completed.
/// </summary>
internal static class Rejoin
{
    public static Task After(Task pending) => pending.IsCompletedSuccessfully ? pending : AwaitedAsync(pending);

    public static ValueTask After(ValueTask pending) => pending.IsCompletedSuccessfully ? pending : AwaitedAsync(pending);

    public static ValueTask<T> After<T>(ValueTask<T> pending) => pending.IsCompletedSuccessfully ? pending : AwaitedAsync(pending);

    private static async Task AwaitedAsync(Task pending)
    {
        try
        {
            await pending;
        }
        finally
        {
            await OffNetworkThreads.Enter(); // a failed wait too: its handling is the caller's work
        }
    }

    private static async ValueTask AwaitedAsync(ValueTask pending)
    {
        try
        {
            await pending;
        }
        finally
        {
            await OffNetworkThreads.Enter();
        }
    }

    private static async ValueTask<T> AwaitedAsync<T>(ValueTask<T> pending)
    {
        try
        {
            return await pending;
        }
        finally
        {
            await OffNetworkThreads.Enter();
        }
    }
}
