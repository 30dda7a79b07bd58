using System.Net;
using System.Text.Json.Nodes;
using Sanoo.Testing;
using Sanoo.Web.Catalogs;
using Sanoo.Web.Site;

namespace Sanoo.Web.Tests;

/// <summary>
/// The site's words come from one catalog per language: every catalog has every word of every other, each binds to its record,
/// and a catalog an operator drops in a folder adds a language with no code.
/// </summary>
public sealed class WordCatalogTests
{
    private static readonly string[] BuiltIn = ["en", "ky", "ru"];

    private static string CatalogFile(string language) => Path.Combine(SharedData.RepositoryRoot, "src", "Sanoo.Web", "Catalogs", language + ".json");

    private static JsonObject Read(string language) => JsonNode.Parse(File.ReadAllText(CatalogFile(language)))!.AsObject();

    [Fact]
    public void Sanoo_has_catalogs_for_english_russian_and_kyrgyz_and_they_are_the_files_in_the_repository()
    {
        Assert.Superset(BuiltIn.ToHashSet(), WordCatalogs.Languages.ToHashSet());
        foreach (var language in BuiltIn)
        {
            var catalog = WordCatalog.Parse(language, CatalogFile(language), File.ReadAllText(CatalogFile(language)));
            Assert.Equal(catalog.Sections.Keys.Order(), WordCatalogs.Catalog(language)!.Sections.Keys.Order());
            WordCatalogs.Check(catalog);
        }
    }

    [Fact]
    public void Every_catalog_has_exactly_the_words_of_every_other()
    {
        var keys = BuiltIn.ToDictionary(l => l, l => Read(l).SelectMany(s => s.Value!.AsObject().Select(w => $"{s.Key}.{w.Key}")).ToHashSet());
        foreach (var (language, words) in keys)
        {
            foreach (var (other, otherWords) in keys)
            {
                var missing = otherWords.Except(words).Order().ToList();
                Assert.True(missing.Count == 0, $"{language}.json lacks what {other}.json has: {string.Join(", ", missing)}");
            }
        }
    }

    [Fact]
    public void Every_section_is_a_record_and_every_word_a_parameter_of_it()
    {
        foreach (var language in BuiltIn)
        {
            var catalog = Read(language);
            Assert.Equal(WordCatalogs.Records.Select(r => r.Name).Order(), catalog.Select(s => s.Key).Order());
            foreach (var record in WordCatalogs.Records)
            {
                Assert.Equal(WordCatalog.Parameters(record).Order(), catalog[record.Name]!.AsObject().Select(w => w.Key).Order());
            }
        }
    }

    [Fact]
    public void Each_record_binds_its_words_in_each_language()
    {
        foreach (var language in BuiltIn)
        {
            var json = Read(language);
            Assert.Equal(json["Words"]!["PageNotFound"]!.GetValue<string>(), Words.For(language).PageNotFound);
            Assert.Equal(json["FoldWords"]!["Leading"]!.GetValue<string>(), FoldWords.For(language).Leading);
            Assert.Equal(json["ForensicsWords"]!["ReasonNames"]!.AsArray().Select(n => n!.GetValue<string>()),
                Forensics.ForensicsWords.For(language).ReasonNames);
            Assert.Equal(language, SeatWording.SeatPhrases.For(language).Code);
        }
        Assert.Equal("Кыргызча", Words.For("ky").LanguageName);
        Assert.Equal("1\u00a0234,50", SeatWording.SeatPhrases.For("ru").Decimal(1234.5m, 2));
        Assert.Equal("1,234.50", SeatWording.SeatPhrases.For("en").Decimal(1234.5m, 2));
    }

    [Theory]
    [InlineData("drop", "Words", "Turnout", "lacks \"Turnout\"")]
    [InlineData("add", "FoldWords", "Leadin", "has \"Leadin\", a word FoldWords does not have")]
    [InlineData("drop-section", "MapWords", null, "section \"MapWords\" is missing")]
    [InlineData("add-section", "OverTimeWords", null, "section \"OverTimeWords\" words no record")]
    [InlineData("number", "Words", "Turnout", "\"Turnout\" is not a string")]
    public void A_catalog_that_lacks_a_word_or_has_a_stray_one_fails_naming_the_file_section_and_key(
        string change, string section, string? key, string message)
    {
        var catalog = Read("ru");
        switch (change)
        {
            case "drop": catalog[section]!.AsObject().Remove(key!); break;
            case "add": catalog[section]![key!] = "слово"; break;
            case "drop-section": catalog.Remove(section); break;
            case "add-section": catalog[section] = new JsonObject { ["Title"] = "Заголовок" }; break;
            default: catalog[section]![key!] = 5; break;
        }
        var folder = Directory.CreateTempSubdirectory("sanoo-words-").FullName;
        try
        {
            var file = Path.Combine(folder, "tt.json");
            File.WriteAllText(file, catalog.ToJsonString());
            var error = Assert.Throws<WordCatalogException>(() => WordCatalogs.AddFolder(folder));
            Assert.Contains(file, error.Message, StringComparison.Ordinal);
            Assert.Contains(message, error.Message, StringComparison.Ordinal);
            if (change is "drop" or "add" or "number")
            {
                Assert.Contains($"section \"{section}\"", error.Message, StringComparison.Ordinal);
            }
            Assert.Null(WordCatalogs.Catalog("tt"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_new_language_is_a_catalog_in_a_folder_and_its_words_appear_on_the_pages_of_an_election_in_it()
    {
        var kazakh = Read("en");
        kazakh["Words"]!["LanguageName"] = "Қазақша";
        kazakh["Words"]!["SkipToContent"] = "Нәтижелерге өту";
        kazakh["Words"]!["PageNotFound"] = "Бет табылмады";
        kazakh["Words"]!["Stations"] = "Сайлау учаскелері";
        var folder = Directory.CreateTempSubdirectory("sanoo-words-").FullName;
        File.WriteAllText(Path.Combine(folder, "kk.json"), kazakh.ToJsonString());
        var definition = DefinitionJson.With(d =>
        {
            d["languages"] = new JsonArray("kk", "uz", "en");
            d["name"]!["kk"] = "Шағын сайлау";
        });
        await using var server = await LoopbackServer.StartAsync(definition, _ => Task.CompletedTask, folder);
        try
        {
            var home = await server.Client.GetStringAsync("/kk/area/east-1/");
            Assert.Contains("<html lang=\"kk\">", home, StringComparison.Ordinal);
            Assert.Contains("Нәтижелерге өту", home, StringComparison.Ordinal);
            Assert.Contains("Сайлау учаскелері", home, StringComparison.Ordinal);
            Assert.Contains("Шағын сайлау", home, StringComparison.Ordinal);
            Assert.Contains(">Қазақша</a>", home, StringComparison.Ordinal);
            Assert.DoesNotContain(Words.For("en").SkipToContent, home, StringComparison.Ordinal);

            var missing = await server.Client.GetAsync("/kk/no-such-page");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Contains("<h1>Бет табылмады</h1>", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            // Uzbek has no catalog: its pages are worded in English and say so in lang, and its link is named by its code.
            var uzbek = await server.Client.GetStringAsync("/uz/area/east-1/");
            Assert.Contains("<html lang=\"en\">", uzbek, StringComparison.Ordinal);
            Assert.Contains(Words.For("en").SkipToContent, uzbek, StringComparison.Ordinal);
            Assert.Contains(" lang=\"uz\" hreflang=\"uz\">uz</a>", home, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
