using System.Text;
using Sanoo.Cli.Commands.Verify;

namespace Sanoo.Cli.Tests;

/// <summary>
/// The verifier holds a published CSV to its own as it writes it (<see cref="SameBytesWriter"/>): the same bytes are the same, and
/// a changed byte, a missing or extra end, or text that does not encode are not, however the text arrives in pieces.
/// </summary>
public sealed class SameBytesWriterTests
{
    // Long enough to cross the writer's buffer of 4,096 characters, with two-byte, three-byte and four-byte (surrogate pair)
    // characters on both sides of it.
    private static readonly string Text = string.Concat(Enumerable.Range(0, 900).Select(i => $"{i},Ош😀€\r\n"));

    private static bool Same(string written, byte[] published, int piece)
    {
        using var writer = new SameBytesWriter(published);
        for (var i = 0; i < written.Length; i += piece)
        {
            if (piece == 1)
            {
                writer.Write(written[i]);
            }
            else
            {
                writer.Write(written.AsSpan(i, Math.Min(piece, written.Length - i)));
            }
        }
        return writer.Same;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4095)]
    [InlineData(100_000)]
    public void The_same_text_is_the_same_bytes_and_any_change_is_not(int piece)
    {
        var bytes = Encoding.UTF8.GetBytes(Text);
        Assert.True(Same(Text, bytes, piece));
        Assert.True(Same("", [], piece));

        var changed = (byte[])bytes.Clone();
        changed[^3] ^= 1;
        Assert.False(Same(Text, changed, piece));
        var middle = (byte[])bytes.Clone();
        middle[bytes.Length / 2] = (byte)'x';
        Assert.False(Same(Text, middle, piece));
        Assert.False(Same(Text, bytes[..^1], piece)); // published shorter
        Assert.False(Same(Text[..^1], bytes, piece)); // published longer
        Assert.False(Same(Text + "\ud800", [.. bytes, 0xEF, 0xBF, 0xBD], piece)); // a lone surrogate is not its replacement
    }
}
