namespace Sanoo.Core.Tally;

/// <summary>
/// A fixed-length array held in chunks that copies share until one of them writes: <see cref="Copy"/> costs the number of chunks,
/// not the length, and each write after it copies at most its own chunk once. The engine's per-station state is frozen into
/// every snapshot this way, so a freeze at a million stations copies only what changed since the last one.
/// Not thread-safe for writing: one owner writes; a copy that is never written can be read from any thread.
/// </summary>
/// <typeparam name="T">The element.</typeparam>
internal sealed class CopyOnWriteArray<T>
{
    private const int Shift = 12;
    private const int Mask = (1 << Shift) - 1;
    private readonly T[][] _chunks;
    private readonly bool[] _own;

    /// <summary>An array of <paramref name="length"/> default elements.</summary>
    public CopyOnWriteArray(int length)
    {
        Length = length;
        _chunks = new T[(length + Mask) >> Shift][];
        for (var c = 0; c < _chunks.Length; c++)
        {
            _chunks[c] = new T[Math.Min(1 << Shift, length - (c << Shift))];
        }
        _own = new bool[_chunks.Length];
        Array.Fill(_own, true);
    }

    private CopyOnWriteArray(CopyOnWriteArray<T> other)
    {
        Length = other.Length;
        _chunks = (T[][])other._chunks.Clone();
        _own = new bool[_chunks.Length];
    }

    /// <summary>How many elements.</summary>
    public int Length { get; }

    /// <summary>The element at <paramref name="index"/>; setting it copies its chunk first if a copy still shares it.</summary>
    public T this[int index]
    {
        get => _chunks[index >> Shift][index & Mask];
        set
        {
            var c = index >> Shift;
            if (!_own[c])
            {
                _chunks[c] = (T[])_chunks[c].Clone();
                _own[c] = true;
            }
            _chunks[c][index & Mask] = value;
        }
    }

    /// <summary>A copy sharing every chunk; from now on both copy a chunk before writing to it.</summary>
    public CopyOnWriteArray<T> Copy()
    {
        Array.Clear(_own);
        return new CopyOnWriteArray<T>(this);
    }

    /// <summary>Every element, in order.</summary>
    public IEnumerable<T> Items() => _chunks.SelectMany(chunk => chunk);
}
