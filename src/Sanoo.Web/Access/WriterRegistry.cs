using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using NSec.Cryptography;
using Sanoo.Log;
using Sanoo.Storage;
using Sanoo.Storage.Access;

namespace Sanoo.Web.Access;

/// <summary>
/// Who may write: each station's enrolled device key (its newest enrolment) and the operators
/// by token hash, re-read from the store every <see cref="ServerOptions.AccessRefresh"/> so an
/// enrolment made while the server runs takes effect without a restart.
/// </summary>
public sealed class WriterRegistry(ElectionLog log, ServerOptions options, TimeProvider time) : BackgroundService
{
    private readonly ConcurrentDictionary<string, PublicKey> _keys = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private long _enrolmentsSeen;
    private volatile FrozenDictionary<string, Operator> _operators = FrozenDictionary<string, Operator>.Empty;

    /// <summary>The public key enrolled for a station, or null.</summary>
    public PublicKey? DeviceKey(string station) => _keys.GetValueOrDefault(station);

    /// <summary>The operator with this bearer token, or null.</summary>
    public Operator? OperatorByToken(string token) =>
        _operators.GetValueOrDefault(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))));

    /// <summary>
    /// Reads the enrolments made since the last refresh (only those: a million stations are not
    /// re-read every few seconds) and all operators.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            var enrolments = await log.DeviceKeysAsync(_enrolmentsSeen, cancellationToken);
            foreach (var key in enrolments)
            {
                _keys[key.Station.Value] = PublicKey.Import(SignatureAlgorithm.Ed25519, key.PublicKey, KeyBlobFormat.RawPublicKey);
            }
            _enrolmentsSeen += enrolments.Count;
            _operators = (await log.OperatorsAsync(cancellationToken)).ToFrozenDictionary(o => Convert.ToHexString(o.TokenHash));
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _refreshing.Dispose();
        base.Dispose();
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
}
