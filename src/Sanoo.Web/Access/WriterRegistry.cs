using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using NSec.Cryptography;
using Sanoo.Storage;
using Sanoo.Storage.Access;

namespace Sanoo.Web.Access;

/// <summary>
/// Who may write: each station's enrolled device key (its newest enrolment) and the operators
/// by token hash, re-read from the store every <see cref="ServerOptions.AccessRefresh"/> so an
/// enrolment made while the server runs takes effect without a restart.
/// </summary>
public sealed class WriterRegistry(IProtocolStore store, ServerOptions options, TimeProvider time) : BackgroundService
{
    private volatile State _state = new(FrozenDictionary<string, PublicKey>.Empty, FrozenDictionary<string, Operator>.Empty);

    /// <summary>The public key enrolled for a station, or null.</summary>
    public PublicKey? DeviceKey(string station) => _state.Keys.GetValueOrDefault(station);

    /// <summary>Every station's enrolled public key (raw 32 bytes), for observers who check device signatures.</summary>
    public IReadOnlyDictionary<string, byte[]> DeviceKeys() =>
        _state.Keys.ToDictionary(k => k.Key, k => k.Value.Export(KeyBlobFormat.RawPublicKey));

    /// <summary>The operator with this bearer token, or null.</summary>
    public Operator? OperatorByToken(string token) =>
        _state.Operators.GetValueOrDefault(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))));

    /// <summary>Re-reads keys and operators.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        var keys = new Dictionary<string, PublicKey>();
        foreach (var key in await store.ReadDeviceKeysAsync(cancellationToken))
        {
            keys[key.Station] = PublicKey.Import(SignatureAlgorithm.Ed25519, key.PublicKey, KeyBlobFormat.RawPublicKey);
        }
        var operators = (await store.ReadOperatorsAsync(cancellationToken)).ToFrozenDictionary(o => Convert.ToHexString(o.TokenHash));
        _state = new State(keys.ToFrozenDictionary(), operators);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.AccessRefresh, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RefreshAsync(stoppingToken);
                }
                catch (StoreException)
                {
                    // keep the last known keys and operators until the store answers again
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private sealed record State(FrozenDictionary<string, PublicKey> Keys, FrozenDictionary<string, Operator> Operators);
}
