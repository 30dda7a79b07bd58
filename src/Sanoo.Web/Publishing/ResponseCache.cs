using System.Collections.Concurrent;

namespace Sanoo.Web.Publishing;

/// <summary>
/// Response bodies already serialized from one snapshot, by a key built only from validated values
/// (a known contest, source, area, language and page file): so the keys are bounded by the
/// election's size, never by what clients type. The bytes held are capped as well
/// (<see cref="MaxBytes"/>): past the cap an answer is still served, just not kept. The cache goes
/// with its snapshot when a newer one is published. Thread-safe.
/// </summary>
/// <param name="maxBytes">The most body bytes kept, in bytes; at least 0.</param>
public sealed class ResponseCache(long maxBytes)
{
    /// <summary>The default cap: 256 MiB, room for every page of a national election in three languages.</summary>
    public const long DefaultMaxBytes = 256L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, byte[]> _bodies = new(StringComparer.Ordinal);
    private long _bytes;

    /// <summary>The most body bytes kept.</summary>
    public long MaxBytes { get; } = maxBytes >= 0 ? maxBytes : throw new ArgumentOutOfRangeException(nameof(maxBytes));

    /// <summary>How many answers are kept (for tests and the operator: it must stay bounded under any flood).</summary>
    public int Count => _bodies.Count;

    /// <summary>The body bytes kept.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>The kept answer of <paramref name="key"/>, if any.</summary>
    public bool TryGet(string key, out byte[] body) => _bodies.TryGetValue(key, out body!);

    /// <summary>
    /// The kept answer of <paramref name="key"/>, or <paramref name="body"/> kept now when it fits
    /// under the cap (another thread's answer of the same key wins).
    /// </summary>
    public byte[] Keep(string key, byte[] body)
    {
        if (_bodies.TryGetValue(key, out var kept))
        {
            return kept;
        }
        if (Interlocked.Add(ref _bytes, body.Length) > MaxBytes)
        {
            Interlocked.Add(ref _bytes, -body.Length);
            return body;
        }
        if (_bodies.TryAdd(key, body))
        {
            return body;
        }
        Interlocked.Add(ref _bytes, -body.Length);
        return _bodies[key];
    }

    /// <summary>The kept answer of <paramref name="key"/>, or one made by <paramref name="make"/> and kept when it fits.</summary>
    public byte[] GetOrMake(string key, Func<byte[]> make) => TryGet(key, out var kept) ? kept : Keep(key, make());
}
