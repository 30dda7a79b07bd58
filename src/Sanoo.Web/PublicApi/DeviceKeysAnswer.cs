using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Sanoo.Log;

namespace Sanoo.Web.PublicApi;

/// <summary>
/// The answer of <c>/api/v1/keys</c> as bytes, kept for the register's size: at a million stations it is two million keys read from
/// the store and written out (seconds of the server's CPU), and every verifier of every observer asks for it once a round. It is
/// built again when the register grows (a key enrolled or revoked is a register record), one request building it while any others
/// that come meanwhile wait for it. One per server.
/// </summary>
public sealed class DeviceKeysAnswer : IDisposable
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private Kept? _kept;

    /// <summary>The answer for <paramref name="log"/>'s register as it is now, written with <paramref name="type"/>.</summary>
    public async Task<byte[]> BytesAsync(ElectionLog log, JsonTypeInfo<Contracts.DeviceKeys> type, CancellationToken cancellationToken)
    {
        var size = log.RegisterSize;
        if (Volatile.Read(ref _kept) is { } kept && kept.RegisterSize == size)
        {
            return kept.Bytes;
        }
        await _building.WaitAsync(cancellationToken);
        try
        {
            if (_kept is { } built && built.RegisterSize == size)
            {
                return built.Bytes;
            }
            // Read after the size: the keys are those of at least this many records, so the answer is never older than its size.
            var keys = TransparencyJson.Of(await log.DeviceKeysAsync(0, cancellationToken), await log.RevocationsAsync(cancellationToken));
            var bytes = JsonSerializer.SerializeToUtf8Bytes(keys, type);
            Volatile.Write(ref _kept, new Kept(size, bytes));
            return bytes;
        }
        finally
        {
            _building.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _building.Dispose();

    private sealed record Kept(long RegisterSize, byte[] Bytes);
}
