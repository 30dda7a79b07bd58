using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sanoo.Core.Protocols;

namespace Sanoo.Core.Tests.Protocols;

/// <summary>
/// <see cref="PlainProtocolReader"/>, the one-pass way through <see cref="ProtocolReader.Read(Sanoo.Core.Definitions.Election,
/// ReadOnlyMemory{byte})"/> and through <see cref="ProtocolReader.Read(Sanoo.Core.Definitions.Election, JsonElement)"/> (over the
/// element's bytes): whatever the bytes, the result is the strict reader's, and a canonical protocol is read without a JSON document.
/// </summary>
public class PlainProtocolReaderTests
{
    private const string Good = ProtocolReaderTests.Good;

    private const string Image = """{"sha256": "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", "type": "image/png"}""";

    private static readonly Sanoo.Core.Definitions.Election Election = ProtocolReaderTests.Election;

    /// <summary>Protocols the plain reader takes and ones it leaves to the strict reader, each as its text.</summary>
    public static TheoryData<string> Variants()
    {
        string With(Action<JsonObject> change)
        {
            var node = JsonNode.Parse(Good)!.AsObject();
            change(node);
            return node.ToJsonString();
        }
        var good = Assert.IsType<ProtocolReadResult.Ok>(ProtocolReader.Read(Election, Encoding.UTF8.GetBytes(Good))).Protocol;
        return
        [
            Good,
            Encoding.UTF8.GetString(ProtocolWriter.Canonical(Election, good)),
            Encoding.UTF8.GetString(ProtocolWriter.Canonical(Election, good with
            {
                Version = 2,
                Correction = new("recount \"ordered\" by DEC 26", "dec-26"),
                Image = ProtocolImage.TryParse(new string('a', 64), "image/jpeg"),
            })),
            Good.Replace("\"s1\"", "\"s\\u0031\"", StringComparison.Ordinal).Replace("\"red\"", "\"r\\u0065d\"", StringComparison.Ordinal),
            With(p => { p["version"] = 2; p["correction"] = new JsonObject { ["reason"] = "recount", ["author"] = "dec-26" }; }),
            With(p => p["image"] = JsonNode.Parse(Image)),
            With(p => { var votes = p["votes"]!.DeepClone(); p.Remove("votes"); p.Insert(0, "votes", votes); }),
            With(p => p["correction"] = null),
            With(p => p["image"] = null),
            With(p => p["image"] = JsonNode.Parse(Image.Replace("image/png", "image/gif", StringComparison.Ordinal))),
            With(p => p["image"] = JsonNode.Parse(Image.Replace("\"00", "\"0G", StringComparison.Ordinal))),
            With(p => p["image"] = JsonNode.Parse("""{"sha256": "", "type": ""}""")),
            With(p => p["correction"] = JsonNode.Parse("""{"reason": "recount", "author": "dec-26", "when": "now"}""")),
            With(p => { p["version"] = 2; p["correction"] = JsonNode.Parse("""{"reason": "recount"}"""); }),
            With(p => { p["version"] = 2; p["correction"] = "recount"; }),
            With(p => p["version"] = 2),
            With(p => p["version"] = 0),
            With(p => p["version"] = "1"),
            With(p => p["version"] = 1.5),
            With(p => p["version"] = 3_000_000_000),
            With(p => p["election"] = "kg-2021"),
            With(p => p["election"] = "not an id"),
            With(p => p["station"] = "s99"),
            With(p => p["station"] = "east-1"),
            With(p => p["station"] = 7),
            With(p => p["contest"] = "nope"),
            With(p => p["source"] = "nope"),
            With(p => p.Remove("source")),
            With(p => p.Remove("lines")),
            With(p => p["signature"] = "abc"),
            With(p => p["votes"]!["red"] = -5),
            With(p => p["votes"]!["red"] = 2.5),
            With(p => p["votes"]!["red"] = "250"),
            With(p => p["votes"]!["red"] = null),
            With(p => p["lines"]!["valid"] = 3_000_000_000),
            With(p => p["lines"]!.AsObject().Remove("valid")),
            With(p => p["lines"]!["extra"] = 1),
            With(p => p["lines"] = new JsonArray()),
            Good.Replace("\"red\": 250", "\"red\": 250, \"red\": 1", StringComparison.Ordinal),
            Good.Replace("\"source\": \"hand\"", "\"source\": \"hand\", \"source\": \"hand\"", StringComparison.Ordinal),
            Good.Replace("\"red\": 250, \"blue\": 130", "\"blue\": 130, \"red\": 250", StringComparison.Ordinal), // out of sorted order
            "[]",
            "\"text\"",
        ];
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Reading_bytes_gives_what_the_strict_reader_gives(string json)
    {
        using var document = JsonDocument.Parse(json);
        SameAs(ProtocolReader.ReadStrictly(Election, document.RootElement), ProtocolReader.Read(Election, Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Reading_a_protocol_inside_a_request_body_gives_what_the_strict_reader_gives(string json)
    {
        // The protocol as POST /api/v1/protocols holds it: an element of the body's document, read the quick way over its bytes.
        using var body = JsonDocument.Parse($$"""{"submissions": [{"protocol": {{json}}, "signature": "AA=="}]}""");
        var element = body.RootElement.GetProperty("submissions")[0].GetProperty("protocol");
        SameAs(ProtocolReader.ReadStrictly(Election, element), ProtocolReader.Read(Election, element));
    }

    private static void SameAs(ProtocolReadResult strict, ProtocolReadResult read)
    {
        switch (strict)
        {
            case ProtocolReadResult.Ok { Protocol: var expected }:
                var actual = Assert.IsType<ProtocolReadResult.Ok>(read).Protocol;
                Assert.Equal(expected, actual);
                Assert.Equal(expected.Correction, actual.Correction);
                Assert.Equal(expected.Image, actual.Image);
                Assert.Equal(ProtocolWriter.Canonical(Election, expected), ProtocolWriter.Canonical(Election, actual));
                break;
            case ProtocolReadResult.Invalid { Problems: var expected }:
                Assert.Equal(
                    expected.Select(p => $"{p.Path}: {p.Message}"),
                    Assert.IsType<ProtocolReadResult.Invalid>(read).Problems.Select(p => $"{p.Path}: {p.Message}"));
                break;
        }
    }

    [Theory]
    [InlineData("{\"election\": \"tiny-2025\"")]
    [InlineData("{} {}")]
    [InlineData("")]
    public void Bytes_that_are_not_one_json_value_are_refused_as_before(string json) =>
        Assert.Contains(
            "not valid JSON",
            Assert.Single(Assert.IsType<ProtocolReadResult.Invalid>(ProtocolReader.Read(Election, Encoding.UTF8.GetBytes(json))).Problems).Message,
            StringComparison.Ordinal);

    [Fact]
    public void A_canonical_protocol_is_read_in_one_pass_without_a_json_document()
    {
        var good = Assert.IsType<ProtocolReadResult.Ok>(ProtocolReader.Read(Election, Encoding.UTF8.GetBytes(Good))).Protocol;
        var canonical = ProtocolWriter.Canonical(Election, good with { Image = ProtocolImage.TryParse(new string('b', 64), "image/png") });
        Assert.NotNull(PlainProtocolReader.TryRead(Election, canonical));
        long Allocated(Func<object> read)
        {
            read(); // warmed up
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 100; i++)
            {
                read();
            }
            return (GC.GetAllocatedBytesForCurrentThread() - before) / 100;
        }
        var plain = Allocated(() => ProtocolReader.Read(Election, canonical));
        using var document = JsonDocument.Parse(canonical);
        var strict = Allocated(() => ProtocolReader.ReadStrictly(Election, document.RootElement));
        var element = Allocated(() => ProtocolReader.Read(Election, document.RootElement));
        Assert.True(plain * 2 < strict, $"the bytes' reading allocated {plain} bytes, the strict reading {strict}");
        Assert.True(element * 2 < strict, $"the element's reading allocated {element} bytes, the strict reading {strict}");
    }
}
