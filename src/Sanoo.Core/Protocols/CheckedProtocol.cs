using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Sanoo.Core.Transparency;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Protocols;

/// <summary>
/// A protocol that fits its election: what <see cref="ProtocolShape"/> requires holds (known
/// station, contest and source, one non-negative figure per line and choice, a correction on
/// every later version). Only <see cref="ProtocolReader"/> makes one, so whoever holds one (the
/// log, the tally engine) never checks the shape again. Control relations are not part of it:
/// breaking them is an outcome, decided by the engine.
/// Invariants: <see cref="Canonical"/> is <see cref="ProtocolWriter.Canonical"/> of
/// <see cref="Protocol"/>, and <see cref="ContentHash"/> is its SHA-256. Both are computed on
/// first use and kept (a rebuild replays millions of stored protocols that never need them).
/// </summary>
public sealed class CheckedProtocol
{
    private readonly Election _election;
    private byte[]? _canonical;
    private byte[]? _hash;

    internal CheckedProtocol(Election election, Protocol protocol)
    {
        _election = election;
        Protocol = protocol;
    }

    /// <summary>The protocol.</summary>
    public Protocol Protocol { get; }

    /// <summary>The canonical UTF-8 JSON: what a device signs and what the log hashes.</summary>
    public ImmutableArray<byte> Canonical => ImmutableCollectionsMarshal.AsImmutableArray(CanonicalBytes());

    /// <summary>SHA-256 of <see cref="Canonical"/> (32 bytes).</summary>
    public ImmutableArray<byte> ContentHash => ImmutableCollectionsMarshal.AsImmutableArray(_hash ??= Sha256Digest.Of(CanonicalBytes()));

    // Written at most once in effect: a race computes the same bytes twice, never different ones.
    private byte[] CanonicalBytes() => _canonical ??= ProtocolWriter.Canonical(_election, Protocol);
}
