using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Sanoo.Storage.Log;

namespace Sanoo.Log.Checkpoints;

/// <summary>
/// The digest of what the log's rows say beyond their Merkle leaves and that the tally reads: each entry's position, figures,
/// correction and broken relations, in log order. The leaves bind everything else (slot, version, outcome, sender, content
/// hash, time), so a checkpoint whose state names this digest holds the counted columns of every entry it covers.
/// Entries are gathered in a buffer and hashed 64 KB at a time: a million small hash calls would cost more than the hashing.
/// Not thread-safe: used under the log's engine lock.
/// </summary>
internal sealed class CountedColumns
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _used;

    /// <summary>
    /// Adds one entry: its position, figure count and figures (little-endian), then each text, its UTF-8 length first (−1: none).
    /// </summary>
    public void Append(LogEntry entry)
    {
        var most = 12 + (4 * entry.Figures.Length) + Most(entry.CorrectionReason) + Most(entry.CorrectionAuthor) + Most(entry.Violations);
        if (_used + most > _buffer.Length)
        {
            Flush();
        }
        var span = most > _buffer.Length ? new byte[most] : _buffer.AsSpan(_used);
        var at = 0;
        BinaryPrimitives.WriteInt64LittleEndian(span, entry.Sequence);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], entry.Figures.Length);
        at += 12;
        foreach (var value in entry.Figures)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], value);
            at += 4;
        }
        at += Text(span[at..], entry.CorrectionReason);
        at += Text(span[at..], entry.CorrectionAuthor);
        at += Text(span[at..], entry.Violations);
        if (most > _buffer.Length)
        {
            _hash.AppendData(span[..at]);
        }
        else
        {
            _used += at;
        }
    }

    /// <summary>The digest of every entry added so far (adding may go on).</summary>
    public byte[] Current()
    {
        Flush();
        return _hash.GetCurrentHash();
    }

    private void Flush()
    {
        _hash.AppendData(_buffer, 0, _used);
        _used = 0;
    }

    private static int Most(string? text) => 4 + (text is null ? 0 : Encoding.UTF8.GetMaxByteCount(text.Length));

    private static int Text(Span<byte> span, string? text)
    {
        var length = text is null ? -1 : Encoding.UTF8.GetBytes(text, span[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(span, length);
        return 4 + Math.Max(length, 0);
    }
}
