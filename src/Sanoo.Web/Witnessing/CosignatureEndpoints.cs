using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NSec.Cryptography;
using Sanoo.Core.Json;
using Sanoo.Log;
using Sanoo.Web.Ingest;
using Sanoo.Web.PublicApi;

namespace Sanoo.Web.Witnessing;

/// <summary>
/// Independent witnesses (an observer mission, a party, a newsroom) enrolled in the register verify each tree head with
/// <c>sanoo witness</c> and cosign it: <c>POST /api/v1/cosignatures</c> accepts a cosignature by an enrolled witness (not revoked
/// by a record the head's register covers), over a head this server signed, that verifies with the witness's key;
/// <c>GET /api/v1/cosignatures</c> lists each witness's newest and every alarm (two roots for one tree size). No token: the
/// witness's signature is its authentication.
/// </summary>
public static class CosignatureEndpoints
{
    /// <summary>Maps both.</summary>
    public static void MapCosignatures(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1").RequireRateLimiting(SanooServer.WritePolicy).MapPost("/cosignatures", CosignAsync)
            .WithSummary("An enrolled witness's Ed25519 cosignature of a tree head this server signed (no token: the signature authenticates)")
            .Produces<Contracts.WitnessCosignature>()
            .ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        app.MapRead("/api/v1/cosignatures", (HttpContext context, CosignatureBook book) =>
                SnapshotResponse.NotModified(context, $"W/\"c{book.Version}.{book.Revoked}\"") ?? TypedResults.Ok(book.List()))
            .WithSummary("Each witness's newest cosigned tree head, and every alarm: two heads of one tree size with different roots")
            .Produces<Contracts.Cosignatures>();
    }

    private static async Task<IResult> CosignAsync(
        HttpRequest request, ElectionLog log, CosignatureBook book, ServerOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var (document, problem) = await IngestEndpoints.ReadBodyAsync(request, options, cancellationToken);
        if (document is null)
        {
            return problem!;
        }
        Claim? claim;
        var problems = new List<JsonProblem>();
        using (document)
        {
            claim = Claim.Read(document.RootElement, problems);
        }
        if (claim is null || problems.Count > 0)
        {
            return Problems.BadRequest("The cosignature cannot be read; nothing was recorded.",
                problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        }
        var witness = (await log.WitnessesAsync(cancellationToken)).FirstOrDefault(w => w.Name == claim.Witness);
        if (witness is null)
        {
            return Problems.Status(403, "Not an enrolled witness",
                $"'{claim.Witness}' is not a witness of the register; the commission enrols witnesses with sanoo witnesses enrol.");
        }
        if (new[] { witness.RevokedBy, log.WitnessRevokedBy(witness.Name) }.Min() is { } revokedBy && claim.RegisterSize >= revokedBy)
        {
            return Problems.Status(403, "The witness was revoked",
                $"witness {witness.Name} was revoked by register record {revokedBy}: it cosigns no head whose register covers that record.");
        }
        var key = PublicKey.Import(SignatureAlgorithm.Ed25519, witness.PublicKey, KeyBlobFormat.RawPublicKey);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        if (book.Find(claim.TreeSize, claim.RegisterSize, claim.Timestamp, claim.RootHash) is not { } signed)
        {
            if (book.OtherRootAt(claim.TreeSize, claim.RootHash) is { } known && claim.RegisterRoot is { } registerRoot)
            {
                var other = new Core.Transparency.TreeHead(log.Election.Id.Value, log.DefinitionSha256, claim.TreeSize,
                    Convert.FromHexString(claim.RootHash), claim.RegisterSize, registerRoot,
                    DateTimeOffset.FromUnixTimeMilliseconds(claim.Timestamp));
                if (SignatureAlgorithm.Ed25519.Verify(key, other.SignedBytes(), claim.Signature))
                {
                    var detail = $"witness {witness.Name} was shown a head of {claim.TreeSize} entries with root {claim.RootHash}; "
                        + $"a head of that size with root {known} was signed or cosigned here";
                    await book.AlarmAsync(new Contracts.CosignatureAlarm(claim.TreeSize, known, claim.RootHash, witness.Name, detail, now),
                        cancellationToken);
                    return Problems.Status(409, "Two roots for one tree size", $"ALARM recorded: {detail}.");
                }
            }
            return Problems.Status(404, "Not a head this server signed",
                $"no head of {claim.TreeSize} entries, {claim.RegisterSize} register records, time {claim.Timestamp} and root "
                    + $"{claim.RootHash} is among the last {CosignatureBook.HeadsKept} this server signed; cosign the current /api/v1/tree-head.");
        }
        if (!SignatureAlgorithm.Ed25519.Verify(key, signed.Head.SignedBytes(), claim.Signature))
        {
            return Problems.Status(403, "The signature does not verify",
                $"the signature is not witness {witness.Name}'s Ed25519 signature over the signed bytes of that head (docs/api.md).");
        }
        var accepted = new Contracts.WitnessCosignature(witness.Name, Convert.ToBase64String(witness.PublicKey), claim.TreeSize,
            claim.RegisterSize, claim.RootHash, Convert.ToHexStringLower(signed.Head.RegisterRoot), claim.Timestamp,
            Convert.ToBase64String(claim.Signature), now);
        await book.AcceptAsync(accepted, cancellationToken);
        return TypedResults.Ok(accepted);
    }

    /// <summary>What a cosignature claims, read strictly: the root 32 bytes of hex, the signature 64 bytes of base64.</summary>
    private sealed record Claim(
        string Witness, long TreeSize, long RegisterSize, long Timestamp, string RootHash, byte[] Signature, byte[]? RegisterRoot)
    {
        public static Claim? Read(System.Text.Json.JsonElement body, List<JsonProblem> problems)
        {
            var fields = JsonFields.Of(body.Clone(), "$", problems,
                "witness", "treeSize", "registerSize", "timestamp", "rootHash", "signature", "registerRoot");
            if (fields is null)
            {
                return null;
            }
            var claim = new Claim(
                fields.String("witness"),
                fields.Integer("treeSize", 0, long.MaxValue),
                fields.Integer("registerSize", 0, long.MaxValue),
                fields.Integer("timestamp", 0, DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()),
                fields.String("rootHash").ToLowerInvariant(),
                Bytes(fields, "signature", 64, base64: true) ?? [],
                fields.Has("registerRoot") ? Bytes(fields, "registerRoot", 32, base64: false) : null);
            if (claim.RootHash.Length != 64 || !claim.RootHash.All(Uri.IsHexDigit))
            {
                fields.Problem("rootHash", "must be the head's 32-byte root in hex");
            }
            return claim;
        }

        private static byte[]? Bytes(JsonFields fields, string name, int length, bool base64)
        {
            var text = fields.String(name);
            try
            {
                var bytes = base64 ? Convert.FromBase64String(text) : Convert.FromHexString(text);
                if (bytes.Length == length)
                {
                    return bytes;
                }
            }
            catch (FormatException)
            {
            }
            fields.Problem(name, $"must be {length} bytes in {(base64 ? "base64" : "hex")}");
            return null;
        }
    }
}
