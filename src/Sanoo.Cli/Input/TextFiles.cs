using System.Diagnostics;
using System.Text;

namespace Sanoo.Cli.Input;

/// <summary>Opens text files to read, decompressing <c>.xz</c> files with Debian's <c>xz</c> as they are read.</summary>
public static class TextFiles
{
    /// <summary>Opens <paramref name="path"/>; throws <see cref="FileNotFoundException"/> or <see cref="IOException"/> with a clear
    /// message.</summary>
    public static TextReader Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} does not exist", path);
        }
        return path.EndsWith(".xz", StringComparison.Ordinal) ? new XzReader(path) : new StreamReader(path, Encoding.UTF8);
    }

    /// <summary>The decompressed text of an .xz file, from an <c>xz -dc</c> process; disposing checks that xz succeeded.</summary>
    private sealed class XzReader : TextReader
    {
        private readonly Process _process;
        private readonly string _path;

        public XzReader(string path)
        {
            _path = path;
            try
            {
                _process = Process.Start(new ProcessStartInfo("xz", ["-dc", path])
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    StandardOutputEncoding = Encoding.UTF8,
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

        public override string? ReadLine() => _process.StandardOutput.ReadLine();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
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
