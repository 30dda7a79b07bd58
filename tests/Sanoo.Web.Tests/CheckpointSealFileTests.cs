using System.Text.Json.Nodes;
using Sanoo.Core.Transparency;
using Sanoo.Log.Checkpoints;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Tests;

/// <summary>
/// The signed statement of the last checkpoint, kept beside the tree head: believed only when signed, unchanged, by this server's
/// key or the kept tree head's; anything else is refused with the reason (and the server replays the whole log).
/// </summary>
public sealed class CheckpointSealFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-seal-").FullName;

    private string HeadFile => Path.Combine(_folder, "store.db.tree-head.json");

    private static CheckpointStatement Statement => new("kg-2021", new byte[32], 1_000_000, Enumerable.Repeat((byte)7, 32).ToArray(), new byte[32]);

    [Fact]
    public async Task A_statement_reads_back_beside_the_tree_head_and_a_later_run_believes_it_through_the_kept_head()
    {
        using var first = CommissionKey.Ephemeral();
        var seal = await CheckpointSealFile.OpenAsync(HeadFile, first, default);
        Assert.Equal((null, null), await seal.ReadAsync(default)); // none kept yet: no refusal either
        await seal.KeepAsync(Statement, default);
        Assert.True(File.Exists(Path.Combine(_folder, "store.db.checkpoint.json")));
        Assert.Equal(1_000_000, (await seal.ReadAsync(default)).Statement?.Position);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(CheckpointSealFile.PathBeside(HeadFile)));
        }

        using var next = CommissionKey.Ephemeral(); // a run without --signing-key makes its own key
        var stranger = await CheckpointSealFile.OpenAsync(HeadFile, next, default);
        Assert.Contains("neither this server's commission key nor the kept tree head's", (await stranger.ReadAsync(default)).Refusal,
            StringComparison.Ordinal);
        await KeepHeadAsync(first);
        var afterHead = await CheckpointSealFile.OpenAsync(HeadFile, next, default);
        Assert.Equal(1_000_000, (await afterHead.ReadAsync(default)).Statement?.Position);
    }

    [Theory]
    [InlineData("signature", "does not verify")]
    [InlineData("position", "does not verify")]
    [InlineData("stateSha256", "does not verify")]
    [InlineData("format", "not a checkpoint statement this Sanoo reads")]
    public async Task A_statement_edited_or_without_its_signature_is_refused(string field, string why)
    {
        using var key = CommissionKey.Ephemeral();
        var seal = await CheckpointSealFile.OpenAsync(HeadFile, key, default);
        await seal.KeepAsync(Statement, default);
        var path = CheckpointSealFile.PathBeside(HeadFile);
        var json = JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
        json[field] = field switch
        {
            "signature" => "",
            "position" => 999_999,
            "stateSha256" => Convert.ToHexStringLower(Enumerable.Repeat((byte)1, 32).ToArray()),
            _ => "sanoo-checkpoint/0",
        };
        await File.WriteAllTextAsync(path, json.ToJsonString());
        var (statement, refusal) = await seal.ReadAsync(default);
        Assert.Null(statement);
        Assert.Contains(why, refusal, StringComparison.Ordinal);
    }

    private async Task KeepHeadAsync(CommissionKey key)
    {
        var head = new TreeHead(
            "kg-2021", new byte[32], 1_000_000, new byte[32], 1, new byte[32], DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        await TreeHeadFile.WriteAsync(HeadFile, key.Sign(head), key.PublicKey);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
