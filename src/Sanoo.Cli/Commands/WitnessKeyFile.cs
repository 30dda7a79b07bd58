namespace Sanoo.Cli.Commands;

/// <summary>A witness's key file (<c>sanoo witness keygen</c>): its name, when given, and its Ed25519 key pair, base64.</summary>
/// <param name="Witness">The name the witness is enrolled under, or null when it was not given.</param>
/// <param name="PrivateKey">The raw Ed25519 private key.</param>
/// <param name="PublicKey">The raw public key: what the commission enrols.</param>
public sealed record WitnessKeyFile(string? Witness, string PrivateKey, string PublicKey);
