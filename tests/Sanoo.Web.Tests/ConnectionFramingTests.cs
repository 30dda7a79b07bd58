using System.Text;
using Sanoo.Web.PublicApi;

namespace Sanoo.Web.Tests;

/// <summary>
/// Where a request's head ends and whether it is a plain read (<see cref="HotRequestHead"/>), and where an answer Kestrel writes
/// ends (<see cref="AnswerFraming"/>), read from bytes however they are split.
/// </summary>
public sealed class ConnectionFramingTests
{
    private const string Read = "GET /api/v1/results?area=d01 HTTP/1.1\r\nHost: example.org:8080\r\nAccept-Encoding: gzip, br\r\n"
        + "If-None-Match: W/\"0-5\"\r\nConnection: keep-alive\r\n\r\n";

    [Fact]
    public void A_plain_read_is_read_whole_with_its_target_coding_and_tag()
    {
        var bytes = Encoding.ASCII.GetBytes(Read + "GET / HTTP/1.1\r\n");
        Assert.Equal(HotRequestHead.Parse.Hot, HotRequestHead.TryRead(bytes, out var head));
        Assert.Equal(Read.Length, head.Length);
        Assert.True(head.IsPlain);
        Assert.False(head.IsHead);
        Assert.Equal("/api/v1/results?area=d01", Encoding.ASCII.GetString(head.Target));
        Assert.Equal("gzip, br", Encoding.ASCII.GetString(head.AcceptEncoding));
        Assert.Equal("W/\"0-5\"", Encoding.ASCII.GetString(head.IfNoneMatch));
    }

    [Fact]
    public void Every_beginning_of_a_read_is_partial_and_every_beginning_of_another_request_is_not_read()
    {
        var bytes = Encoding.ASCII.GetBytes(Read);
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Equal(HotRequestHead.Parse.Partial, HotRequestHead.TryRead(bytes.AsSpan(0, length), out _));
        }
        var post = Encoding.ASCII.GetBytes("POST /api/v1/protocols HTTP/1.1\r\n");
        for (var length = 1; length < post.Length; length++)
        {
            Assert.Equal(HotRequestHead.Parse.Other, HotRequestHead.TryRead(post.AsSpan(0, length), out _));
        }
    }

    [Theory]
    [InlineData("/api/v1/%72esults")]
    [InlineData("/en/../ru/")]
    [InlineData("/en/./")]
    [InlineData("/api/v1/results?")]
    [InlineData("/a?b?c")]
    [InlineData("http://example.org/en/")]
    [InlineData("/en/\"x\"")]
    public void A_target_kestrel_would_rewrite_is_a_read_but_not_plain(string target)
    {
        var bytes = Encoding.ASCII.GetBytes($"HEAD {target} HTTP/1.1\r\nHost: a\r\n\r\n");
        Assert.Equal(HotRequestHead.Parse.Hot, HotRequestHead.TryRead(bytes, out var head));
        Assert.True(head.IsHead);
        Assert.False(head.IsPlain);
    }

    [Theory]
    [InlineData("GET / HTTP/1.0\r\nHost: a\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: a b\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: a:99999999\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: [:]\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nX: a\r\n b\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nX : a\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nX: a\nY: b\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nX: \u00e9\r\n\r\n")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nAccept-Encoding: gzip\r\nAccept-Encoding: br\r\n\r\n")]
    [InlineData("GET /a b HTTP/1.1\r\nHost: a\r\n\r\n")]
    [InlineData("GET  / HTTP/1.1\r\nHost: a\r\n\r\n")]
    [InlineData("get / HTTP/1.1\r\nHost: a\r\n\r\n")]
    public void A_request_outside_the_subset_is_left_to_kestrel(string request)
    {
        Assert.Equal(HotRequestHead.Parse.Other, HotRequestHead.TryRead(Encoding.Latin1.GetBytes(request), out _));
    }

    [Fact]
    public void A_head_longer_than_read_here_is_left_to_kestrel()
    {
        var bytes = Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: a\r\nX: " + new string('x', HotRequestHead.MaxLength) + "\r\n\r\n");
        Assert.Equal(HotRequestHead.Parse.Other, HotRequestHead.TryRead(bytes, out _));
    }

    public static TheoryData<string, bool, bool> Answers() => new()
    {
        { "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", false, false },
        { "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", true, false },
        { "HTTP/1.1 304 Not Modified\r\nETag: W/\"1\"\r\n\r\n", false, false },
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n10;x=y\r\n0123456789abcdef\r\n0\r\n\r\n", false, false },
        { "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-Trailer: 1\r\n\r\n", false, false },
        { "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n", false, false },
        { "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", false, true },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void An_answer_ends_where_its_framing_says_however_it_is_split(string answer, bool head, bool closes)
    {
        var bytes = Encoding.ASCII.GetBytes(answer);
        for (var split = 0; split <= bytes.Length; split++)
        {
            var framing = new AnswerFraming(head);
            framing.Feed(bytes.AsSpan(0, split));
            Assert.True(split == bytes.Length || !framing.Done, $"done after {split} of {bytes.Length} bytes");
            framing.Feed(bytes.AsSpan(split));
            Assert.True(framing.Done, $"not done when split at {split}");
            Assert.False(framing.Broken);
            Assert.Equal(closes, framing.Closes);
        }
        var beyond = new AnswerFraming(head);
        beyond.Feed(Encoding.ASCII.GetBytes(answer + "x"));
        Assert.True(beyond.Broken);
    }

    [Fact]
    public void An_answer_without_length_or_chunks_runs_until_kestrel_closes()
    {
        var framing = new AnswerFraming(answersHead: false);
        framing.Feed("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nsome bytes"u8);
        Assert.False(framing.Done);
        Assert.True(framing.Closes);
    }
}
