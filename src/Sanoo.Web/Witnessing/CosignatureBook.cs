using System.Text.Json;
using NSec.Cryptography;
using Sanoo.Contracts;
using Sanoo.Log;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Witnessing;

/// <summary>
/// What the server knows of witnesses' cosignatures: the last <see cref="HeadsKept"/> tree heads it signed (a cosignature must
/// name one), each witness's newest cosignature and the last <see cref="CosignaturesKept"/> accepted, and every alarm: two heads
/// of one tree size with different roots. All bounded. When the server keeps a tree-head file, the newest cosignatures and the
/// alarms are kept beside it (<c>FILE.cosignatures.json</c>), so that after a restart a head signed over a rewritten history
/// is held against what witnesses cosigned before: the server raises the alarm on itself. The file is not trusted: on load a
/// cosignature is kept only when its witness is enrolled in the register with the key it names and its signature verifies over
/// the head it names, so an insider cannot add a witness's name to every page by editing the file. Thread-safe.
/// </summary>
public sealed class CosignatureBook : IDisposable
{
    /// <summary>How many of its own signed heads the server remembers for witnesses to cosign.</summary>
    public const int HeadsKept = 64;

    /// <summary>How many accepted cosignatures are kept besides each witness's newest.</summary>
    public const int CosignaturesKept = 256;

    /// <summary>How many alarms are kept (the first ones: the earliest evidence matters most).</summary>
    public const int AlarmsKept = 64;

    private readonly Lock _gate = new();
    private readonly LinkedList<SignedTreeHead> _heads = new();
    private readonly Dictionary<string, WitnessCosignature> _newest = new(StringComparer.Ordinal);
    private readonly Queue<WitnessCosignature> _recent = new();
    private readonly List<CosignatureAlarm> _alarms = [];
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly string? _file;
    private readonly TimeProvider _time;
    private readonly ElectionLog _log;
    private long _version;

    /// <summary>
    /// A book kept beside <see cref="ServerOptions.TreeHeadFile"/> when there is one, in memory only otherwise; what is kept there
    /// is read by <see cref="LoadAsync"/> (<see cref="SanooServer.StartAsync"/>, before the first snapshot).
    /// </summary>
    public CosignatureBook(ServerOptions options, TimeProvider time, ElectionLog log)
    {
        _time = time;
        _log = log;
        _file = options.TreeHeadFile is { } file ? file + ".cosignatures.json" : null;
    }

