namespace Sanoo.Web.Publishing;

/// <summary>A content coding Sanoo sends an answer in (RFC 9110 §8.4.1).</summary>
public enum ContentCoding
{
    /// <summary>The bytes as they are: no <c>Content-Encoding</c>.</summary>
    Identity,

    /// <summary>gzip (RFC 1952): <c>Content-Encoding: gzip</c>.</summary>
    Gzip,

    /// <summary>Brotli (RFC 7932): <c>Content-Encoding: br</c>.</summary>
    Brotli,
}

/// <summary>The names of the codings in <c>Content-Encoding</c>.</summary>
public static class ContentCodingNames
{
    /// <summary>The token of <paramref name="coding"/> in <c>Content-Encoding</c>: <c>gzip</c>, <c>br</c>; identity is never sent.</summary>
    public static string Token(this ContentCoding coding) => coding switch
    {
        ContentCoding.Gzip => "gzip",
        ContentCoding.Brotli => "br",
        _ => throw new ArgumentOutOfRangeException(nameof(coding), coding, "identity is sent without a Content-Encoding"),
    };
}
