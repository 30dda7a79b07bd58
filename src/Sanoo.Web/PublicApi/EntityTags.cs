using Microsoft.Extensions.Primitives;

namespace Sanoo.Web.PublicApi;

/// <summary>
/// <c>If-None-Match</c> as RFC 9110 §13.1.2 reads it: a list of entity tags, strong or weak
/// (<c>W/"4929"</c>), compared weakly (the opaque parts are equal), or <c>*</c>, which matches any
/// current version of the resource.
/// </summary>
public static class EntityTags
{
    /// <summary>Whether the client's <paramref name="ifNoneMatch"/> holds <paramref name="current"/> (or <c>*</c>).</summary>
    public static bool Match(StringValues ifNoneMatch, string current)
    {
        foreach (var header in ifNoneMatch)
        {
            if (Match((header ?? "").AsSpan(), current))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether one <c>If-None-Match</c>, <paramref name="header"/>, holds <paramref name="current"/> (or <c>*</c>).</summary>
    public static bool Match(ReadOnlySpan<char> header, string current)
    {
        var opaque = Opaque(current);
        foreach (var range in header.Split(','))
        {
            var tag = header[range].Trim();
            if (tag is "*" || (tag.Length > 0 && Opaque(tag).SequenceEqual(opaque)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The quoted opaque part of a tag, without its weakness mark.</summary>
    private static ReadOnlySpan<char> Opaque(ReadOnlySpan<char> tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