    /// <summary>
    /// Reads the cosignatures and alarms kept beside the tree head, if any, believing a cosignature only when it checks against the
    /// log's register of witnesses and its election (<see cref="Genuine"/>).
    /// </summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        if (_file is null || !File.Exists(_file))
        {
            return;
        }
        Cosignatures? kept;
        try
        {
            kept = JsonSerializer.Deserialize(await File.ReadAllBytesAsync(_file, cancellationToken), WireJson.Default.Cosignatures);
        }
        catch (JsonException)
        {
            // An unreadable file is as good as none: cosignatures are evidence for observers, not state the server needs.
            return;
        }
        var witnesses = await _log.WitnessesAsync(cancellationToken);
        var genuine = (kept?.Witnesses ?? []).Where(c => Genuine(c, _log, witnesses)).ToList();
        lock (_gate)
        {
            foreach (var c in genuine)
            {
                _newest[c.Witness] = c;
            }
            _alarms.AddRange((kept?.Alarms ?? []).Take(AlarmsKept - _alarms.Count));
            Interlocked.Increment(ref _version);
        }
    }

    /// <summary>
    /// Whether a cosignature read from the file is by a witness enrolled in the register now, with the key it names, and verifies
    /// over the head it names (rebuilt from its fields and the log's election; one lacking a field cannot be rebuilt).
    /// </summary>
    private static bool Genuine(WitnessCosignature? c, ElectionLog log, IReadOnlyList<Storage.Access.Witness> witnesses)
    {
        if (c is not { Witness: { } name, PublicKey: { } key, RootHash: { } root, RegisterRoot: { } registerRoot, Signature: { } signature })
        {
            return false;
        }
        try
        {
            var raw = Convert.FromBase64String(key);
            if (!witnesses.Any(w => w.Name == name && w.PublicKey.AsSpan().SequenceEqual(raw) && !(c.RegisterSize >= w.RevokedBy))
                || !PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out var publicKey))
            {
                return false;
            }
            var head = new Core.Transparency.TreeHead(log.Election.Id.Value, log.DefinitionSha256, c.TreeSize, Convert.FromHexString(root),
                c.RegisterSize, Convert.FromHexString(registerRoot), DateTimeOffset.FromUnixTimeMilliseconds(c.Timestamp));
            return SignatureAlgorithm.Ed25519.Verify(publicKey!, head.SignedBytes(), Convert.FromBase64String(signature));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return false; // not base64 or hex, or a timestamp out of range: not a cosignature anyone could check
        }
    }

    /// <summary>Grows whenever a cosignature or an alarm is recorded: the entity tag of the listing and of the pages' footer.</summary>
    public long Version => Interlocked.Read(ref _version);

    /// <summary>
    /// Remembers a head the server signed; raises an alarm when a head it signed or a witness cosigned names the same size
    /// with another root.
    /// </summary>
    public Task SignedAsync(SignedTreeHead head, CancellationToken cancellationToken = default)
    {
        var root = Convert.ToHexStringLower(head.Head.Root);
        CosignatureAlarm? alarm = null;
        lock (_gate)
        {
            if (OtherRoot(head.Head.Size, root) is { } known)
            {
                alarm = new CosignatureAlarm(head.Head.Size, known, root, "server",
                    $"the server signed a head of {head.Head.Size} entries with root {root}, but a head of that size with root {known} was "
                        + "signed or cosigned before", _time.GetUtcNow().ToUnixTimeMilliseconds());
            }
            _heads.AddLast(head);
            while (_heads.Count > HeadsKept)
            {
                _heads.RemoveFirst();
            }
        }
        return alarm is null ? Task.CompletedTask : AlarmAsync(alarm, cancellationToken);
    }

    /// <summary>The head this server signed (among the last <see cref="HeadsKept"/>) with these size, register size, time and root.</summary>
    public SignedTreeHead? Find(long size, long registerSize, long timestamp, string rootHash)
    {
        lock (_gate)
        {
            return _heads.LastOrDefault(h => h.Head.Size == size && h.Head.RegisterSize == registerSize
                && h.Head.Timestamp.ToUnixTimeMilliseconds() == timestamp && Convert.ToHexStringLower(h.Head.Root) == rootHash);
        }
    }

    /// <summary>
    /// Another root than <paramref name="rootHash"/> that a head of <paramref name="size"/> entries was signed or cosigned with;
    /// null if none.
    /// </summary>
    public string? OtherRootAt(long size, string rootHash)
    {
        lock (_gate)
        {
            return OtherRoot(size, rootHash);
        }
    }

    private string? OtherRoot(long size, string rootHash) =>
        _heads.Where(h => h.Head.Size == size).Select(h => Convert.ToHexStringLower(h.Head.Root))
            .Concat(_newest.Values.Concat(_recent).Where(c => c.TreeSize == size).Select(c => c.RootHash))
            .FirstOrDefault(r => r != rootHash);

    /// <summary>Records a cosignature already checked against the register and a signed head.</summary>
    public Task AcceptAsync(WitnessCosignature cosignature, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_newest.TryGetValue(cosignature.Witness, out var before)
                || (before.TreeSize, before.Timestamp).CompareTo((cosignature.TreeSize, cosignature.Timestamp)) <= 0)
            {
                _newest[cosignature.Witness] = cosignature;
            }
            _recent.Enqueue(cosignature);
            while (_recent.Count > CosignaturesKept)
            {
                _recent.Dequeue();
            }
            Interlocked.Increment(ref _version);
        }
        return KeepAsync(cancellationToken);
    }

    /// <summary>Records an alarm (once for each size and pair of roots).</summary>
    public Task AlarmAsync(CosignatureAlarm alarm, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_alarms.Count >= AlarmsKept || _alarms.Any(a => a.TreeSize == alarm.TreeSize
                && new[] { a.RootHash, a.OtherRootHash }.Order().SequenceEqual(new[] { alarm.RootHash, alarm.OtherRootHash }.Order())))
            {
                return Task.CompletedTask;
            }
            _alarms.Add(alarm);
            Interlocked.Increment(ref _version);
        }
        return KeepAsync(cancellationToken);
    }

    /// <summary>How many witnesses the register revoked, as the log has read it: part of the listing's entity tag.</summary>
    public int Revoked => _log.WitnessesRevoked;

    /// <summary>
    /// Each witness's newest cosignature, newest first, and every alarm. A revoked witness's cosignature of a head before its
    /// revocation is listed with <see cref="WitnessCosignature.RevokedBy"/>; one of a head whose register covers the revocation
    /// (accepted before the server read it) is not.
    /// </summary>
    public Cosignatures List()
    {
        lock (_gate)
        {
            return new Cosignatures(
                [.. Standing(_newest.Values).OrderByDescending(c => c.ReceivedAt).ThenBy(c => c.Witness, StringComparer.Ordinal)],
                [.. _alarms]);
        }
    }

    /// <summary>
    /// The witnesses whose newest cosignature names a head of <paramref name="size"/> entries and root <paramref name="root"/>, and
    /// was not revoked before that head.
    /// </summary>
    public IReadOnlyList<WitnessCosignature> Vouching(long size, byte[] root)
    {
        var hex = Convert.ToHexStringLower(root);
        lock (_gate)
        {
            return [.. Standing(_newest.Values.Where(c => c.TreeSize == size && c.RootHash == hex)).OrderByDescending(c => c.ReceivedAt)];
        }
    }

    /// <summary>The cosignatures that stand: those of heads before their witness's revocation (marked), and every other.</summary>
    private IEnumerable<WitnessCosignature> Standing(IEnumerable<WitnessCosignature> cosignatures) =>
        cosignatures.Select(c => _log.WitnessRevokedBy(c.Witness) is { } revokedBy ? c with { RevokedBy = revokedBy } : c)
            .Where(c => !(c.RegisterSize >= c.RevokedBy));

    private async Task KeepAsync(CancellationToken cancellationToken)
    {
        if (_file is null)
        {
            return;
        }
        await _writing.WaitAsync(cancellationToken);
        try
        {
            var temporary = _file + ".tmp";
            await File.WriteAllBytesAsync(temporary, JsonSerializer.SerializeToUtf8Bytes(List(), WireJson.Default.Cosignatures), cancellationToken);
            File.Move(temporary, _file, overwrite: true);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _writing.Dispose();
}
