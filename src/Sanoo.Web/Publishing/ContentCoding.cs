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
