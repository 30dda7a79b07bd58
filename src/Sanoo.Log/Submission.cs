using Sanoo.Core.Protocols;

namespace Sanoo.Log;

/// <summary>A protocol version sent to the store, and who sent it.</summary>
/// <param name="Protocol">The protocol, its shape checked when read (its control relations are the log's to decide).</param>
/// <param name="Sender">Who sent it: a device, an operator, two operators (double entry), or a file for imports.</param>
/// <param name="Signature">The device's verified Ed25519 signature over the canonical bytes, if it was signed.</param>
public sealed record Submission(CheckedProtocol Protocol, Sender Sender, byte[]? Signature = null);
