namespace Sanoo.Core.Transparency;

/// <summary>
/// An append-only Merkle tree of RFC 9162 over the log's entries. It keeps the hash of every
/// complete, aligned subtree as it grows (level 0 the leaves, level k the subtrees of 2^k
/// leaves), so the root of any tree size and any inclusion or consistency proof is computed in
/// O(log² n) hash lookups and O(log n) hashing, never by re-hashing the log.
/// Memory: about two hashes (64 bytes) per entry, packed in chunks of <see cref="ChunkHashes"/> hashes (no object per hash, so
/// a tree of millions of entries adds no work to the garbage collector); a hash read from it is a copy.
/// </summary>
public sealed class MerkleTree
{
    /// <summary>Hashes a chunk holds: 64 KiB, below the large object heap.</summary>
    private const int ChunkHashes = 2048;

    private readonly List<Level> _levels = [new()];

    /// <summary>How many leaves the tree holds.</summary>
    public long Size => _levels[0].Count;

    /// <summary>Appends a leaf's hash (<see cref="MerkleHash.Leaf"/> of the entry).</summary>
    public void Append(byte[] leafHash) => Append(leafHash.AsSpan());

    /// <summary>Appends a leaf's hash (<see cref="MerkleHash.Leaf"/> of the entry).</summary>
    public void Append(ReadOnlySpan<byte> leafHash)
    {
        if (leafHash.Length != MerkleHash.Size)
        {
            throw new ArgumentException("a leaf hash is 32 bytes", nameof(leafHash));
        }
        _levels[0].Add(leafHash);
        var index = _levels[0].Count - 1;
        Span<byte> node = stackalloc byte[MerkleHash.Size];
        for (var level = 0; index % 2 == 1; level++)
        {
            if (_levels.Count == level + 1)
            {
                _levels.Add(new());
            }
            var nodes = _levels[level];
            MerkleHash.Node(nodes[index - 1], nodes[index], node);
            _levels[level + 1].Add(node);
            index /= 2;
        }
    }

    /// <summary>The leaf hash at <paramref name="index"/>.</summary>
    public byte[] LeafHash(long index) => _levels[0][(int)index].ToArray();

    /// <summary>Copies the first <paramref name="count"/> leaf hashes, 32 bytes each in order, into <paramref name="into"/>.</summary>
    public void CopyLeaves(long count, Span<byte> into)
    {
        Check(count <= Size, nameof(count), $"the tree has {Size} leaves, not {count}");
        _levels[0].CopyTo((int)count, into);
    }

    /// <summary>The root of the tree of the first <paramref name="size"/> leaves (MTH(D[0:size])).</summary>
    public byte[] Root(long size)
    {
        Check(size <= Size, nameof(size), $"the tree has {Size} leaves, not {size}");
        return size == 0 ? MerkleHash.Empty() : Subtree(0, size);
    }

    /// <summary>
    /// The frontier of the tree of the first <paramref name="size"/> leaves: the roots of the complete subtrees along its right
    /// edge, largest first (one per bit of the size, at most 64). <see cref="RootOfFrontier"/> gives the tree's root from them.
    /// </summary>
    public List<byte[]> Frontier(long size)
    {
        Check(size >= 0 && size <= Size, nameof(size), $"the tree has {Size} leaves, not {size}");
        var frontier = new List<byte[]>();
        long start = 0;
        for (var level = 62; level >= 0; level--)
        {
            if ((size & (1L << level)) != 0)
            {
                frontier.Add(_levels[level][(int)(start >> level)].ToArray());
                start += 1L << level;
            }
        }
        return frontier;
    }

    /// <summary>The root of a tree from its <see cref="Frontier"/> (the empty tree's root for none).</summary>
    public static byte[] RootOfFrontier(IReadOnlyList<byte[]> frontier)
    {
        if (frontier.Count == 0)
        {
            return MerkleHash.Empty();
        }
        var root = frontier[^1];
        for (var i = frontier.Count - 2; i >= 0; i--)
        {
            root = MerkleHash.Node(frontier[i], root);
        }
        return root;
    }

