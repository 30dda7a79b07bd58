using System.Threading.Channels;
using Sanoo.Storage;
using Sanoo.Storage.Log;

namespace Sanoo.Log;

/// <summary>
/// The log read for a rebuild, in batches of entries with their leaf hashes, by a task of its own: while it reads and hashes, the
/// opening reads the definition and then replays (or adopts) what was read, so both cores work. At most
/// <see cref="Ahead"/> batches wait, so memory stays bounded whichever side is faster. A read that fails ends the batches with
/// its exception, which the consumer sees.
/// </summary>
internal static class LogBatches
{
    /// <summary>Entries a batch holds.</summary>
    public const int Size = 8192;

    /// <summary>Batches read ahead of the replay at most.</summary>
    private const int Ahead = 16;

    /// <summary>
    /// Starts reading the whole log. The entries up to the position <paramref name="covered"/> gives (a checkpoint's, which keeps
    /// their leaf hashes; awaited before the first batch is hashed) get no leaf hash (null): the others get theirs.
    /// </summary>
    public static ChannelReader<(List<LogEntry> Entries, byte[]?[] Leaves)> Start(
        IProtocolStore store, CancellationToken cancellationToken, Task<long>? covered = null)
    {
        var channel = Channel.CreateBounded<(List<LogEntry>, byte[]?[])>(
            new BoundedChannelOptions(Ahead) { SingleReader = true, SingleWriter = true });
        _ = ReadAsync();
        return channel.Reader;

        async Task ReadAsync()
        {
            await OffNetworkThreads.Away(); // a task of its own from here
            try
            {
                var batch = new List<LogEntry>(Size);
                long? after = null;
                async ValueTask SendAsync(List<LogEntry> batch)
                {
                    after ??= covered is null ? 0 : await covered;
                    await channel.Writer.WriteAsync((batch, Leaves(batch, after.Value)), cancellationToken);
                }
                await foreach (var entry in store.ReadAsync(0, false, cancellationToken))
                {
                    batch.Add(entry);
                    if (batch.Count == Size)
                    {
                        await SendAsync(batch);
                        batch = new List<LogEntry>(Size);
                    }
                }
                if (batch.Count > 0)
                {
                    await SendAsync(batch);
                }
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }
    }

    private static byte[]?[] Leaves(List<LogEntry> batch, long covered)
    {
        var leaves = new byte[]?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            leaves[i] = batch[i].Sequence > covered ? batch[i].LeafHash() : null;
        }
        return leaves;
    }
}
