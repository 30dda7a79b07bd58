using Sanoo.Core.Transparency;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Tests;

/// <summary>The last signed tree head, kept beside the store, is the server's own file.</summary>
public sealed class TreeHeadFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-head-").FullName;

    [Fact]
    public async Task The_kept_tree_head_is_readable_by_its_owner_only_and_reads_back()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only
        }
        var path = Path.Combine(_folder, "store.db.tree-head.json");
        File.WriteAllText(path + ".new", "left by a crash");
        File.SetUnixFileMode(path + ".new", (UnixFileMode)0b110_100_100);
        using var key = CommissionKey.Ephemeral();
        var head = new TreeHead(
            "kg-2021", new byte[32], 5, new byte[32], 2, new byte[32], DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        await TreeHeadFile.WriteAsync(path, key.Sign(head), key.PublicKey);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(5, (await TreeHeadFile.ReadAsync(path))!.Size);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
