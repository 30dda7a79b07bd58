using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;
using Sanoo.Contracts;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;

namespace Sanoo.Cli.Output;

/// <summary>
/// The station devices of a generated sample: one Ed25519 key per station, derived from the sample's seed and the
/// station's id so that the same seed gives the same keys, signatures and files on every machine (Ed25519 signatures
/// are deterministic). Keys anyone can derive from a published seed: for samples, rehearsals and benchmarks only,
/// never for a real device (<c>sanoo keys new</c>).
/// </summary>
public sealed class SampleDevices(ulong seed) : IDisposable
{
    private readonly Dictionary<AreaId, Key> _keys = [];
    private readonly List<AreaId> _order = [];

    /// <summary>The stations whose device has signed something, in the order they first signed.</summary>
    public IReadOnlyList<AreaId> Stations => _order;

    /// <summary>
    /// Writes <paramref name="protocols"/> to <paramref name="path"/> as JSON Lines: a protocol of a signed source as its station
    /// device's signed submission (<see cref="DeviceSigning.Line"/>), any other as its canonical bytes.
    /// </summary>
    public void WriteProtocols(string path, Election election, IEnumerable<Protocol> protocols)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        foreach (var protocol in protocols)
        {
            var canonical = ProtocolWriter.Canonical(election, protocol);
            var signed = election.Sources[election.SourceIndex(protocol.Source)].Signed;
            file.Write(signed ? DeviceSigning.Line(Key(protocol.Station), canonical) : canonical);
            file.WriteByte((byte)'\n');
        }
    }

    /// <summary>
    /// Writes the public key of every device that signed to <paramref name="path"/>, one <see cref="DeviceKey"/> a line
    /// (<c>{"station": "…", "publicKey": "…"}</c>), the file <c>sanoo keys enrol --keys</c> reads.
    /// </summary>
    public void WriteKeys(string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        foreach (var station in _order)
        {
            var publicKey = _keys[station].PublicKey.Export(KeyBlobFormat.RawPublicKey);
            var enrolment = new DeviceKey(station.Value, Convert.ToBase64String(publicKey));
            file.Write(DeviceSigning.KeyLine(enrolment));
            file.WriteByte((byte)'\n');
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
        _keys.Clear();
        _order.Clear();
    }

    private Key Key(AreaId station)
    {
        if (!_keys.TryGetValue(station, out var key))
        {
            var privateKey = SHA256.HashData(Encoding.UTF8.GetBytes($"sanoo sample device key\n{seed}\n{station.Value}"));
            key = NSec.Cryptography.Key.Import(SignatureAlgorithm.Ed25519, privateKey, KeyBlobFormat.RawPrivateKey);
            _keys[station] = key;
            _order.Add(station);
        }
        return key;
    }
}
