namespace Sanoo.Storage.Images;

/// <summary>
/// The images beside an SQLite store: one file each in a folder next to the database (<c>DB.images/ab/cdef…</c>, named
/// by the hex SHA-256 of its bytes, the first two digits a subfolder so no folder holds more than a few thousand files).
/// The media type is read back from the bytes' magic number: the server stored only bytes that decoded as their type.
/// A file is written to a temporary name, flushed to disk and then renamed, so a crash never leaves half an image.
/// </summary>
internal sealed class ImageFolder(string root)
{
    /// <summary>The folder that holds the images.</summary>
    public string Root => root;

    /// <summary>Stores <paramref name="image"/> unless an image of its hash is there already; true when written.</summary>
    public async Task<bool> PutAsync(StoredImage image, CancellationToken cancellationToken)
    {
        var path = PathOf(image.Sha256);
        if (File.Exists(path))
        {
            return false;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.part";
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await file.WriteAsync(image.Bytes, cancellationToken);
            file.Flush(flushToDisk: true);
        }
        try
        {
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary); // another request stored the same bytes a moment before
            return false;
        }
    }

    /// <summary>The image of this hash, or null when there is none.</summary>
    public async Task<StoredImage?> ReadAsync(ReadOnlyMemory<byte> sha256, CancellationToken cancellationToken)
    {
        var path = PathOf(sha256.Span);
        if (!File.Exists(path))
        {
            return null;
        }
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return new StoredImage(sha256.ToArray(), StoredImage.Sniff(bytes) ?? "application/octet-stream", bytes);
    }

    /// <summary>Where the image of <paramref name="sha256"/> is kept.</summary>
    public string PathOf(ReadOnlySpan<byte> sha256)
    {
        var hex = Convert.ToHexStringLower(sha256);
        return Path.Combine(root, hex[..2], hex[2..]);
    }
}
