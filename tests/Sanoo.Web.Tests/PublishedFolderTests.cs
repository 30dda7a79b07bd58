using System.IO.Compression;
using System.Text;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Tests;

/// <summary>
/// The folder <c>sanoo publish</c> writes: a text file gets its gzip and Brotli copies only from <see cref="PublishedFolder.MinCopyBytes"/>
/// up, and a copy never outlives the bytes it stands for (a web server sends a copy in place of the file whenever it is there).
/// </summary>
public sealed class PublishedFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sanoo-folder-").FullName;

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static byte[] Text(int length, char fill = 'a') => Encoding.ASCII.GetBytes(new string(fill, length));

    private string Full(string path) => Path.Combine(_root, path);

    private static byte[] Gunzip(string file)
    {
        using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        gzip.CopyTo(bytes);
        return bytes.ToArray();
    }

    private static byte[] Unbrotli(string file)
    {
        using var brotli = new BrotliStream(File.OpenRead(file), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        brotli.CopyTo(bytes);
        return bytes.ToArray();
    }

    [Fact]
    public async Task A_text_file_gets_its_copies_from_the_threshold_up_and_a_smaller_one_none()
    {
        var folder = new PublishedFolder(_root, compressedCopies: true);
        var large = Text(PublishedFolder.MinCopyBytes);
        Assert.True(await folder.WriteAsync("a/large.json", large));
        Assert.Equal(large, Gunzip(Full("a/large.json.gz")));
        Assert.Equal(large, Unbrotli(Full("a/large.json.br")));

        Assert.True(await folder.WriteAsync("a/small.json", Text(PublishedFolder.MinCopyBytes - 1)));
        Assert.True(File.Exists(Full("a/small.json")));
        Assert.False(File.Exists(Full("a/small.json.gz")));
        Assert.False(File.Exists(Full("a/small.json.br")));
        // Written again with the same bytes: left alone (not written for want of copies it should not have).
        Assert.False(await folder.WriteAsync("a/small.json", Text(PublishedFolder.MinCopyBytes - 1)));
        Assert.False(await folder.WriteAsync("a/large.json", large));
    }

    [Fact]
    public async Task A_file_that_shrinks_below_the_threshold_loses_its_copies_and_one_that_grows_gets_them()
    {
        var folder = new PublishedFolder(_root, compressedCopies: true);
        await folder.WriteAsync("station/data.csv", Text(4000, 'x'));
        Assert.True(File.Exists(Full("station/data.csv.gz")));
        var small = Text(100, 'y');
        Assert.True(await folder.WriteAsync("station/data.csv", small));
        Assert.Equal(small, File.ReadAllBytes(Full("station/data.csv")));
        Assert.False(File.Exists(Full("station/data.csv.gz")), "a copy of the old bytes would be served in place of the new");
        Assert.False(File.Exists(Full("station/data.csv.br")));

        // Copies of the same bytes left by an earlier version of sanoo (every text file had them) go too, without the file changing.
        File.WriteAllBytes(Full("station/data.csv.gz"), Encodings.Gzip(small));
        Assert.True(await folder.WriteAsync("station/data.csv", small));
        Assert.False(File.Exists(Full("station/data.csv.gz")));

        var grown = Text(5000, 'z');
        Assert.True(await folder.WriteAsync("station/data.csv", grown));
        Assert.Equal(grown, Gunzip(Full("station/data.csv.gz")));
        Assert.Equal(grown, Unbrotli(Full("station/data.csv.br")));
    }

    [Fact]
    public async Task A_link_has_copies_exactly_where_its_target_has_them()
    {
        var folder = new PublishedFolder(_root, compressedCopies: true);
        await folder.WriteAsync("ky/s1/data.json", Text(3000));
        Assert.True(folder.Link("ru/s1/data.json", "ky/s1/data.json"));
        Assert.Equal(Text(3000), Gunzip(Full("ru/s1/data.json.gz")));
        Assert.Equal(Text(3000), Unbrotli(Full("ru/s1/data.json.br")));
        Assert.False(folder.Link("ru/s1/data.json", "ky/s1/data.json"));

        // The target shrinks and loses its copies: the link's copies, which would point at nothing, go with them.
        await folder.WriteAsync("ky/s1/data.json", Text(10));
        Assert.True(folder.Link("ru/s1/data.json", "ky/s1/data.json"));
        Assert.Equal(Text(10), File.ReadAllBytes(Full("ru/s1/data.json")));
        foreach (var ending in PublishedFolder.CopyEndings)
        {
            Assert.Null(new FileInfo(Full("ru/s1/data.json" + ending)).LinkTarget);
            Assert.False(File.Exists(Full("ru/s1/data.json" + ending)));
        }
        Assert.False(folder.Link("ru/s1/data.json", "ky/s1/data.json"));
    }

    [Fact]
    public async Task A_file_written_whole_as_a_stream_follows_the_same_threshold()
    {
        var folder = new PublishedFolder(_root, compressedCopies: true);
        await folder.WriteStreamAsync("data/protocols.csv", s => s.WriteAsync(Text(20_000)).AsTask());
        Assert.Equal(Text(20_000), Gunzip(Full("data/protocols.csv.gz")));
        Assert.True(await folder.WriteStreamAsync("data/protocols.csv", s => s.WriteAsync(Text(50)).AsTask()));
        Assert.Equal(Text(50), File.ReadAllBytes(Full("data/protocols.csv")));
        Assert.False(File.Exists(Full("data/protocols.csv.gz")));
        Assert.False(File.Exists(Full("data/protocols.csv.br")));
    }
}
