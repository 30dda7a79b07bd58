using Sanoo.Core.Definitions;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// The log's entries after a position, page by page in log order, fetched ahead and prepared (<see cref="PreparedEntry"/>) on
/// every core while the replay applies the page before. Each page's entries are split among the cores, so that the page the
/// replay waits for is ready soonest and no core idles while another verifies a whole page's signatures alone; pages are read
/// ahead as <see cref="PagesAhead"/> reads them.
/// </summary>
internal static class EntryStream
{
    /// <summary>Entries per page, as the server and a published folder give them.</summary>
    public const int PageSize = 1000;

    /// <summary>
    /// The pages of entries after <paramref name="after"/> up to <paramref name="size"/>; a page that serves nothing further ends it
    /// early.
    /// </summary>
    public static IAsyncEnumerable<PreparedEntry[]> PagesAsync(
        VerifyCommand.IPublished origin,
        Election election,
        long after,
        long size,
        DeviceKeyBook lastKeys,
        CancellationToken cancellationToken) =>
        PagesAhead.ReadAsync(
            after,
            size,
            PageSize,
            from => Task.Run(() => PrepareAsync(origin, election, from, lastKeys, cancellationToken), cancellationToken),
            (_, page) => page[^1].Entry.Sequence,
            cancellationToken);

    private static async Task<PreparedEntry[]> PrepareAsync(
        VerifyCommand.IPublished origin,
        Election election,
        long after,
        DeviceKeyBook lastKeys,
        CancellationToken cancellationToken)
    {
        var page = await origin.ReadAsync($"/api/v1/entries?after={after}&limit={PageSize}", EntryPage.Read, cancellationToken);
        var prepared = new PreparedEntry[page.Count];
        // The page split in a few slices a core: the first on this thread, the others queued; awaited, not waited for (no thread
        // blocks or spins for them).
        var slices = Math.Min(page.Count, 2 * Environment.ProcessorCount);
        void Slice(int slice)
        {
            for (var i = slice * page.Count / slices; i < (slice + 1) * page.Count / slices; i++)
            {
                var (entry, canonical, signature) = page[i];
                prepared[i] = PreparedEntry.Of(election, entry, canonical, signature, lastKeys);
            }
        }
        var others = new Task[Math.Max(0, slices - 1)];
        for (var slice = 1; slice < slices; slice++)
        {
            var each = slice;
            others[slice - 1] = Task.Run(() => Slice(each), cancellationToken);
        }
        if (slices > 0)
        {
            Slice(0);
        }
        await Task.WhenAll(others);
        return prepared;
    }
}
