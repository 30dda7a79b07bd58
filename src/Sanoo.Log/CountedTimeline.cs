using System.Collections;
using Sanoo.Core.Progress;

namespace Sanoo.Log;

/// <summary>
/// Every protocol version the tally counted, in log order, with its received time: what <see cref="NightProgress"/> reads. Append-only,
/// one writer (under the log's engine lock) and any number of readers without a lock: items live in chunks that are never moved, and
/// an item is visible only once it is fully written (the count is published after it).
/// </summary>
public sealed class CountedTimeline : IReadOnlyList<CountedVersion>
{
    private const int ChunkBits = 12;
    private const int ChunkSize = 1 << ChunkBits;
    private CountedVersion[][] _chunks = [];
    private int _count;

    /// <inheritdoc />
    public int Count => Volatile.Read(ref _count);

    /// <inheritdoc />
    public CountedVersion this[int index] => (uint)index < (uint)Count
        ? Volatile.Read(ref _chunks)[index >> ChunkBits][index & (ChunkSize - 1)]
        : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Adds the next counted version (one writer only).</summary>
    public void Add(CountedVersion version)
    {
        var index = _count;
        var chunk = index >> ChunkBits;
        if (chunk == _chunks.Length)
        {
            var grown = new CountedVersion[chunk + 1][];
            Array.Copy(_chunks, grown, chunk);
            grown[chunk] = new CountedVersion[ChunkSize];
            Volatile.Write(ref _chunks, grown);
        }
        _chunks[chunk][index & (ChunkSize - 1)] = version;
        Volatile.Write(ref _count, index + 1);
    }

    /// <inheritdoc />
    public IEnumerator<CountedVersion> GetEnumerator()
    {
        var count = Count;
        for (var i = 0; i < count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
