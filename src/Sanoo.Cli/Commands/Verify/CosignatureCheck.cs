using NSec.Cryptography;
using Sanoo.Contracts;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Holds <c>/api/v1/cosignatures</c> to the register and the signed tree head: every witness listed must be enrolled in the
/// register under that name with that key, not revoked by a record the head it names covers, and its signature must verify over
/// the head it names (the election and definition of
/// the current head; sizes, roots and time from the listing). A server, or an insider editing its files, could otherwise name an
/// observer mission that never vouched for anything. Every alarm the server lists is a problem too.
/// </summary>
internal static class CosignatureCheck
{
    /// <returns>
    /// The witnesses whose cosignatures verified, which the pages may name (<see cref="VouchedWitnesses"/>); null when the listing names
    /// a head newer than the one verified (checked again on the newer snapshot).
    /// </returns>
    public static async Task<VouchedWitnesses?> CheckAsync(
        VerifyCommand.IPublished origin, TreeHead head, RegisterReplay register, List<string> problems, CancellationToken cancellationToken)
    {
        if (await ListingAsync(origin, head, register, cancellationToken) is not { } listing)
        {
            return null;
        }
        Check(listing, head, register.Witnesses, problems, register.RevokedWitnesses);
        // A page made after the listing was read may name a witness who cosigned since: the listing is read once more for it.
        return new VouchedWitnesses(Standing(listing, head, register), async token =>
            await ListingAsync(origin, head, register, token) is { } later ? Standing(later, head, register) : null);
    }

    /// <summary>The listing of cosignatures; null when it names a head newer than <paramref name="head"/>.</summary>
    private static async Task<Cosignatures?> ListingAsync(
        VerifyCommand.IPublished origin, TreeHead head, RegisterReplay register, CancellationToken cancellationToken)
    {
        var listing = await origin.JsonAsync("/api/v1/cosignatures", WireJson.Default.Cosignatures, cancellationToken);
        if (listing.Witnesses.Any(c => c.TreeSize > head.TreeSize || c.RegisterSize > head.RegisterSize))
        {
            return null;
        }
        // A witness enrolled after the head verified may already have cosigned it: check again once the register replayed holds it.
        if (listing.Witnesses.Any(c => !register.Witnesses.ContainsKey(c.Witness))
            && (await origin.JsonAsync("/api/v1/tree-head", WireJson.Default.TreeHead, cancellationToken)).RegisterSize != head.RegisterSize)
        {
            return null;
        }
        return listing;
    }

    /// <summary>The cosignatures of <paramref name="listing"/> that verify and were not revoked before the head they name.</summary>
    private static List<WitnessCosignature> Standing(Cosignatures listing, TreeHead head, RegisterReplay register) =>
        [.. listing.Witnesses.Where(c => (RevokedBefore(c, register.RevokedWitnesses) ?? Why(c, head, register.Witnesses)) is null)];

    /// <summary>
    /// Adds a FORGED COSIGNATURE problem for each listed cosignature that does not verify, or is by a witness the register revoked
    /// (<paramref name="revoked"/>, by name: the record that did) before the head it names (a head whose register size covers the
    /// revocation), and each listed alarm.
    /// </summary>
    public static void Check(
        Cosignatures listing,
        TreeHead head,
        IReadOnlyDictionary<string, string> enrolled,
        List<string> problems,
        IReadOnlyDictionary<string, long>? revoked = null)
    {
        foreach (var c in listing.Witnesses)
        {
            if ((RevokedBefore(c, revoked) ?? Why(c, head, enrolled)) is { } why)
            {
                problems.Add($"FORGED COSIGNATURE: /api/v1/cosignatures lists {c.Witness} as cosigning the head of {c.TreeSize} entries "
                    + $"(root {c.RootHash}), but {why}");
            }
        }
        foreach (var alarm in listing.Alarms)
        {
            problems.Add($"ALARM published by the server: {alarm.Detail} (tree size {alarm.TreeSize}, roots {alarm.RootHash} and "
                + $"{alarm.OtherRootHash}, presented by {alarm.PresentedBy})");
        }
    }

    private static string? RevokedBefore(WitnessCosignature c, IReadOnlyDictionary<string, long>? revoked) =>
        c.Witness is { } name && revoked is not null && revoked.TryGetValue(name, out var by) && c.RegisterSize >= by
            ? $"the register revoked that witness in record {by}, before that head (whose register holds {c.RegisterSize} records)"
            : null;

    private static string? Why(WitnessCosignature c, TreeHead head, IReadOnlyDictionary<string, string> enrolled)
    {
        if (c is not { Witness: { }, PublicKey: { }, RootHash: { }, RegisterRoot: { }, Signature: { } })
        {
            return "it lacks a field needed to rebuild the head it names";
        }
        if (!enrolled.TryGetValue(c.Witness, out var key))
        {
            return "the register enrols no witness of that name";
        }
        if (key != c.PublicKey)
        {
            return $"the register enrols that witness with key {key}, not {c.PublicKey}";
        }
        try
        {
            var signed = new Core.Transparency.TreeHead(head.Election, Convert.FromHexString(head.DefinitionSha256), c.TreeSize,
                Convert.FromHexString(c.RootHash), c.RegisterSize, Convert.FromHexString(c.RegisterRoot),
                DateTimeOffset.FromUnixTimeMilliseconds(c.Timestamp));
            var publicKey = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromBase64String(key), KeyBlobFormat.RawPublicKey);
            return SignatureAlgorithm.Ed25519.Verify(publicKey, signed.SignedBytes(), Convert.FromBase64String(c.Signature))
                ? null
                : "the signature does not verify with the enrolled key over that head";
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return "its fields cannot be read as a head and a signature";
        }
    }
}
