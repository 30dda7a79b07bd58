using System.Collections.Concurrent;

namespace Sanoo.Web.Publishing;

/// <summary>
/// Answers already made from one snapshot (<see cref="ReadyAnswer"/>: the bytes, and the compressed forms asked for), by a key built
/// only from validated values (a known contest, source, area, language and page file): so the keys are bounded by the election's
/// size, never by what clients type. The bytes held, compressed forms included, are capped as well (<see cref="MaxBytes"/>): past
/// the cap an answer is still served, just not kept, and a form with no room is left to per-request compression. The cache goes
/// with its snapshot when a newer one is published. Thread-safe.
/// </summary>
/// <param name="maxBytes">The most bytes kept, in bytes; at least 0.</param>
public sealed class ResponseCache(long maxBytes)
{
    /// <summary>The default cap: 256 MiB, room for every page of a national election in three languages, with their compressed forms.</summary>
    public const long DefaultMaxBytes = 256L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, ReadyAnswer> _answers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HotRead> _hot = new(StringComparer.Ordinal);
    private long _bytes;
    private long _hotServed;
    private long _compressions;

    /// <summary>The most bytes kept.</summary>
    public long MaxBytes { get; } = maxBytes >= 0 ? maxBytes : throw new ArgumentOutOfRangeException(nameof(maxBytes));

    /// <summary>How many answers are kept (for tests and the operator: it must stay bounded under any flood).</summary>
    public int Count => _answers.Count;

    /// <summary>The bytes kept: bodies and their compressed forms.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>How many compressed forms were made (for tests: one per key and coding asked for, whatever the number of requests).</summary>
    public long Compressions => Interlocked.Read(ref _compressions);

    /// <summary>The kept answer of <paramref name="key"/>, if any.</summary>
    public bool TryGet(string key, out ReadyAnswer answer) => _answers.TryGetValue(key, out answer!);

    /// <summary>
    /// The kept answer of <paramref name="key"/>, or <paramref name="body"/> of <paramref name="contentType"/> kept now when it fits
    /// under the cap (another thread's answer of the same key wins), or else an answer served once and not kept.
    /// </summary>
    public ReadyAnswer Keep(string key, byte[] body, string contentType)
    {
        if (_answers.TryGetValue(key, out var kept))
        {
            return kept;
        }
        if (!TryReserve(body.Length))
        {
            return new ReadyAnswer(body, contentType, null);
        }
        var answer = new ReadyAnswer(body, contentType, this);
        if (_answers.TryAdd(key, answer))
        {
            return answer;
        }
        Interlocked.Add(ref _bytes, -body.Length);
        return _answers[key];
    }

    /// <summary>The kept answer of <paramref name="key"/>, or one made by <paramref name="make"/> and kept when it fits.</summary>
    public ReadyAnswer GetOrMake(string key, string contentType, Func<byte[]> make) =>
        TryGet(key, out var kept) ? kept : Keep(key, make(), contentType);

    /// <summary>Takes <paramref name="bytes"/> of the cap, when they fit.</summary>
    internal bool TryReserve(long bytes)
    {
        if (Interlocked.Add(ref _bytes, bytes) <= MaxBytes)
        {
            return true;
        }
        Interlocked.Add(ref _bytes, -bytes);
        return false;
    }

    /// <summary>A compressed form made in <paramref name="reserved"/> bytes of the cap, of which it keeps <paramref name="used"/>.</summary>
    internal void Settle(long reserved, long used)
    {
        Interlocked.Add(ref _bytes, used - reserved);
        Interlocked.Increment(ref _compressions);
    }

    /// <summary>How many request addresses are remembered for fast reads (<see cref="RememberHot"/>; for tests): bounded by the cache.</summary>
    public int HotCount => _hot.Count;

    /// <summary>How many reads were sent the short way from this cache (for tests: the short way is taken).</summary>
    public long HotServed => Interlocked.Read(ref _hotServed);

    /// <summary>The fast read remembered for the request address <paramref name="target"/> (path and query as sent), if any.</summary>
    public bool TryGetHot(ReadOnlySpan<char> target, out HotRead read) =>
        _hot.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(target, out read!);

    /// <summary>Counts a read sent the short way.</summary>
    internal void CountHot() => Interlocked.Increment(ref _hotServed);

    /// <summary>
    /// Remembers that the request address <paramref name="target"/> is answered by <paramref name="read"/>, so the next requests for
    /// it are sent without the full pipeline (<see cref="PublicApi.HotReads"/>). At most <see cref="HotRead.AddressesPerAnswer"/>
    /// addresses per kept answer: however many spellings of one query clients send, the table stays bounded by the cache.
    /// </summary>
    public void RememberHot(string target, HotRead read)
    {
        if (read.Answer.Kept && !_hot.ContainsKey(target) && read.Answer.TakeAddress())
        {
            _hot.TryAdd(target, read);
        }
    }
}

/// <summary>A kept answer and the entity tag of the snapshot it was made from, sent as it is to a request for one address.</summary>
/// <param name="Answer">The answer.</param>
/// <param name="ETag">The entity tag it was sent with.</param>
public sealed record HotRead(ReadyAnswer Answer, string ETag)
{
    /// <summary>The most request addresses remembered for one answer.</summary>
    public const int AddressesPerAnswer = 4;

    /// <summary>
    /// The status line and headers sent with this read at the connection, but the date (<see cref="PublicApi.ConnectionHotReads"/>):
    /// 200 in each <see cref="ContentCoding"/> at its number, then 304; each made the first time it is sent.
    /// </summary>
    internal byte[]?[] Heads { get; } = new byte[]?[4];
}
