using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Npgsql;

namespace Sanoo.Storage.Postgres;

/// <summary>
/// The log's growth as other servers announce it: a connection that <c>LISTEN</c>s on the
/// channel and yields each announced sequence. After a (re)connect it yields 0 at once, since
/// whatever was announced meanwhile is lost and the follower must catch up by sequence; a lost
/// connection is retried every half second until the reader is cancelled.
/// </summary>
internal sealed class PostgresChanges(NpgsqlDataSource source, string channel)
{
    /// <summary>The announced sequences (0: look for yourself), until cancelled.</summary>
    public async IAsyncEnumerable<long> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var changes = Channel.CreateUnbounded<long>();
        var listening = ListenAsync(changes.Writer, cancellationToken);
        await foreach (var change in changes.Reader.ReadAllAsync(cancellationToken).WithCancellation(cancellationToken))
        {
            yield return change;
        }
        await listening;
    }

    private async Task ListenAsync(ChannelWriter<long> changes, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await source.OpenConnectionAsync(cancellationToken);
                connection.Notification += (_, e) => changes.TryWrite(long.TryParse(e.Payload, out var seq) ? seq : 0);
                await using (var listen = new NpgsqlCommand($"LISTEN {channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }
                changes.TryWrite(0); // (re)connected: whatever was missed is caught up by sequence
                while (true)
                {
                    await connection.WaitAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        changes.TryComplete();
    }
}
