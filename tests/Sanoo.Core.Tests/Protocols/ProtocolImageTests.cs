using System.Security.Cryptography;
using System.Text;
using Sanoo.Core.Json;
using Sanoo.Core.Protocols;
using Sanoo.Testing;

namespace Sanoo.Core.Tests.Protocols;

/// <summary>
/// The image reference is part of the signed bytes when there is one, and absent when there is none, so every protocol
/// signed before images existed keeps its bytes, its hash and its signature.
/// </summary>
public class ProtocolImageTests
{
    private static readonly Sanoo.Core.Definitions.Election Election = DefinitionJson.LoadSmall();

    private const string Hex = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private const string WithoutImage = """
        {"election": "tiny-2025", "station": "s1", "contest": "list", "source": "hand", "version": 2,
         "lines": {"registered": 1000, "additional": 0, "issued": 420, "in_boxes": 418, "valid": 400, "invalid": 18},
         "votes": {"red": 250, "blue": 130, "against-all": 20},
         "correction": {"reason": "Кайра саналды: 2 бюллетень <жараксыз> + 1", "author": "УИК №1"}}
        """;

    private static ProtocolReadResult Read(string json) => ProtocolReader.Read(Election, Encoding.UTF8.GetBytes(json));

    private static string WithImage(string image) =>
        WithoutImage.Replace("\"version\": 2,", $"\"version\": 2, \"image\": {image},", StringComparison.Ordinal);

    [Fact]
    public void A_protocol_without_an_image_keeps_the_bytes_and_hash_it_was_signed_with_before_images_existed()
    {
        var ok = Assert.IsType<ProtocolReadResult.Ok>(Read(WithoutImage));
        Assert.Null(ok.Protocol.Image);
        var bytes = ProtocolWriter.Canonical(Election, ok.Protocol);
        Assert.DoesNotContain("image", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        // The hash docs/api.md has published since before images: a device's old signature over these bytes still verifies.
        Assert.Equal("041af5c92995e9ce42a1d7548aa23e60a08186c6f9508af49896ac4722da7398", Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Null(ProtocolImage.InCanonical(bytes));
    }

    [Fact]
    public void An_image_reference_is_signed_in_the_RFC_8785_form_between_election_and_lines_and_read_back_from_a_log_entry()
    {
        var json = WithImage($$"""{"type": "image/png", "sha256": "{{Hex}}"}""");
        var ok = Assert.IsType<ProtocolReadResult.Ok>(Read(json));
        Assert.Equal(Hex, ok.Protocol.Image!.Hex);
        Assert.Equal("image/png", ok.Protocol.Image.MediaType);
        var bytes = ProtocolWriter.Canonical(Election, ok.Protocol);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Equal(Encoding.UTF8.GetString(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(json))), text);
        Assert.Contains($$"""
            "election":"tiny-2025","image":{"sha256":"{{Hex}}","type":"image/png"},"lines":
            """, text, StringComparison.Ordinal);
        Assert.Equal(ok.Protocol.Image, ProtocolImage.InCanonical(bytes));
        var other = ok.Protocol with { Image = new ProtocolImage([.. new byte[32]], "image/png") };
        Assert.NotEqual(ok.Protocol, other);
        Assert.NotEqual(bytes, ProtocolWriter.Canonical(Election, other));
    }

    [Theory]
    [InlineData("""{"sha256": "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08", "type": "image/png"}""", "$.image.sha256")]
    [InlineData("""{"sha256": "9f86d0", "type": "image/png"}""", "$.image.sha256")]
    [InlineData("""{"sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "type": "image/gif"}""", "$.image.type")]
    [InlineData("""{"sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}""", "$.image.type")]
    [InlineData("""{"sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "type": "image/png", "gps": 1}""",
        "$.image.gps")]
    public void A_malformed_image_reference_makes_the_protocol_unreadable_naming_the_field(string image, string path)
    {
        var invalid = Assert.IsType<ProtocolReadResult.Invalid>(Read(WithImage(image)));
        Assert.Contains(invalid.Problems, p => p.Path == path);
    }
}
