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
/// never for a real device (<c>sanoo keys new</c>). Only the public keys are kept: each private key is derived again for each
/// protocol it signs and freed at once, since NSec holds every key in guarded memory of its own and a million of them at once
/// would exhaust the process's memory mappings.
/// </summary>
public sealed class SampleDevices(ulong seed)
{
    private readonly Dictionary<AreaId, byte[]> _publicKeys = [];
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
            if (signed)
            {
                using var key = Key(protocol.Station);
                file.Write(DeviceSigning.Line(key, canonical));
            }
            else
            {
                file.Write(canonical);
            }
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
            var enrolment = new DeviceKey(station.Value, Convert.ToBase64String(_publicKeys[station]));
            file.Write(DeviceSigning.KeyLine(enrolment));
            file.WriteByte((byte)'\n');
        }
    }

    /// <summary>The station's device key, derived from the seed (the caller frees it); notes its public key the first time.</summary>
    private Key Key(AreaId station)
    {
        var privateKey = SHA256.HashData(Encoding.UTF8.GetBytes($"sanoo sample device key\n{seed}\n{station.Value}"));
        var key = NSec.Cryptography.Key.Import(SignatureAlgorithm.Ed25519, privateKey, KeyBlobFormat.RawPrivateKey);
        if (_publicKeys.TryAdd(station, key.PublicKey.Export(KeyBlobFormat.RawPublicKey)))
        {
            _order.Add(station);
        }
        return key;
    }
}
