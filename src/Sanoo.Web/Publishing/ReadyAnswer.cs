namespace Sanoo.Web.Publishing;

/// <summary>
/// One answer's bytes ready to send: as made (identity), and its gzip and Brotli forms (<see cref="Encodings"/>), each made the first
/// time a client asks for it and kept with the answer, its bytes counted against its <see cref="ResponseCache"/>'s cap. So a
/// compression is paid once per snapshot, key and coding, never per request. Only text of at least <see cref="MinimumBytes"/> is
/// compressed: a smaller body gains less than a coding's own frame and a round of work, and images and PDFs are compressed already.
/// Thread-safe: concurrent first requests for one coding wait for a single compression.
/// </summary>
public sealed class ReadyAnswer
{
    /// <summary>The smallest body compressed, in bytes (below it, a coding saves less than a packet).</summary>
    public const int MinimumBytes = 860;

    private readonly ResponseCache? _cache;
    private readonly Lazy<byte[]?> _gzip;
    private readonly Lazy<byte[]?> _brotli;
    private int _addresses;

    /// <summary>An answer of <paramref name="identity"/>, kept in <paramref name="cache"/> (null: served once, not kept).</summary>
    internal ReadyAnswer(byte[] identity, string contentType, ResponseCache? cache)
    {
        Identity = identity;
        ContentType = contentType;
        Compressible = identity.Length >= MinimumBytes && IsText(contentType);
        _cache = cache;
        _gzip = new(() => Make(ContentCoding.Gzip));
        _brotli = new(() => Make(ContentCoding.Brotli));
    }

    /// <summary>The body as made.</summary>
    public byte[] Identity { get; }

    /// <summary>Its media type, with its charset.</summary>
    public string ContentType { get; }

    /// <summary>Whether the answer is kept in a cache (else it is served once).</summary>
    public bool Kept => _cache is not null;

    /// <summary>Whether the body is text large enough to be sent compressed.</summary>
    public bool Compressible { get; }

    /// <summary>
    /// The body in <paramref name="coding"/>: the form kept; <see cref="Identity"/> itself when this body is not sent compressed (not
    /// <see cref="Compressible"/>, or no smaller compressed); null when the cache has no room for the form, or the answer is not kept.
    /// </summary>
    public byte[]? Encoded(ContentCoding coding) => coding switch
    {
        ContentCoding.Identity => Identity,
        _ when !Compressible => Identity,
        ContentCoding.Gzip => _gzip.Value,
        ContentCoding.Brotli => _brotli.Value,
        _ => throw new ArgumentOutOfRangeException(nameof(coding)),
    };

    /// <summary>
    /// The body in <paramref name="coding"/> when it is at hand without work: as <see cref="Encoded"/>, but null while a compressed
    /// form is not made yet (the short way of a read, sent from a network thread, leaves the compression to the whole pipeline).
    /// </summary>
    public byte[]? EncodedIfMade(ContentCoding coding) => coding switch
    {
        ContentCoding.Gzip when Compressible => _gzip.IsValueCreated ? _gzip.Value : null,
        ContentCoding.Brotli when Compressible => _brotli.IsValueCreated ? _brotli.Value : null,
        _ => Encoded(coding),
    };

    /// <summary>Whether <paramref name="contentType"/> is text that compresses: HTML, CSV, JSON, XML, SVG, scripts and styles.</summary>
    public static bool IsText(string contentType)
    {
        var media = contentType.AsSpan();
        media = media[..(media.IndexOf(';') is var end and >= 0 ? end : media.Length)].Trim();
        return media.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
            || media.Equals("application/javascript", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+xml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Takes one of the <see cref="HotRead.AddressesPerAnswer"/> request addresses this answer may be remembered under.</summary>
    internal bool TakeAddress() =>
        Volatile.Read(ref _addresses) < HotRead.AddressesPerAnswer && Interlocked.Increment(ref _addresses) <= HotRead.AddressesPerAnswer;

    private byte[]? Make(ContentCoding coding)
    {
        if (_cache is not { } cache || !cache.TryReserve(Identity.Length))
        {
            return null;
        }
        var made = coding == ContentCoding.Gzip ? Encodings.Gzip(Identity) : Encodings.Brotli(Identity);
        var kept = made.Length < Identity.Length ? made : Identity;
        cache.Settle(Identity.Length, ReferenceEquals(kept, Identity) ? 0 : kept.Length);
        return kept;
    }
}
