using Sanoo.Core.Protocols;

namespace Sanoo.Log;

/// <summary>A protocol version sent to the store, and who sent it.</summary>
/// <param name="Protocol">The protocol, its shape checked when read (its control relations are the log's to decide).</param>
/// <param name="Sender">Who sent it: a device, an operator, two operators (double entry), or a file for imports.</param>
/// <param name="Signature">The device's verified Ed25519 signature over the canonical bytes, if it was signed.</param>
/// <param name="DeviceKey">
/// The public key the signature was verified with: the log takes the protocol only if that is still the station's key in the
/// register when it decides (a key replaced or revoked a moment before is refused, never counted).
/// </param>
public sealed record Submission(CheckedProtocol Protocol, Sender Sender, byte[]? Signature = null, byte[]? DeviceKey = null);

/// <summary>A signed protocol whose device key was replaced or revoked in the register before the log could take it.</summary>
/// <param name="station">The station.</param>
public sealed class KeyNotCurrentException(string station)
    : Exception($"the device key that signed this protocol is no longer station {station}'s key: it was replaced or revoked");
