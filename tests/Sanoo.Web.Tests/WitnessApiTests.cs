using System.Net;
using System.Net.Http.Json;
using NSec.Cryptography;
using Sanoo.Contracts;
using Sanoo.Web.PublicApi;

namespace Sanoo.Web.Tests;

/// <summary>
/// <c>POST /api/v1/cosignatures</c> accepts only an enrolled witness's valid signature over a head this server signed, and
/// <c>GET /api/v1/cosignatures</c> lists it; two roots for one tree size are an alarm for all to see.
/// </summary>
public sealed class WitnessApiTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private const string Path = "/api/v1/cosignatures";

    /// <summary>Enrols a witness named <paramref name="name"/> with a new key, returned.</summary>
    internal static async Task<Key> EnrolAsync(ServerFixture server, string name)
    {
        var key = Key.Create(SignatureAlgorithm.Ed25519);
        await server.Log.EnrolWitnessAsync(
            new Storage.Access.Witness(name, key.PublicKey.Export(KeyBlobFormat.RawPublicKey), DateTimeOffset.UtcNow, "cec"));
        return key;
    }

    internal static async Task<TreeHead> HeadAsync(ServerFixture server) =>
        (await server.Client.GetFromJsonAsync("/api/v1/tree-head", WireJson.Default.TreeHead))!;

    /// <summary><paramref name="witness"/>'s cosignature of <paramref name="head"/>, signed with <paramref name="key"/>.</summary>
    internal static CosignatureRequest Cosign(TreeHead head, string witness, Key key) => new(
        witness, head.TreeSize, head.RegisterSize, head.Timestamp, head.RootHash,
        Convert.ToBase64String(SignatureAlgorithm.Ed25519.Sign(key, TransparencyJson.Head(head).Head.SignedBytes())));

    private async Task<Cosignatures> ListAsync() => (await server.Client.GetFromJsonAsync(Path, WireJson.Default.Cosignatures))!;

    private static async Task<string> StatusAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {text}");
        return text;
    }

    [Fact]
    public async Task A_cosignature_by_an_enrolled_witness_is_accepted_and_listed()
    {
        using var key = await EnrolAsync(server, "Observer Mission");
        var head = await HeadAsync(server);
        var cosignature = Cosign(head, "Observer Mission", key);
        var text = await StatusAsync(await server.SubmitAsync(cosignature, path: Path), HttpStatusCode.OK);
        Assert.Contains("\"witness\":\"Observer Mission\"", text, StringComparison.Ordinal);

        var listed = Assert.Single((await ListAsync()).Witnesses, w => w.Witness == "Observer Mission");
        Assert.Equal((head.TreeSize, head.RegisterSize, head.RootHash, head.RegisterRoot, head.Timestamp, cosignature.Signature),
            (listed.TreeSize, listed.RegisterSize, listed.RootHash, listed.RegisterRoot, listed.Timestamp, listed.Signature));
        // Anyone can check it: the head's signed bytes rebuilt from the listing and the tree head verify with the listed key.
        var rebuilt = TransparencyJson.Head(head with { Timestamp = listed.Timestamp, RegisterRoot = listed.RegisterRoot });
        Assert.True(SignatureAlgorithm.Ed25519.Verify(
            PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromBase64String(listed.PublicKey), KeyBlobFormat.RawPublicKey),
            rebuilt.Head.SignedBytes(), Convert.FromBase64String(listed.Signature)));

        var first = await server.Client.GetAsync(Path);
        var etag = first.Headers.ETag!.ToString();
        using var again = new HttpRequestMessage(HttpMethod.Get, Path);
        again.Headers.TryAddWithoutValidation("If-None-Match", etag);
        Assert.Equal(HttpStatusCode.NotModified, (await server.Client.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_witness_a_head_never_signed_a_bad_signature_or_an_unreadable_body_is_refused_and_nothing_is_listed()
    {
        using var key = await EnrolAsync(server, "Newsroom");
        using var stranger = Key.Create(SignatureAlgorithm.Ed25519);
        var head = await HeadAsync(server);

        var unknown = await StatusAsync(await server.SubmitAsync(Cosign(head, "Nobody", stranger), path: Path), HttpStatusCode.Forbidden);
        Assert.Contains("not a witness of the register", unknown, StringComparison.Ordinal);

        var never = head with { TreeSize = head.TreeSize + 1000 };
        var unsigned = await StatusAsync(await server.SubmitAsync(Cosign(never, "Newsroom", key), path: Path), HttpStatusCode.NotFound);
        Assert.Contains("Not a head this server signed", unsigned, StringComparison.Ordinal);

        var forged = await StatusAsync(await server.SubmitAsync(Cosign(head, "Newsroom", stranger), path: Path), HttpStatusCode.Forbidden);
        Assert.Contains("does not verify", forged, StringComparison.Ordinal);

        var bad = Cosign(head, "Newsroom", key) with { RootHash = "zz", Signature = "not base64" };
        var unreadable = await StatusAsync(await server.SubmitAsync(bad, path: Path), HttpStatusCode.BadRequest);
        Assert.Contains("$.rootHash", unreadable, StringComparison.Ordinal);
        Assert.Contains("$.signature", unreadable, StringComparison.Ordinal);

        using var notJson = new StringContent("{\"witness\":", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await server.Client.PostAsync(Path, notJson)).StatusCode);
        Assert.DoesNotContain((await ListAsync()).Witnesses, w => w.Witness is "Newsroom" or "Nobody");
    }

    [Fact]
    public async Task A_head_of_a_signed_size_with_another_root_is_an_alarm_that_the_listing_shows()
    {
        using var key = await EnrolAsync(server, "Party Observers");
        var head = await HeadAsync(server);
        var forked = head with { RootHash = new string('a', 64) };
        var claim = Cosign(forked, "Party Observers", key) with { RegisterRoot = head.RegisterRoot };

        var text = await StatusAsync(await server.SubmitAsync(claim, path: Path), HttpStatusCode.Conflict);
        Assert.Contains("ALARM", text, StringComparison.Ordinal);
        var alarm = Assert.Single((await ListAsync()).Alarms, a => a.TreeSize == head.TreeSize);
        Assert.Equal((head.RootHash, forked.RootHash, "Party Observers"), (alarm.RootHash, alarm.OtherRootHash, alarm.PresentedBy));

        // Without the register root the other head cannot be checked, so nobody can raise a false alarm.
        var unchecked_ = Cosign(head with { RootHash = new string('b', 64) }, "Party Observers", key);
        await StatusAsync(await server.SubmitAsync(unchecked_, path: Path), HttpStatusCode.NotFound);
        Assert.Single((await ListAsync()).Alarms);
    }

    [Fact]
    public async Task A_revoked_witness_cosigns_no_head_signed_after_its_revocation_and_its_earlier_cosignature_stays_listed_marked()
    {
        using var key = await EnrolAsync(server, "Withdrawn Mission");
        var before = await HeadAsync(server);
        await StatusAsync(await server.SubmitAsync(Cosign(before, "Withdrawn Mission", key), path: Path), HttpStatusCode.OK);
        var etag = (await server.Client.GetAsync(Path)).Headers.ETag!.ToString();

        var revoked = await server.Log.RevokeWitnessAsync("Withdrawn Mission", "the mission's key leaked", "chair");
        var after = await HeadAsync(server);
        for (var waited = 0; after.RegisterSize < revoked.Sequence; waited++)
        {
            Assert.True(waited < 250, "no head was signed over the revocation");
            await Task.Delay(20);
            after = await HeadAsync(server);
        }
        var refused = await StatusAsync(await server.SubmitAsync(Cosign(after, "Withdrawn Mission", key), path: Path), HttpStatusCode.Forbidden);
        Assert.Contains($"revoked by register record {revoked.Sequence}", refused, StringComparison.Ordinal);

        var listed = Assert.Single((await ListAsync()).Witnesses, w => w.Witness == "Withdrawn Mission");
        Assert.Equal((before.TreeSize, before.RegisterSize, (long?)revoked.Sequence), (listed.TreeSize, listed.RegisterSize, listed.RevokedBy));
        Assert.DoesNotContain((await ListAsync()).Witnesses, w => w.Witness == "Withdrawn Mission" && w.RegisterSize >= revoked.Sequence);
        using var again = new HttpRequestMessage(HttpMethod.Get, Path);
        again.Headers.TryAddWithoutValidation("If-None-Match", etag);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.SendAsync(again)).StatusCode); // the listing changed: it is marked now
    }
}
