using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using NSec.Cryptography;
using Sanoo.Core.Register;
using Sanoo.Log;
using Sanoo.Storage;
using Sanoo.Storage.Access;

namespace Sanoo.Web.Access;

/// <summary>
/// Who may write, as the register says: each station's device key (its newest enrolment, unless
/// revoked) and the operators by token hash, read from the register's new records every
/// <see cref="ServerOptions.AccessRefresh"/> so an enrolment made while the server runs takes
/// effect without a restart. A key replaced or revoked meanwhile is refused by the log itself,
/// which holds each signed protocol against the register when it decides.
/// </summary>
public sealed class WriterRegistry(ElectionLog log, ServerOptions options, TimeProvider time) : BackgroundService
{
    private readonly ConcurrentDictionary<string, EnrolledKey> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _revoked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Operator> _operatorsByToken = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private long _recordsSeen;
    private volatile FrozenDictionary<string, Operator> _operators = FrozenDictionary<string, Operator>.Empty;

    /// <summary>The public key enrolled for a station now, or null.</summary>
    public EnrolledKey? DeviceKey(string station) => _keys.GetValueOrDefault(station);

    /// <summary>Whether the station's last key was revoked (and none enrolled since).</summary>
    public bool Revoked(string station) => _revoked.ContainsKey(station);

    /// <summary>The operator with this bearer token, or null.</summary>
    public Operator? OperatorByToken(string token) =>
        _operators.GetValueOrDefault(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))));

    /// <summary>
    /// Reads the register records made since the last refresh (only those: a million stations are
    /// not re-read every few seconds) and applies enrolments, revocations and operators.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            var rows = await log.RegisterAsync(_recordsSeen, cancellationToken);
            var operatorsAdded = false;
            foreach (var row in rows)
            {
                switch (row.Kind)
                {
                    case DeviceKeyRecord.Word:
                        var key = (DeviceKeyRecord)RegisterRecord.Decode(row.Record.AsSpan());
                        _revoked.TryRemove(key.StationId, out _);
                        _keys[key.StationId] = new EnrolledKey(
                            PublicKey.Import(SignatureAlgorithm.Ed25519, key.PublicKey.AsSpan(), KeyBlobFormat.RawPublicKey), [.. key.PublicKey]);
                        break;
                    case DeviceKeyRevokedRecord.Word:
                        var revoked = (DeviceKeyRevokedRecord)RegisterRecord.Decode(row.Record.AsSpan());
                        if (_keys.TryGetValue(revoked.StationId, out var current) && current.Raw.AsSpan().SequenceEqual(revoked.PublicKey.AsSpan()))
                        {
                            _keys.TryRemove(revoked.StationId, out _);
                            _revoked[revoked.StationId] = true;
                        }
                        break;
                    case OperatorRecord.Word:
                        var op = (OperatorRecord)RegisterRecord.Decode(row.Record.AsSpan());
                        _operatorsByToken[Convert.ToHexString(op.TokenSha256.AsSpan())] = Storage.Access.OperatorRecords.Of(op);
                        operatorsAdded = true;
                        break;
                }
                _recordsSeen = row.Sequence;
            }
            if (operatorsAdded)
            {
                _operators = _operatorsByToken.ToFrozenDictionary(StringComparer.Ordinal);
            }
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

/// <summary>A station's enrolled device key: ready to verify with, and its raw bytes (what the log holds it against).</summary>
/// <param name="Key">The key, imported.</param>
/// <param name="Raw">Its 32 bytes.</param>
public sealed record EnrolledKey(PublicKey Key, byte[] Raw);
