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
/// Who may write, as the register says: each station's device key (its newest enrolment, unless revoked) as the log holds it (raw
/// bytes by station, read as the log reads the register: at each write and as it follows the store), and the operators by token
/// hash, read from the register's new records every <see cref="ServerOptions.AccessRefresh"/> so an enrolment or a revocation made
/// while the server runs takes effect without a restart. A key replaced or revoked meanwhile is refused by the log itself, which
/// holds each signed protocol against the register when it decides; an operator revoked meanwhile, by the store and the log, which
/// record nothing more in their name.
/// </summary>
public sealed class WriterRegistry(ElectionLog log, ServerOptions options, TimeProvider time) : BackgroundService
{
    private readonly Dictionary<string, Operator> _operatorsByToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OperatorRevokedRecord> _revokedByToken = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private long _recordsSeen = -1;
    private volatile FrozenDictionary<string, Operator> _operators = FrozenDictionary<string, Operator>.Empty;
    private volatile FrozenDictionary<string, OperatorRevokedRecord> _revoked = FrozenDictionary<string, OperatorRevokedRecord>.Empty;

    /// <summary>The public key enrolled for a station now, or null.</summary>
    public EnrolledKey? DeviceKey(string station)
    {
        var raw = new byte[32];
        return log.TryGetDeviceKey(station, raw)
            ? new EnrolledKey(PublicKey.Import(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey), raw)
            : null;
    }

    /// <summary>Whether the station's last key was revoked (and none enrolled since).</summary>
    public bool Revoked(string station) => log.IsDeviceKeyRevoked(station);

    /// <summary>The operator with this bearer token, or null (none has it, or theirs was revoked).</summary>
    public Operator? OperatorByToken(string token) => _operators.GetValueOrDefault(TokenHash(token));

    /// <summary>The register record that revoked this bearer token, or null when none did.</summary>
    public OperatorRevokedRecord? RevocationOfToken(string token) => _revoked.GetValueOrDefault(TokenHash(token));

    private static string TokenHash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>
    /// Brings the log up to the store's register (enrolments and revocations made by another process), and reads the operators
    /// and their revocations: the first time those of the whole register (by their kinds, not every record: a million device keys
    /// are not read here; the log, once open, has held every record's kind column to its bytes, or to the digest of the columns a
    /// checkpoint sealed, and refuses to start on a relabelled row), then only those in the records made since the last refresh.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            await log.CatchUpAsync(cancellationToken);
            IReadOnlyList<Storage.Register.RegisterRow> rows;
            if (_recordsSeen < 0)
            {
                var seen = log.RegisterSize;
                rows = [.. (await log.RegisterOfKindAsync(OperatorRecord.Word, cancellationToken))
                    .Concat(await log.RegisterOfKindAsync(OperatorRevokedRecord.Word, cancellationToken))
                    .Where(row => row.Sequence <= seen).OrderBy(row => row.Sequence)];
                _recordsSeen = seen;
            }
            else
            {
                rows = await log.RegisterAsync(_recordsSeen, cancellationToken);
            }
            var operatorsChanged = false;
            foreach (var row in rows)
            {
                if (row.Kind is OperatorRecord.Word or OperatorRevokedRecord.Word)
                {
                    operatorsChanged = true;
                    switch (RegisterRecord.Decode(row.Record.AsSpan()))
                    {
                        case OperatorRecord op:
                            _operatorsByToken[Convert.ToHexString(op.TokenSha256.AsSpan())] = Storage.Access.OperatorRecords.Of(op);
                            break;
                        case OperatorRevokedRecord revoked:
                            var hash = Convert.ToHexString(revoked.TokenSha256.AsSpan());
                            _operatorsByToken.Remove(hash);
                            _revokedByToken[hash] = revoked;
                            break;
                    }
                }
                _recordsSeen = Math.Max(_recordsSeen, row.Sequence);
            }
            if (operatorsChanged)
            {
                _revoked = _revokedByToken.ToFrozenDictionary(StringComparer.Ordinal);
                _operators = _operatorsByToken.ToFrozenDictionary(StringComparer.Ordinal);
            }
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>
    /// Called when the store or the log refused an act because its operator was revoked a moment ago: reads the register now, so
    /// the revoked token is refused at the door from the next request on (not only once the next refresh comes round) and a
    /// precondition of another route (say, a count not yet complete) is never answered to it first. A store that does not
    /// answer leaves it to the next refresh; the act was refused either way.
    /// </summary>
    public async Task LearnRevocationAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RefreshAsync(cancellationToken);
        }
        catch (Exception e) when (e is StoreException or OperationCanceledException)
        {
            // the periodic refresh reads it once the store answers again (or the request went away meanwhile)
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
        await OffNetworkThreads.Enter();
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
