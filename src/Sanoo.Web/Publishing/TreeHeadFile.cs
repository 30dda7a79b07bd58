using System.Text.Json;
using Sanoo.Contracts;
using Sanoo.Web.PublicApi;

namespace Sanoo.Web.Publishing;

/// <summary>
/// The last tree head this server signed, kept in a file outside the database (beside an SQLite
/// store by default) and written before the head is published. At start the server holds the
/// store against it (<see cref="Log.ElectionLog.CheckStoreAsync"/>): whoever changes the database
/// while the server is down must also find and rewrite this file, and every observer who saved a
/// head sees the rewrite anyway. The file is the wire's tree head JSON (docs/api.md).
/// </summary>
public static class TreeHeadFile
{
    /// <summary>
    /// Writes <paramref name="signed"/> to <paramref name="path"/> whole (a new file, readable by its owner only on Unix,
    /// flushed to disk, then renamed over the old one).
    /// </summary>
    public static async Task WriteAsync(string path, SignedTreeHead signed, byte[] publicKey, CancellationToken cancellationToken = default)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(TransparencyJson.Of(signed, publicKey), WireJson.Default.TreeHead);
        await WriteWholeAsync(path, bytes, cancellationToken);
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> whole: a new file (0600 on Unix), flushed, renamed over the old.</summary>
    internal static async Task WriteWholeAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var temporary = path + ".new";
        File.Delete(temporary); // one left by a crash keeps its mode: the new one is made 0600
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.WriteThrough,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        await using (var file = new FileStream(temporary, options))
        {
            await file.WriteAsync(bytes, cancellationToken);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>
    /// The head kept in <paramref name="path"/>, or null when there is no file yet; throws
    /// <see cref="Storage.StoreException"/> when the file is not a tree head signed by the key it names.
    /// </summary>
    public static async Task<Core.Transparency.TreeHead?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            var wire = JsonSerializer.Deserialize(await File.ReadAllBytesAsync(path, cancellationToken), WireJson.Default.TreeHead)
                ?? throw new JsonException("null");
            var signed = TransparencyJson.Head(wire);
            return CommissionKey.Verify(signed, Convert.FromBase64String(wire.PublicKey))
                ? signed.Head
                : throw new Storage.StoreException($"{path} holds a tree head whose signature does not verify: it was edited; refusing to serve");
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException)
        {
            throw new Storage.StoreException($"{path} is not a tree head this server wrote ({e.Message}); refusing to serve", e);
        }
    }
}
