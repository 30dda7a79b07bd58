using System.Text.Json;
using NSec.Cryptography;
using Sanoo.Contracts;
using Sanoo.Web.Witnessing;

namespace Sanoo.Web.Tests;

/// <summary>
/// The cosignatures kept beside the tree-head file are not trusted on load: an insider who edits the file cannot make the pages
/// name a witness that never cosigned, or one the register does not hold.
/// </summary>
public sealed class WitnessFileTests(ServerFixture server) : IClassFixture<ServerFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-cosignatures-").FullName;

    private static WitnessCosignature Kept(TreeHead head, string witness, Key key, byte[]? signature = null) => new(
        witness, Convert.ToBase64String(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)), head.TreeSize, head.RegisterSize,
        head.RootHash, head.RegisterRoot, head.Timestamp,
        Convert.ToBase64String(signature ?? SignatureAlgorithm.Ed25519.Sign(key, PublicApi.TransparencyJson.Head(head).Head.SignedBytes())), 1);

    [Fact]
    public async Task Only_cosignatures_that_verify_with_an_enrolled_witness_key_are_kept_from_the_file()
    {
        using var genuine = await WitnessApiTests.EnrolAsync(server, "Election Watch");
        using var carter = await WitnessApiTests.EnrolAsync(server, "Carter Center");
        using var stranger = Key.Create(SignatureAlgorithm.Ed25519);
        var head = await WitnessApiTests.HeadAsync(server);
        var entries = new[]
        {
            Kept(head, "Election Watch", genuine),
            Kept(head, "Carter Center", carter, new byte[64]), // a zero signature
            Kept(head, "Carter Center", stranger) with { Witness = "Carter Center" }, // signed, but not with the enrolled key
            Kept(head, "Never Enrolled", stranger), // a valid signature by a witness the register does not hold
            Kept(head, "Election Watch", genuine) with { TreeSize = head.TreeSize + 1 }, // a head the signature is not over
        };
        var headFile = Path.Combine(_folder, "store.db.tree-head.json");
        var json = JsonSerializer.Serialize(new Cosignatures([entries[1], entries[2], entries[3], entries[4], entries[0]], []),
            WireJson.Default.Cosignatures);
        // One lacking its register root cannot be rebuilt into a head, whatever else it says.
        var lacking = JsonSerializer.Serialize(new Cosignatures([entries[0]], []), WireJson.Default.Cosignatures)
            .Replace($"\"registerRoot\":\"{head.RegisterRoot}\",", "", StringComparison.Ordinal);
        await File.WriteAllTextAsync(headFile + ".cosignatures.json", json);

        using var book = new CosignatureBook(new ServerOptions { TreeHeadFile = headFile }, TimeProvider.System, server.Log);
        await book.LoadAsync();
        var listed = Assert.Single(book.List().Witnesses);
        Assert.Equal(("Election Watch", head.TreeSize), (listed.Witness, listed.TreeSize));
        Assert.DoesNotContain(book.Vouching(head.TreeSize, Convert.FromHexString(head.RootHash)), c => c.Witness == "Carter Center");

        await File.WriteAllTextAsync(headFile + ".cosignatures.json", lacking);
        using var partial = new CosignatureBook(new ServerOptions { TreeHeadFile = headFile }, TimeProvider.System, server.Log);
        await partial.LoadAsync();
        Assert.Empty(partial.List().Witnesses);
    }

    [Fact]
    public async Task A_starting_server_reads_the_alarms_kept_beside_its_tree_head()
    {
        var headFile = Path.Combine(_folder, "restarted.db.tree-head.json");
        var alarm = new CosignatureAlarm(7, new string('a', 64), new string('b', 64), "Election Watch", "two roots for 7 entries", 1);
        await File.WriteAllTextAsync(headFile + ".cosignatures.json",
            JsonSerializer.Serialize(new Cosignatures([], [alarm]), WireJson.Default.Cosignatures));
        var restarted = new ServerFixture { TreeHeadFile = headFile };
        await restarted.InitializeAsync();
        try
        {
            var listed = JsonSerializer.Deserialize(
                await restarted.Client.GetByteArrayAsync("/api/v1/cosignatures"), WireJson.Default.Cosignatures)!;
            Assert.Equal(alarm, Assert.Single(listed.Alarms));
        }
        finally
        {
            await restarted.DisposeAsync();
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
