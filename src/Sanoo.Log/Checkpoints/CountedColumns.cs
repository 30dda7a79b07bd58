using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Sanoo.Storage.Log;

namespace Sanoo.Log.Checkpoints;

/// <summary>
/// The digest of what the log's rows say beyond their Merkle leaves and that the tally reads: each entry's position, figures,
/// correction and broken relations, in log order. The leaves bind everything else (slot, version, outcome, sender, content
/// hash, time), so a checkpoint whose state names this digest holds the counted columns of every entry it covers.
/// </summary>
internal static class CountedColumns
{
    /// <summary>Adds one entry: its position, figure count and figures (little-endian), then each text, its UTF-8 length first (−1: none).</summary>
    public static void Append(IncrementalHash digest, LogEntry entry)
    {
        Span<byte> head = stackalloc byte[12];
        BinaryPrimitives.WriteInt64LittleEndian(head, entry.Sequence);
        BinaryPrimitives.WriteInt32LittleEndian(head[8..], entry.Figures.Length);
        digest.AppendData(head);
        Span<byte> figure = stackalloc byte[4];
        foreach (var value in entry.Figures)
        {
            BinaryPrimitives.WriteInt32LittleEndian(figure, value);
            digest.AppendData(figure);
        }
        Text(digest, entry.CorrectionReason);
        Text(digest, entry.CorrectionAuthor);
        Text(digest, entry.Violations);
    }

    private static void Text(IncrementalHash digest, string? text)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, text is null ? -1 : Encoding.UTF8.GetByteCount(text));
        digest.AppendData(length);
        if (text is not null)
        {
            digest.AppendData(Encoding.UTF8.GetBytes(text));
        }
    }
}
