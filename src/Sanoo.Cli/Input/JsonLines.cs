namespace Sanoo.Cli.Input;

/// <summary>One line of a JSON Lines file: where it is and its bytes (without the line break).</summary>
/// <param name="File">The file's name as given.</param>
/// <param name="Number">1-based line number.</param>
/// <param name="Bytes">The line's UTF-8 bytes.</param>
public readonly record struct JsonLine(string File, int Number, ReadOnlyMemory<byte> Bytes);

/// <summary>
/// Streams a JSON Lines file (one JSON value per line, UTF-8, '\n' or "\r\n" breaks), skipping
/// blank lines, without loading the whole file: protocol files of a national election run to
/// hundreds of megabytes.
/// </summary>
public static class JsonLines
{
    /// <summary>The non-blank lines of <paramref name="path"/>.</summary>
    public static IEnumerable<JsonLine> Read(string path, Action<long>? bytesRead = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        var filled = 0;
        var number = 0;
        long consumed = 0;
        while (true)
        {
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            var start = 0;
            while (true)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', start, filled - start);
                if (newline < 0)
                {
                    break;
                }
                number++;
                if (Line(path, number, buffer, start, newline) is { } line)
                {
                    yield return line;
                }
                start = newline + 1;
            }
            consumed += start;
            bytesRead?.Invoke(consumed);
            if (read == 0)
            {
                if (filled > start && Line(path, ++number, buffer, start, filled) is { } last)
                {
                    yield return last;
                }
                yield break;
            }
            Buffer.BlockCopy(buffer, start, buffer, 0, filled - start);
            filled -= start;
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }
    }

    private static JsonLine? Line(string path, int number, byte[] buffer, int start, int end)
    {
        var span = buffer.AsSpan(start, end - start).TrimEnd((byte)'\r');
        if (span.Trim(" \t"u8).IsEmpty)
        {
            return null;
        }
        return new JsonLine(path, number, span.ToArray());
    }
}
