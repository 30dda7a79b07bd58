namespace Sanoo.Web.Publishing;

/// <summary>
/// A folder that <c>sanoo publish</c> writes into in place: a file whose bytes are already there is skipped, any other is written
/// beside its place and renamed over it (so a web server serving the folder never reads half a file), with its gzip and Brotli
/// copies (<c>FILE.gz</c>, <c>FILE.br</c>, for nginx's <c>gzip_static</c> and <c>brotli_static</c>) when it is text of at least
/// <see cref="MinCopyBytes"/>. Thread-safe: pages are written from every core at once.
/// </summary>
public sealed class PublishedFolder(string root, bool compressedCopies)
{
    /// <summary>The endings of the files served as text, which get compressed copies.</summary>
    public static readonly IReadOnlySet<string> TextEndings =
        new HashSet<string>([".html", ".css", ".js", ".json", ".csv", ".svg", ".xml"], StringComparer.Ordinal);

    /// <summary>The endings of the compressed copies beside a text file.</summary>
    public static readonly IReadOnlyList<string> CopyEndings = [".gz", ".br"];

    /// <summary>
    /// The smallest text file given compressed copies. Compressing a smaller one saves a reader at most some 700 bytes, half a packet,
    /// while its two copies take two more files of a whole 4 KB disk block each: a station's data.json and data.csv (1.1 KB and
    /// 0.7 KB on a 2,000-station synthetic election) would have 16 GB of copies in 4 million files at a million stations. A web
    /// server sends such a file as it is (or compresses it on the fly where configured to). Higher than the live server's
    /// <see cref="ReadyAnswer.MinimumBytes"/>, whose compressed forms are kept in memory at their own size, not in whole disk blocks.
    /// </summary>
    public const int MinCopyBytes = 1400;

    private const string TempEnding = ".sanoo-tmp";
    private const int StreamBuffer = 1 << 16;
    private long _written;
    private long _skipped;
    private long _bytes;
    private long _temp;

    /// <summary>The folder, in full.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Whether text files get their compressed copies.</summary>
    public bool CompressedCopies => compressedCopies;

    /// <summary>Files written (their bytes changed or were missing), compressed copies not counted.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>Files whose bytes were already there.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    /// <summary>Bytes written, compressed copies included.</summary>
    public long BytesWritten => Interlocked.Read(ref _bytes);

    /// <summary>Whether a path under the folder is served as text.</summary>
    public static bool IsText(string path) => TextEndings.Contains(Path.GetExtension(path));

    /// <summary>Whether <paramref name="path"/> may have compressed copies here: a text file in a folder that keeps them.</summary>
    private bool MayCopy(string path) => compressedCopies && IsText(path);

    /// <summary>The full name of <paramref name="path"/> (a site address such as <c>/en/index.html</c>) under the folder.</summary>
    public string FullName(string path) => Path.Combine(Root, path.TrimStart('/'));

    /// <summary>
    /// Writes <paramref name="data"/> at <paramref name="path"/> unless the same bytes are there, with the compressed copies of a text
    /// file; true when written.
    /// </summary>
    public Task<bool> WriteAsync(string path, byte[] data, CancellationToken cancellationToken = default) =>
        WriteCoreAsync(path, data, copies: true, cancellationToken);

    /// <summary>Writes a file as <see cref="WriteAsync(string, byte[], CancellationToken)"/> does, without compressed copies.</summary>
    public Task<bool> WriteWithoutCopiesAsync(string path, byte[] data, CancellationToken cancellationToken = default) =>
        WriteCoreAsync(path, data, copies: false, cancellationToken);

