using System.Runtime.CompilerServices;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Pages of a log (its entries, its register) read ahead, as many at a time as there are cores, and handed over in order: the
/// page the caller applies next is ready soonest while the ones after it are fetched and prepared on the other cores. Pages are
/// asked for a full page apart; a page that ends elsewhere (a server with smaller pages) makes those read ahead be dropped and
/// asked for again from where it ended. A few pages are in memory at a time, never the log.
/// </summary>
internal static class PagesAhead
{
    /// <summary>
    /// The pages after <paramref name="after"/> up to <paramref name="size"/>, each read by <paramref name="read"/> from its start;
    /// <paramref name="end"/> gives where a page read from a position ends. An empty page, or one that does not move on, is the last.
    /// </summary>
    public static async IAsyncEnumerable<T[]> ReadAsync<T>(
        long after,
        long size,
        int pageSize,
        Func<long, Task<T[]>> read,
        Func<long, T[], long> end,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var depth = Environment.ProcessorCount; // as many pages in hand as cores (cores + 2 was slower and larger on a busy machine)
        var ahead = new Dictionary<long, Task<T[]>>();
        var scheduled = after;
        while (after < size)
        {
            for (; ahead.Count < depth && scheduled < size; scheduled += pageSize)
            {
                ahead[scheduled] = read(scheduled);
            }
            if (!ahead.Remove(after, out var next))
            {
                ahead.Clear(); // off the grid of pages read ahead: ask again from here
                scheduled = after;
                continue;
            }
            var page = await next;
            yield return page;
            if (page.Length == 0 || end(after, page) <= after)
            {
                yield break; // nothing further served: the caller names what is missing
            }
            after = end(after, page);
        }
    }
}