    /// <summary>The inclusion proof of leaf <paramref name="index"/> in the tree of <paramref name="size"/> leaves (RFC 9162 §2.1.3.1).</summary>
    public List<byte[]> InclusionProof(long index, long size)
    {
        Check(size <= Size && index >= 0 && index < size, nameof(index), $"leaf {index} is not in a tree of {size}");
        var proof = new List<byte[]>();
        Path(index, 0, size, proof);
        return proof;
    }

    /// <summary>The consistency proof between the trees of <paramref name="first"/> and <paramref name="second"/> leaves (RFC 9162
    /// §2.1.4.1).</summary>
    public List<byte[]> ConsistencyProof(long first, long second)
    {
        Check(first >= 0 && first <= second && second <= Size, nameof(first), $"no consistency proof from {first} to {second} in a tree of {Size}");
        var proof = new List<byte[]>();
        if (first > 0 && first < second)
        {
            SubProof(first, 0, second, true, proof);
        }
        return proof;
    }

    /// <summary>MTH(D[start:end]).</summary>
    private byte[] Subtree(long start, long end)
    {
        var n = end - start;
        if ((n & (n - 1)) == 0 && start % n == 0)
        {
            var level = System.Numerics.BitOperations.Log2((ulong)n);
            return _levels[level][(int)(start >> level)].ToArray();
        }
        var k = MerkleHash.Split(n);
        return MerkleHash.Node(Subtree(start, start + k), Subtree(start + k, end));
    }

    private void Path(long m, long start, long end, List<byte[]> proof)
    {
        var n = end - start;
        if (n <= 1)
        {
            return;
        }
        var k = MerkleHash.Split(n);
        if (m < k)
        {
            Path(m, start, start + k, proof);
            proof.Add(Subtree(start + k, end));
        }
        else
        {
            Path(m - k, start + k, end, proof);
            proof.Add(Subtree(start, start + k));
        }
    }

    private void SubProof(long m, long start, long end, bool whole, List<byte[]> proof)
    {
        var n = end - start;
        if (m == n)
        {
            if (!whole)
            {
                proof.Add(Subtree(start, end));
            }
            return;
        }
        var k = MerkleHash.Split(n);
        if (m <= k)
        {
            SubProof(m, start, start + k, whole, proof);
            proof.Add(Subtree(start + k, end));
        }
        else
        {
            SubProof(m - k, start + k, end, false, proof);
            proof.Add(Subtree(start, start + k));
        }
    }

    private static void Check(bool condition, string parameter, string message)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(parameter, message);
        }
    }

    /// <summary>One level's hashes, 32 bytes each, in fixed chunks that never move once written.</summary>
    private sealed class Level
    {
        private readonly List<byte[]> _chunks = [];

        public int Count { get; private set; }

        public ReadOnlySpan<byte> this[int index] =>
            _chunks[index / ChunkHashes].AsSpan(index % ChunkHashes * MerkleHash.Size, MerkleHash.Size);

        public void Add(ReadOnlySpan<byte> hash)
        {
            var slot = Count % ChunkHashes;
            if (slot == 0)
            {
                _chunks.Add(new byte[ChunkHashes * MerkleHash.Size]);
            }
            hash.CopyTo(_chunks[^1].AsSpan(slot * MerkleHash.Size));
            Count++;
        }

        /// <summary>Copies the first <paramref name="count"/> hashes in order, a chunk at a time.</summary>
        public void CopyTo(int count, Span<byte> into)
        {
            for (var chunk = 0; chunk * ChunkHashes < count; chunk++)
            {
                var hashes = Math.Min(ChunkHashes, count - (chunk * ChunkHashes));
                _chunks[chunk].AsSpan(0, hashes * MerkleHash.Size).CopyTo(into[(chunk * ChunkHashes * MerkleHash.Size)..]);
            }
        }
    }
}
