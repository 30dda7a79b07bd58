namespace Sanoo.Storage.Access;

/// <summary>A station device's enrolled Ed25519 public key.</summary>
/// <param name="Station">The station the device counts for.</param>
/// <param name="PublicKey">The 32-byte Ed25519 public key.</param>
/// <param name="EnrolledAt">When it was enrolled.</param>
/// <param name="EnrolledBy">Who enrolled it.</param>
public sealed record DeviceKey(Core.Definitions.AreaId Station, byte[] PublicKey, DateTimeOffset EnrolledAt, string EnrolledBy);
