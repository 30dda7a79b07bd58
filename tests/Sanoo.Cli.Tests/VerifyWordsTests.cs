using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sanoo.Cli.Commands;
using Sanoo.Web.Catalogs;

namespace Sanoo.Cli.Tests;

/// <summary>
/// The word catalogs are the process's own (<see cref="WordCatalogs"/>): the tests that put others in force run alone, after the rest,
/// and put the built-in words back.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WordCatalogsInForce : ICollectionFixture<Kg2021Files>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "word catalogs in force";
}

/// <summary>
/// <c>sanoo verify --words FOLDER</c>: a site published with a folder of word catalogs (<c>sanoo publish --words</c>) is verified with
/// the same folder; without it every page of the language it words differs, and the verifier names the words as the likely cause in
/// one line rather than a difference per page.
/// </summary>
[Collection(WordCatalogsInForce.Name)]
public sealed class VerifyWordsTests(Kg2021Files files)
{
    private const string Language = "ky";

    [Fact]
    public void A_site_published_with_a_words_folder_verifies_with_it_and_without_it_the_words_are_named()
    {
        var folder = Directory.CreateTempSubdirectory("sanoo-verify-words-").FullName;
        var (words, builtIn) = (Path.Combine(folder, "words"), Path.Combine(folder, "built-in"));
        try
        {
            // The Kyrgyz words as built in, but for the heading of the pages' downloads.
            var catalog = JsonNode.Parse(BuiltInCatalog())!;
            Assert.NotEqual("Жүктөп алуу", catalog["Words"]!["Download"]!.ToString());
            catalog["Words"]!["Download"] = "Жүктөп алуу";
            Directory.CreateDirectory(words);
            File.WriteAllText(Path.Combine(words, $"{Language}.json"), catalog.ToJsonString());
            Directory.CreateDirectory(builtIn);
            File.WriteAllText(Path.Combine(builtIn, $"{Language}.json"), BuiltInCatalog());
            var copy = PublishedHandCopy.Make(files, folder, "--no-compressed-copies", "--words", words);
            Assert.Contains("Жүктөп алуу", File.ReadAllText(Path.Combine(copy.Site, Language, "index.html")), StringComparison.Ordinal);

            var (code, report) = copy.Verify("--words", words);
            Assert.True(code == 0, report);

            // An observer without the folder: the built-in words.
            WordCatalogs.AddFolder(builtIn);
            var (without, complaint) = copy.Verify();

            Assert.True(without == VerifyCommand.Mismatch, complaint);
            var said = complaint.ReplaceLineEndings("");
            Assert.Contains($"/{Language}/: every one of the ", said, StringComparison.Ordinal);
            Assert.Contains("the site was likely published with a word catalog (sanoo publish --words FOLDER), to be verified with the same "
                + "folder (sanoo verify --words FOLDER). The first: ", said, StringComparison.Ordinal);
            // One line for the language's pages, not one a page; the other languages' pages are the verifier's own.
            Assert.Single(Regex.Matches(said, "html: the page shows "));
        }
        finally
        {
            if (File.Exists(Path.Combine(builtIn, $"{Language}.json")))
            {
                WordCatalogs.AddFolder(builtIn);
            }
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The Kyrgyz catalog built into Sanoo, as its text.</summary>
    private static string BuiltInCatalog()
    {
        using var stream = typeof(WordCatalogs).Assembly.GetManifestResourceStream($"Sanoo.Web.Catalogs.{Language}.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
