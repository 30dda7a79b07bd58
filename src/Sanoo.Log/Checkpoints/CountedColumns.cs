using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Sanoo.Storage.Log;

namespace Sanoo.Log.Checkpoints;

/// <summary>
/// The digest of every column of the log's rows but their protocol bytes, in log order: each entry's position, figures,
/// correction and broken relations (what the tally reads beyond the Merkle leaves), then what its leaf binds (station, contest,
/// source, version, outcome, sender, content hash, signature, time). A checkpoint whose state names this digest holds every
/// column of the entries it covers, so a restart holds the rows to the leaf hashes the checkpoint keeps (<see cref="CheckpointLeaves"/>)
/// without hashing each row's leaf again. Entries are gathered in a buffer and hashed 64 KB at a time: a million small hash calls
/// would cost more than the hashing. Not thread-safe: used under the log's engine lock.
/// </summary>
internal sealed class CountedColumns
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _used;

    /// <summary>
    /// Adds one entry: its position, figure count and figures (little-endian), then each text, its UTF-8 length first (−1: none),
    /// then the leaf's columns: station, contest and source as texts, version, outcome (one byte), sender as a text, content
    /// hash and signature (each its length first) and time (Unix milliseconds).
    /// </summary>
    public void Append(LogEntry entry)
    {
        var most = 12 + (4 * entry.Figures.Length) + Most(entry.CorrectionReason) + Most(entry.CorrectionAuthor) + Most(entry.Violations)
            + Most(entry.Station.Value) + Most(entry.Contest.Value) + Most(entry.Source.Value) + 5 + Most(entry.Sender)
            + 4 + Length(entry.ContentHash) + 4 + Length(entry.Signature) + 8;
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
        at += Text(span[at..], entry.Station.Value);
        at += Text(span[at..], entry.Contest.Value);
        at += Text(span[at..], entry.Source.Value);
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], entry.Version);
        span[at + 4] = (byte)entry.Outcome;
        at += 5;
        at += Text(span[at..], entry.Sender);
        at += Blob(span[at..], entry.ContentHash);
        at += Blob(span[at..], entry.Signature);
        BinaryPrimitives.WriteInt64LittleEndian(span[at..], entry.ReceivedAt.ToUnixTimeMilliseconds());
        at += 8;
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

    private static int Length(ImmutableArray<byte> bytes) => bytes.IsDefault ? 0 : bytes.Length;

    private static int Blob(Span<byte> span, ImmutableArray<byte> bytes)
    {
        BinaryPrimitives.WriteInt32LittleEndian(span, Length(bytes));
        bytes.AsSpan().CopyTo(span[4..]);
        return 4 + Length(bytes);
    }

    private static int Most(string? text) => 4 + (text is null ? 0 : Encoding.UTF8.GetMaxByteCount(text.Length));

    private static int Text(Span<byte> span, string? text)
    {
        var length = text is null ? -1 : Encoding.UTF8.GetBytes(text, span[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(span, length);
        return 4 + Math.Max(length, 0);
    }
}
