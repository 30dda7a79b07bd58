using System.Diagnostics;
using System.IO.Compression;
using System.Text;

namespace Sanoo.Cli.Input;

/// <summary>
/// The one place that opens text files to read: plain files, <c>.xz</c> (decompressed by Debian's <c>xz</c> as they are read),
/// <c>.gz</c> and <c>.zip</c> (its single entry, or the entry named), in UTF-8 or another named encoding.
/// </summary>
public static class TextFiles
{
    /// <summary>Encodings a mapping may name, besides any other name .NET knows (code pages included).</summary>
    public static readonly IReadOnlyList<string> CommonEncodings = ["utf-8", "windows-1251", "windows-1250", "windows-1252", "iso-8859-5"];

    static TextFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding called <paramref name="name"/> (<c>utf-8</c>, <c>windows-1251</c>, …), or null if none has that name.</summary>
    public static Encoding? EncodingNamed(string name)
    {
        try
        {
            return name.Equals("utf-8", StringComparison.OrdinalIgnoreCase) ? new UTF8Encoding(false, true) : Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Opens <paramref name="path"/> in UTF-8; throws <see cref="FileNotFoundException"/> or <see cref="IOException"/> with a clear
    /// message.</summary>
    public static TextReader Open(string path) => Open(path, Encoding.UTF8, null);

    /// <summary>Opens <paramref name="path"/> as text in <paramref name="encoding"/>, decompressing <c>.xz</c>, <c>.gz</c> and <c>.zip</c>;
    /// from a zip, the entry named <paramref name="zipEntry"/>, or its only entry.</summary>
    public static TextReader Open(string path, Encoding encoding, string? zipEntry)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} does not exist", path);
        }
        if (path.EndsWith(".xz", StringComparison.OrdinalIgnoreCase))
        {
            return new XzReader(path, encoding);
        }
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            return new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress), encoding);
        }
        return path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? OpenZip(path, encoding, zipEntry) : new StreamReader(path, encoding);
    }

    private static StreamReader OpenZip(string path, Encoding encoding, string? entryName)
    {
        ZipArchive zip;
        try
        {
            zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new IOException($"{path} is not a zip file: {e.Message}", e);
        }
        var files = zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
        var entry = entryName is null
            ? files.Count == 1 ? files[0] : null
            : files.FirstOrDefault(e => e.FullName == entryName || e.Name == entryName);
        if (entry is null)
        {
            zip.Dispose();
            var names = string.Join(", ", files.Select(e => e.FullName));
            throw new IOException(entryName is null
                ? $"{path} holds {files.Count} files ({names}): say which one to read"
                : $"{path} holds no file named {entryName} (it holds: {names})");
        }
        return new ZipEntryReader(zip, entry.Open(), encoding);
    }

    /// <summary>The text of one zip entry; disposing closes the archive too.</summary>
    private sealed class ZipEntryReader(ZipArchive zip, Stream entry, Encoding encoding) : StreamReader(entry, encoding)
    {
        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                zip.Dispose();
            }
        }
    }

    /// <summary>The decompressed text of an .xz file, from an <c>xz -dc</c> process; disposing checks that xz succeeded.</summary>
    private sealed class XzReader : TextReader
    {
        private readonly Process _process;
        private readonly string _path;
        private bool _disposed;

        public XzReader(string path, Encoding encoding)
        {
            _path = path;
            try
            {
                _process = Process.Start(new ProcessStartInfo("xz", ["-dc", path])
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    StandardOutputEncoding = encoding,
                })!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new IOException($"cannot decompress {path}: the 'xz' program is missing (Debian: apt-get install xz-utils)", e);
            }
        }

        public override int Peek() => _process.StandardOutput.Peek();

        public override int Read() => _process.StandardOutput.Read();

        public override int Read(char[] buffer, int index, int count) => _process.StandardOutput.Read(buffer, index, count);

        public override int Read(Span<char> buffer) => _process.StandardOutput.Read(buffer);

        public override string? ReadLine() => _process.StandardOutput.ReadLine();

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_disposed)
            {
                _disposed = true;
                _process.StandardOutput.Dispose();
                _process.WaitForExit();
                var code = _process.ExitCode;
                var error = _process.StandardError.ReadToEnd();
                _process.Dispose();
                if (code != 0 && code != 141 && !error.Contains("Broken pipe", StringComparison.Ordinal))
                {
                    throw new IOException($"cannot decompress {_path}: xz exited with {code}: {error.Trim()}");
                }
            }
            base.Dispose(disposing);
        }
    }
}
