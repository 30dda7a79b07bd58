using System.Text.Json;
using Sanoo.Core.Definitions;
using Sanoo.Testing;
using Sanoo.Web.Images;
using Sanoo.Web.Ingest;

namespace Sanoo.Web.Tests;

/// <summary>The definition's image rules: a source may require images and limit their size; the door checks it.</summary>
public class ImageRuleTests
{
    private const string Hand = """
        {"protocol": {"election": "tiny-2025", "station": "s1", "contest": "list", "source": "hand", "version": 1IMAGE,
         "lines": {"registered": 1000, "additional": 0, "issued": 420, "in_boxes": 418, "valid": 400, "invalid": 18},
         "votes": {"red": 250, "blue": 130, "against-all": 20}}}
        """;

    private const string Image =
        """, "image": {"sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "type": "image/jpeg"}""";

    private static Election Requiring(int maxBytes) => Assert.IsType<DefinitionResult.Loaded>(DefinitionJson.Load(DefinitionJson.With(root =>
    {
        var hand = root["sources"]![1]!.AsObject();
        hand["imagesRequired"] = true;
        hand["imageMaxBytes"] = maxBytes;
    }))).Election;

    private static List<Core.Json.JsonProblem> Problems(Election election, string json)
    {
        using var document = JsonDocument.Parse(json);
        return SubmissionParser.Parse(election, document.RootElement, 10).Problems;
    }

    [Fact]
    public void A_source_that_requires_images_refuses_a_protocol_without_one_and_takes_one_with_one_and_others_stay_optional()
    {
        var election = Requiring(2_000_000);
        Assert.True(election.Sources[1].ImagesRequired);
        Assert.Equal(2_000_000, election.Sources[1].ImageMaxBytes);
        Assert.False(election.Sources[0].ImagesRequired);
        Assert.Equal(10_485_760, election.Sources[0].ImageMaxBytes);
        Assert.Equal(10_485_760, ImageEndpoints.MaxBytes(election)); // the largest any source takes: uploads come before protocols

        var missing = Assert.Single(Problems(election, Hand.Replace("IMAGE", "", StringComparison.Ordinal)));
        Assert.Equal("$.protocol.image", missing.Path);
        Assert.Contains("every hand protocol names the image", missing.Message, StringComparison.Ordinal);
        Assert.Empty(Problems(election, Hand.Replace("IMAGE", Image, StringComparison.Ordinal)));
        Assert.Empty(Problems(DefinitionJson.LoadSmall(), Hand.Replace("IMAGE", "", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_image_size_limit_outside_1_kB_to_100_MB_makes_the_definition_unsound()
    {
        Assert.IsNotType<DefinitionResult.Loaded>(DefinitionJson.Load(DefinitionJson.With(root => root["sources"]![1]!["imageMaxBytes"] = 10)));
        Assert.IsType<DefinitionResult.Loaded>(DefinitionJson.Load(DefinitionJson.With(root => root["sources"]![1]!["imageMaxBytes"] = 1024)));
    }

    [Fact]
    public void A_published_folder_answers_an_image_address_with_its_file_and_nothing_else_under_images()
    {
        const string Hex = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        Assert.Equal($"api/v1/images/{Hex}", Site.PublishedApi.FileOf($"/api/v1/images/{Hex}"));
        Assert.Null(Site.PublishedApi.FileOf("/api/v1/images/../../etc/passwd"));
        Assert.Null(Site.PublishedApi.FileOf($"/api/v1/images/{Hex.ToUpperInvariant()}"));
        Assert.Null(Site.PublishedApi.FileOf($"/api/v1/images/{Hex[..63]}"));
    }
}
