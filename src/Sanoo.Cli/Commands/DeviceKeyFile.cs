namespace Sanoo.Cli.Commands;

/// <summary>A device's key file: its station and key pair, base64.</summary>
/// <param name="Station">The station.</param>
/// <param name="PrivateKey">The raw Ed25519 private key.</param>
/// <param name="PublicKey">The raw public key.</param>
public sealed record DeviceKeyFile(string Station, string PrivateKey, string PublicKey);
