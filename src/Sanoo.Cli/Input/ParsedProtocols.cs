using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;

namespace Sanoo.Cli.Input;

/// <summary>One line of a protocol file, read.</summary>
/// <param name="File">The file's name.</param>
/// <param name="Line">The line.</param>
/// <param name="Result">The protocol, or why the line is unreadable.</param>
/// <param name="Signature">
/// The device's Ed25519 signature the line carries (its signed form, <see cref="ProtocolLine"/>), not yet verified; else null.
/// </param>
public readonly record struct ParsedLine(string File, JsonLine Line, ProtocolReadResult Result, byte[]? Signature = null)
{
    /// <summary>The account of an unreadable line.</summary>
    public NotCounted Unreadable(ProtocolReadResult.Invalid invalid) =>
        new(File, Line.Number, null, "unreadable", [], [.. invalid.Problems.Select(p => p.ToString())]);
}

/// <summary>
/// Reads protocol files (JSON Lines, each line a protocol or a device's signed submission) in order, in batches whose lines are parsed on every core;
/// the batches come back in file order, so whoever applies them keeps the files' order.
/// </summary>
public static class ParsedProtocols
{
    /// <summary>Lines parsed together.</summary>
    public const int BatchSize = 2048;

    /// <summary>The files' lines, parsed, batch by batch; <paramref name="progress"/> gets the bytes read so far.</summary>
    public static IEnumerable<ParsedLine[]> Read(Election election, IReadOnlyList<FileInfo> files, Action<long>? progress = null)
    {
        long before = 0;
        foreach (var file in files)
        {
            var done = before;
            foreach (var batch in JsonLines.Read(file.FullName, read => progress?.Invoke(done + read)).Chunk(BatchSize))
            {
                var parsed = new ParsedLine[batch.Length];
                Parallel.For(0, batch.Length, i =>
                {
                    var (result, signature) = ProtocolLine.Read(election, batch[i].Bytes);
                    parsed[i] = new ParsedLine(file.Name, batch[i], result, signature);
                });
                yield return parsed;
            }
            before += file.Length;
        }
    }
}
