using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Sanoo.Log.Checkpoints;

/// <summary>
/// The digest of the register's index columns: each record's kind and station as its row files them, in record order. The server
/// reads records by these columns (the operators and their revocations, the witnesses, the acts, a station's keys), and a
/// record's bytes say what it is only when decoded; a record applied from the store is held to its columns
/// (<see cref="RegisterState.Apply"/>), one a checkpoint covers is not decoded again, so the checkpoint carries this digest and a
/// restart computes it again from the rows it reads for their leaves: a row relabelled under the checkpoint (an
/// <c>operator-revoked</c> filed as something else to hide it, or another record filed as an operator's) refuses the checkpoint,
/// and the whole register is read, which names the row.
/// Each record adds its kind and its station (UTF-8, each after its length as 4 bytes little-endian; −1 for no station); every
/// <see cref="RecordsPerLink"/> records the bytes so far are hashed into a chain link (SHA-256 of the last link and the records
/// after it), so the digest is the same however the records came, one at a time or by the thousand.
/// Not thread-safe.
/// </summary>
internal sealed class RegisterColumns
{
    /// <summary>Records hashed into one link of the chain.</summary>
    public const int RecordsPerLink = 4096;

    private readonly ArrayBufferWriter<byte> _link = new(RecordsPerLink * 32);
    private int _pending;

    public RegisterColumns() => _link.Write(new byte[SHA256.HashSizeInBytes]);

    /// <summary>Records added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds the next record's columns.</summary>
    public void Add(string kind, string? station)
    {
        Write(kind);
        Write(station);
        Count++;
        if (++_pending == RecordsPerLink)
        {
            var link = Digest();
            _link.ResetWrittenCount();
            _link.Write(link);
            _pending = 0;
        }
    }

    /// <summary>The digest of the columns of every record added so far (32 bytes).</summary>
    public byte[] Digest() => SHA256.HashData(_link.WrittenSpan);

    private void Write(string? text)
    {
        if (text is null)
        {
            BinaryPrimitives.WriteInt32LittleEndian(_link.GetSpan(4), -1);
            _link.Advance(4);
            return;
        }
        var length = Encoding.UTF8.GetByteCount(text);
        var span = _link.GetSpan(4 + length);
        BinaryPrimitives.WriteInt32LittleEndian(span, length);
        Encoding.UTF8.GetBytes(text, span[4..]);
        _link.Advance(4 + length);
    }
}
