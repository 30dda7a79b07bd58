namespace Sanoo.Web.Publishing;

/// <summary>A tree head and the commission's Ed25519 signature over its <see cref="Core.Transparency.TreeHead.SignedBytes"/>.</summary>
/// <param name="Head">The tree head.</param>
/// <param name="Signature">The signature.</param>
public sealed record SignedTreeHead(Core.Transparency.TreeHead Head, byte[] Signature);
