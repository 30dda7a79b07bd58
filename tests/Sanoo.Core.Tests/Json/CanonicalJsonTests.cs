using System.Buffers;
using System.Text;
using Sanoo.Core.Json;

namespace Sanoo.Core.Tests.Json;

/// <summary>RFC 8785's own test vectors: the canonical form a device in any language reproduces.</summary>
public class CanonicalJsonTests
{
    private static string Canonical(string json) => Encoding.UTF8.GetString(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(json)));

    /// <summary>RFC 8785 Appendix B: IEEE 754 bit patterns and the text ECMAScript gives each.</summary>
    [Theory]
    [InlineData(0x0000000000000000UL, "0")]
    [InlineData(0x8000000000000000UL, "0")]
    [InlineData(0x0000000000000001UL, "5e-324")]
    [InlineData(0x8000000000000001UL, "-5e-324")]
    [InlineData(0x7fefffffffffffffUL, "1.7976931348623157e+308")]
    [InlineData(0xffefffffffffffffUL, "-1.7976931348623157e+308")]
    [InlineData(0x4340000000000000UL, "9007199254740992")]
    [InlineData(0xc340000000000000UL, "-9007199254740992")]
    [InlineData(0x4430000000000000UL, "295147905179352830000")]
    [InlineData(0x44b52d02c7e14af5UL, "9.999999999999997e+22")]
    [InlineData(0x44b52d02c7e14af6UL, "1e+23")]
    [InlineData(0x44b52d02c7e14af7UL, "1.0000000000000001e+23")]
    [InlineData(0x444b1ae4d6e2ef4eUL, "999999999999999700000")]
    [InlineData(0x444b1ae4d6e2ef4fUL, "999999999999999900000")]
    [InlineData(0x444b1ae4d6e2ef50UL, "1e+21")]
    [InlineData(0x3eb0c6f7a0b5ed8cUL, "9.999999999999997e-7")]
    [InlineData(0x3eb0c6f7a0b5ed8dUL, "0.000001")]
    [InlineData(0x41b3de4355555553UL, "333333333.3333332")]
    [InlineData(0x41b3de4355555554UL, "333333333.33333325")]
    [InlineData(0x41b3de4355555555UL, "333333333.3333333")]
    [InlineData(0x41b3de4355555556UL, "333333333.3333334")]
    [InlineData(0x41b3de4355555557UL, "333333333.33333343")]
    [InlineData(0xbecbf647612f3696UL, "-0.0000033333333333333333")]
    [InlineData(0x43143ff3c1cb0959UL, "1424953923781206.2")]
    public void Numbers_are_written_as_ECMAScript_writes_them(ulong bits, string expected) =>
        Assert.Equal(expected, CanonicalJson.Number(BitConverter.UInt64BitsToDouble(bits)));

    [Theory]
    [InlineData(0x7fffffffffffffffUL)]
    [InlineData(0x7ff0000000000000UL)]
    [InlineData(0xfff0000000000000UL)]
    public void NaN_and_the_infinities_have_no_canonical_form(ulong bits) =>
        Assert.Throws<FormatException>(() => CanonicalJson.Number(BitConverter.UInt64BitsToDouble(bits)));

    /// <summary>RFC 8785 section 3.2.2: the sample with numbers, a string and literals.</summary>
    [Fact]
    public void The_RFCs_sample_object_canonicalizes_as_the_RFC_shows()
    {
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;
        const string expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
            + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        Assert.Equal(expected, Canonical(input));
    }

    /// <summary>RFC 8785 section 3.2.3: members sorted by UTF-16 code units, not by code points or UTF-8 bytes.</summary>
    [Fact]
    public void Members_are_sorted_by_their_UTF16_code_units()
    {
        const string input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """;
        var keys = new[] { "\\r", "1", "\u0080", "\u00f6", "\u20ac", "\ud83d\ude00", "\ufb33" };
        var canonical = Canonical(input);
        var positions = keys.Select(k => canonical.IndexOf($"\"{k}\":", StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Only_quote_backslash_and_control_characters_are_escaped()
    {
        Assert.Equal("[\"<+&'>Ооба\\u001f\\t\"]", Canonical("[\"\\u003c\\u002B&'>\\u041E\\u043E\\u0431\\u0430\\u001F\\u0009\"]"));
    }

    [Fact]
    public void A_string_is_written_as_JCS_writes_it_whether_or_not_it_needs_an_escape()
    {
        // Text with nothing to escape is encoded where it lies; text with an escape or a surrogate pair goes the careful way.
        string[][] cases =
        [
            ["kg-2021", "\"kg-2021\""],
            ["\u041E\u043E\u0431\u0430 <&'>", "\"\u041E\u043E\u0431\u0430 <&'>\""],
            ["a\ud83d\ude00b", "\"a\ud83d\ude00b\""],
            ["a\"b\\c\u0001\n", "\"a\\\"b\\\\c\\u0001\\n\""],
            ["", "\"\""],
        ];
        foreach (var c in cases)
        {
            var buffer = new ArrayBufferWriter<byte>(1);
            buffer.Write("x"u8);
            CanonicalJson.WriteString(buffer, c[0]);
            Assert.Equal("x" + c[1], Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
        Assert.Throws<FormatException>(() => CanonicalJson.WriteString(new ArrayBufferWriter<byte>(), "a\ud800"));
        Assert.Throws<FormatException>(() => CanonicalJson.WriteString(new ArrayBufferWriter<byte>(), "\udc00b"));
    }

    [Theory]
    [InlineData("{\"a\":1,\"a\":2}")]
    [InlineData("[\"\\ud800\"]")]
    [InlineData("[1e400]")]
    [InlineData("{\"a\":")]
    public void What_JCS_cannot_represent_is_refused(string json) =>
        Assert.Throws<FormatException>(() => Canonical(json));
}
