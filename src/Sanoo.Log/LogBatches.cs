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

    /// <summary>Starts reading the whole log.</summary>
    public static ChannelReader<(List<LogEntry> Entries, byte[][] Leaves)> Start(IProtocolStore store, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<(List<LogEntry>, byte[][])>(
            new BoundedChannelOptions(Ahead) { SingleReader = true, SingleWriter = true });
        _ = Task.Run(async () =>
        {
            try
            {
                var batch = new List<LogEntry>(Size);
                await foreach (var entry in store.ReadAsync(0, false, cancellationToken))
                {
                    batch.Add(entry);
                    if (batch.Count == Size)
                    {
                        await channel.Writer.WriteAsync((batch, Leaves(batch)), cancellationToken);
                        batch = new List<LogEntry>(Size);
                    }
                }
                if (batch.Count > 0)
                {
                    await channel.Writer.WriteAsync((batch, Leaves(batch)), cancellationToken);
                }
                channel.Writer.Complete();
            }
            catch (Exception e)
            {
                channel.Writer.Complete(e);
            }
        }, cancellationToken);
        return channel.Reader;
    }

    private static byte[][] Leaves(List<LogEntry> batch)
    {
        var leaves = new byte[batch.Count][];
        for (var i = 0; i < batch.Count; i++)
        {
            leaves[i] = batch[i].LeafHash();
        }
        return leaves;
    }
}
