using System.Buffers;
using System.Text;

namespace Sanoo.Web.PublicApi;

/// <summary>
/// The head of an HTTP/1.1 request read at the connection (<see cref="ConnectionHotReads"/>), when it is a read whose end is plain:
/// <c>GET</c> or <c>HEAD</c> of a target of visible characters, <c>HTTP/1.1</c>, one valid <c>Host</c>, headers of token names and
/// values of visible ASCII and spaces, no body (no <c>Content-Length</c> or <c>Transfer-Encoding</c>), nothing that changes the
/// connection (<c>Upgrade</c>, <c>Expect</c>, a <c>Connection</c> other than <c>keep-alive</c>), at most one
/// <c>Accept-Encoding</c> and one <c>If-None-Match</c>. Such a read is answered at the connection only when its target is also
/// <see cref="IsPlain"/>; otherwise Kestrel answers it. Anything else is <see cref="Parse.Other"/>: Kestrel reads it and the rest
/// of the connection, with all its rules. The subset is kept narrow on purpose: a request the two could read differently is never
/// answered here, and its end is never taken differently.
/// </summary>
internal readonly ref struct HotRequestHead
{
    /// <summary>The longest head read here; a longer one is Kestrel's.</summary>
    public const int MaxLength = 4096;

    private const int MaxHeaders = 100;

    /// <summary>What the bytes at the front of a connection are.</summary>
    public enum Parse
    {
        /// <summary>A whole head of the subset read here.</summary>
        Hot,

        /// <summary>The start of one, not all of it yet.</summary>
        Partial,

        /// <summary>Anything else: Kestrel's to read.</summary>
        Other,
    }

    private HotRequestHead(
        int length, bool head, bool plain, ReadOnlySpan<byte> target, ReadOnlySpan<byte> acceptEncoding, ReadOnlySpan<byte> ifNoneMatch)
    {
        Length = length;
        IsHead = head;
        IsPlain = plain;
        Target = target;
        AcceptEncoding = acceptEncoding;
        IfNoneMatch = ifNoneMatch;
    }

    /// <summary>The bytes of the head, its last empty line included.</summary>
    public int Length { get; }

    /// <summary>Whether the method is <c>HEAD</c> (otherwise <c>GET</c>).</summary>
    public bool IsHead { get; }

    /// <summary>
    /// Whether the target is one Kestrel takes as it is (<see cref="IsPlainTarget"/>), so that it can be looked up as the address
    /// Kestrel would give; a request of any other target is still a whole read with no body, which Kestrel answers.
    /// </summary>
    public bool IsPlain { get; }

    /// <summary>The request target: path and query as sent.</summary>
    public ReadOnlySpan<byte> Target { get; }

    /// <summary>The value of <c>Accept-Encoding</c>, empty when not sent.</summary>
    public ReadOnlySpan<byte> AcceptEncoding { get; }

    /// <summary>The value of <c>If-None-Match</c>, empty when not sent.</summary>
    public ReadOnlySpan<byte> IfNoneMatch { get; }

    /// <summary>Reads the head at the start of <paramref name="data"/>.</summary>
    public static Parse TryRead(ReadOnlySpan<byte> data, out HotRequestHead head)
    {
        head = default;
        if (!Begins(data, "GET "u8) && !Begins(data, "HEAD "u8))
        {
            return Parse.Other;
        }
        var end = data[..Math.Min(data.Length, MaxLength)].IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            return data.Length >= MaxLength ? Parse.Other : Parse.Partial;
        }
        var lines = data[..(end + 2)];
        var isHead = lines[0] == (byte)'H';
        var rest = lines[(isHead ? 5 : 4)..];
        var space = rest.IndexOf((byte)' ');
        if (space <= 0 || rest[..space].IndexOfAnyExceptInRange((byte)0x21, (byte)0x7E) >= 0)
        {
            return Parse.Other;
        }
        var target = rest[..space];
        rest = rest[(space + 1)..];
        if (!rest.StartsWith("HTTP/1.1\r\n"u8))
        {
            return Parse.Other;
        }
        rest = rest["HTTP/1.1\r\n"u8.Length..];
        var (hosts, headers) = (0, 0);
        ReadOnlySpan<byte> acceptEncoding = [], ifNoneMatch = [];
        var (encodings, tags) = (0, 0);
        while (rest.Length > 0)
        {
            var lineEnd = rest.IndexOf("\r\n"u8);
            var line = rest[..lineEnd];
            rest = rest[(lineEnd + 2)..];
            var colon = line.IndexOf((byte)':');
            if (++headers > MaxHeaders || colon <= 0 || !IsToken(line[..colon]) || !IsVisible(line[(colon + 1)..]))
            {
                return Parse.Other;
            }
            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(" \t"u8);
            if (Ascii.EqualsIgnoreCase(name, "host"u8))
            {
                if (++hosts > 1 || !IsHost(value))
                {
                    return Parse.Other;
                }
            }
            else if (Ascii.EqualsIgnoreCase(name, "accept-encoding"u8))
            {
                acceptEncoding = value;
                encodings++;
            }
            else if (Ascii.EqualsIgnoreCase(name, "if-none-match"u8))
            {
                ifNoneMatch = value;
                tags++;
            }
            else if (Ascii.EqualsIgnoreCase(name, "connection"u8) ? !Ascii.EqualsIgnoreCase(value, "keep-alive"u8) : Changes(name))
            {
                return Parse.Other;
            }
        }
        if (hosts != 1 || encodings > 1 || tags > 1)
        {
            return Parse.Other;
        }
        head = new HotRequestHead(end + 4, isHead, target.Length <= HotReads.MaxTarget && IsPlainTarget(target), target, acceptEncoding, ifNoneMatch);
        return Parse.Hot;
    }

    /// <summary>Whether <paramref name="data"/> begins with <paramref name="word"/>, or is a beginning of it.</summary>
    private static bool Begins(ReadOnlySpan<byte> data, ReadOnlySpan<byte> word) =>
        data.Length >= word.Length ? data.StartsWith(word) : word.StartsWith(data);

    /// <summary>Headers that give the request a body or change the connection: such a request is Kestrel's.</summary>
    private static bool Changes(ReadOnlySpan<byte> name) =>
        Ascii.EqualsIgnoreCase(name, "content-length"u8) || Ascii.EqualsIgnoreCase(name, "transfer-encoding"u8)
        || Ascii.EqualsIgnoreCase(name, "upgrade"u8) || Ascii.EqualsIgnoreCase(name, "expect"u8)
        || Ascii.EqualsIgnoreCase(name, "http2-settings"u8) || Ascii.EqualsIgnoreCase(name, "te"u8)
        || Ascii.EqualsIgnoreCase(name, "proxy-connection"u8) || Ascii.EqualsIgnoreCase(name, "keep-alive"u8);

    private const string Alphanumeric = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static readonly SearchValues<byte> TargetCharacters = SearchValues.Create(Encoding.ASCII.GetBytes(Alphanumeric + "-._~!$&'()*+,;=:@/?"));
    private static readonly SearchValues<byte> TokenCharacters = SearchValues.Create(Encoding.ASCII.GetBytes(Alphanumeric + "!#$%&'*+-.^_`|~"));
    private static readonly SearchValues<byte> HostCharacters = SearchValues.Create(Encoding.ASCII.GetBytes(Alphanumeric + "-."));
    private static readonly SearchValues<byte> AddressCharacters = SearchValues.Create("0123456789abcdefABCDEF:."u8);
    private static readonly SearchValues<byte> Digits = SearchValues.Create("0123456789"u8);

    /// <summary>
    /// An origin-form target Kestrel takes as it is: <c>/</c> then unreserved characters, sub-delimiters, <c>:</c>, <c>@</c>,
    /// <c>/</c> and one <c>?</c> with something after it; no <c>%</c> (Kestrel would decode it) and no <c>/.</c> (it would remove
    /// dot segments).
    /// </summary>
    private static bool IsPlainTarget(ReadOnlySpan<byte> target) =>
        target[0] == (byte)'/' && target[^1] != (byte)'?' && target.IndexOfAnyExcept(TargetCharacters) < 0
        && target.IndexOf("/."u8) < 0 && target.Count((byte)'?') <= 1;

    /// <summary>A header name: a token of RFC 9110 §5.6.2.</summary>
    private static bool IsToken(ReadOnlySpan<byte> name) => name.IndexOfAnyExcept(TokenCharacters) < 0;

    /// <summary>A header value of visible ASCII and spaces only.</summary>
    private static bool IsVisible(ReadOnlySpan<byte> value) => value.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) < 0;

    /// <summary>A host name or IPv4 address, or an IPv6 address in brackets, and an optional port.</summary>
    private static bool IsHost(ReadOnlySpan<byte> value)
    {
        if (value.Length > 0 && value[0] == (byte)'[')
        {
            var close = value.IndexOf((byte)']');
            // Kestrel's shortest address in brackets is "[::1]".
            if (close < 4 || value[1..close].IndexOfAnyExcept(AddressCharacters) >= 0)
            {
                return false;
            }
            value = value[(close + 1)..];
        }
        else
        {
            var colon = value.IndexOf((byte)':');
            var name = colon < 0 ? value : value[..colon];
            if (name.Length == 0 || name.IndexOfAnyExcept(HostCharacters) >= 0)
            {
                return false;
            }
            value = colon < 0 ? [] : value[colon..];
        }
        return value.Length == 0 || (value[0] == (byte)':' && value.Length is > 1 and <= 6 && value[1..].IndexOfAnyExcept(Digits) < 0);
    }
}