    // The files of a page are small and written from every core at once: read and written synchronously, which costs about a third
    // less CPU a file than the asynchronous calls (each a hop through the thread pool) on a refresh's thousands of files.
    private Task<bool> WriteCoreAsync(string path, byte[] data, bool copies, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var full = FullName(path);
        var eligible = copies && MayCopy(path);
        copies = eligible && data.Length >= MinCopyBytes;
        var same = Same(full, data);
        if (same && CopiesAsWanted(full, eligible, copies))
        {
            Interlocked.Increment(ref _skipped);
            return Task.FromResult(false);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        if (copies)
        {
            // The copies first: a server that prefers them never serves a copy older than the file it stands for for long.
            Replace(full + ".gz", Encodings.Gzip(data));
            Replace(full + ".br", Encodings.Brotli(data));
        }
        else if (eligible)
        {
            DeleteCopies(full); // the copies of a larger version, which a web server would otherwise go on sending
        }
        if (!same)
        {
            Replace(full, data);
        }
        Interlocked.Increment(ref _written);
        return Task.FromResult(true);
    }

    /// <summary>
    /// Makes <paramref name="path"/> (with its compressed copies) a relative symbolic link to <paramref name="target"/>, a file of the
    /// folder with the same bytes, unless it is one already: the same bytes are then stored once, and served at both addresses by any
    /// web server that follows links (nginx does by default); true when made.
    /// </summary>
    public bool Link(string path, string target)
    {
        var full = FullName(path);
        var to = Path.GetRelativePath(Path.GetDirectoryName(full)!, FullName(target));
        var eligible = MayCopy(path);
        // The target's copies, which it has when it is large enough (MinCopyBytes); those of this path which the target lacks go.
        var endings = eligible ? CopyEndings.Where(e => File.Exists(FullName(target) + e)).Prepend("").ToList() : [""];
        var unwanted = eligible ? CopyEndings.Except(endings).ToList() : [];
        if (endings.All(e => new FileInfo(full + e).LinkTarget == to + e) && !unwanted.Any(e => Present(full + e)))
        {
            Interlocked.Increment(ref _skipped);
            return false;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        foreach (var ending in unwanted)
        {
            File.Delete(full + ending);
        }
        foreach (var ending in endings)
        {
            var temp = TempBeside(full + ending);
            File.CreateSymbolicLink(temp, to + ending);
            File.Move(temp, full + ending, overwrite: true);
        }
        Interlocked.Increment(ref _written);
        return true;
    }

    /// <summary>
    /// Writes a file too large to hold whole (every protocol in CSV, the ERR report) through <paramref name="write"/> into a file beside
    /// its place, then treats it as <see cref="WriteAsync"/> treats bytes: left alone when the same bytes are there, else renamed over
    /// its place after its compressed copies, which are made from it as streams on two threads. Memory stays that of a buffer, whatever
    /// the file's size (at a million stations, gigabytes).
    /// </summary>
    public async Task<bool> WriteStreamAsync(string path, Func<Stream, Task> write, CancellationToken cancellationToken = default)
    {
        var full = FullName(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = TempBeside(full);
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, StreamBuffer, useAsync: false))
            {
                await write(file);
            }
            var eligible = MayCopy(path);
            var copies = eligible && new FileInfo(temp).Length >= MinCopyBytes;
            var same = await SameFileAsync(full, temp, cancellationToken);
            if (same && CopiesAsWanted(full, eligible, copies))
            {
                Interlocked.Increment(ref _skipped);
                return false;
            }
            if (copies)
            {
                await Task.WhenAll(
                    Task.Run(() => ReplaceFromAsync(full + ".gz", temp, Encodings.GzipAsync, cancellationToken), cancellationToken),
                    Task.Run(() => ReplaceFromAsync(full + ".br", temp, Encodings.BrotliAsync, cancellationToken), cancellationToken));
            }
            else if (eligible)
            {
                DeleteCopies(full);
            }
            if (!same)
            {
                Interlocked.Add(ref _bytes, new FileInfo(temp).Length);
                File.Move(temp, full, overwrite: true);
            }
            Interlocked.Increment(ref _written);
            return true;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Removes a file an earlier publish wrote, with its compressed copies, and the folders it leaves empty.</summary>
    public void Remove(string path)
    {
        var full = FullName(path);
        foreach (var file in CopyEndings.Select(e => full + e).Append(full))
        {
            File.Delete(file);
        }
        for (var folder = Path.GetDirectoryName(full); folder is not null && folder.Length > Root.Length; folder = Path.GetDirectoryName(folder))
        {
            if (!Directory.Exists(folder) || Directory.EnumerateFileSystemEntries(folder).Any())
            {
                break;
            }
            Directory.Delete(folder);
        }
    }

    /// <summary>Removes the compressed copies of a file (when they are no longer wanted).</summary>
    public void RemoveCopies(string path) => DeleteCopies(FullName(path));

    private static void DeleteCopies(string full)
    {
        foreach (var ending in CopyEndings)
        {
            File.Delete(full + ending);
        }
    }

    /// <summary>
    /// Whether the copies beside <paramref name="full"/> are as they should be: both there when it gets them, none when it could
    /// (text, copies asked for) but is too small.
    /// </summary>
    private static bool CopiesAsWanted(string full, bool eligible, bool copies) =>
        copies ? CopyEndings.All(e => File.Exists(full + e)) : !eligible || !CopyEndings.Any(e => File.Exists(full + e));

    /// <summary>Whether a file or a link (even one whose target is gone) is at <paramref name="full"/>.</summary>
    private static bool Present(string full) => File.Exists(full) || new FileInfo(full).LinkTarget is not null;

    private static bool Same(string full, byte[] data)
    {
        var info = new FileInfo(full);
        return info.Exists && info.Length == data.Length && File.ReadAllBytes(full).AsSpan().SequenceEqual(data);
    }

    /// <summary>Whether the file <paramref name="full"/> holds the same bytes as <paramref name="made"/>, compared a buffer at a time.</summary>
    private static async Task<bool> SameFileAsync(string full, string made, CancellationToken cancellationToken)
    {
        var info = new FileInfo(full);
        if (!info.Exists || info.Length != new FileInfo(made).Length)
        {
            return false;
        }
        await using var there = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: false);
        await using var here = new FileStream(made, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: false);
        var a = new byte[StreamBuffer];
        var b = new byte[StreamBuffer];
        while (true)
        {
            var read = await there.ReadAtLeastAsync(a, a.Length, throwOnEndOfStream: false, cancellationToken);
            if (read != await here.ReadAtLeastAsync(b, b.Length, throwOnEndOfStream: false, cancellationToken)
                || !a.AsSpan(0, read).SequenceEqual(b.AsSpan(0, read)))
            {
                return false;
            }
            if (read == 0)
            {
                return true;
            }
        }
    }

    /// <summary>Writes beside the file, then renames over it: a reader sees the old bytes or the new, never half of either.</summary>
    private void Replace(string full, byte[] data)
    {
        var temp = TempBeside(full);
        File.WriteAllBytes(temp, data);
        File.Move(temp, full, overwrite: true);
        Interlocked.Add(ref _bytes, data.Length);
    }

    /// <summary>Writes the compressed copy <paramref name="full"/> of the file <paramref name="source"/> beside its place, then renames.</summary>
    private async Task ReplaceFromAsync(
        string full, string source, Func<Stream, Stream, CancellationToken, Task> compress, CancellationToken cancellationToken)
    {
        var temp = TempBeside(full);
        try
        {
            await using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, StreamBuffer, useAsync: false))
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, StreamBuffer, useAsync: false))
            {
                await compress(input, output, cancellationToken);
                Interlocked.Add(ref _bytes, output.Length);
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private string TempBeside(string full) => $"{full}.{Environment.ProcessId}-{Interlocked.Increment(ref _temp)}{TempEnding}";
}
