using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sanoo.Cli.Commands;
using Sanoo.Core.Register;
using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Storage;
using Sanoo.Storage.Access;
using Sanoo.Testing;
using Sanoo.Web;
using Sanoo.Web.Catalogs;
using Sanoo.Web.Publishing;

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
/// The site's word catalogs are in the register (<see cref="WordCatalogRecord"/>): a site published or served with <c>--words FOLDER</c>
/// records the folder's catalogs once, and <c>sanoo verify</c> renders its pages with the register's words without being handed the
/// folder. Pages worded with a catalog the register does not hold do not verify, named by language; <c>sanoo verify --words</c> still
/// verifies a site published before the catalogs were recorded, saying that the register does not vouch for those words.
/// </summary>
[Collection(WordCatalogsInForce.Name)]
public sealed class VerifyWordsTests(Kg2021Files files)
{
    private const string Language = "ky";

    private const string Reworded = "Жүктөп алуу";

    [Fact]
    public async Task A_site_published_with_a_words_folder_records_it_once_and_verifies_without_it()
    {
        var folder = Directory.CreateTempSubdirectory("sanoo-verify-words-").FullName;
        var (words, builtIn) = Folders(folder);
        try
        {
            var copy = PublishedHandCopy.Make(files, folder, "--no-compressed-copies", "--words", words);
            Assert.Contains("Recorded in the register: ky (record ", copy.Output.ReplaceLineEndings(""), StringComparison.Ordinal);
            Assert.Contains(Reworded, File.ReadAllText(Path.Combine(copy.Site, Language, "index.html")), StringComparison.Ordinal);
            var record = Assert.Single(await CatalogRecordsAsync(folder));
            Assert.Equal((Language, File.ReadAllText(Path.Combine(words, $"{Language}.json"))), (record.Language, record.Catalog));

            // An observer's own process: the built-in words in force, and no folder given.
            WordCatalogs.AddFolder(builtIn);
            var (code, report) = copy.Verify();

            Assert.True(code == 0, report);
            Assert.Contains($"word catalogs: 1 recorded; in force: ky (record {record.Sequence}, SHA-256 {record.CatalogSha256[..16]}",
                report.ReplaceLineEndings(""), StringComparison.Ordinal);

            // An observer's folder of other words: the register's win, and the difference is named.
            WordCatalogs.AddFolder(builtIn);
            var (withOther, noted) = copy.Verify("--words", builtIn);
            Assert.True(withOther == 0, noted);
            Assert.Contains($"is not the word catalog register record {record.Sequence} holds for ky: the register's wins",
                noted.ReplaceLineEndings(""), StringComparison.Ordinal);

            // The same folder again (a restart, a refresh) records nothing.
            var (again, output) = CliRun.Sanoo(
                "publish", "--db", "sqlite:" + Path.Combine(folder, "sanoo.db"), "--out", Path.Combine(folder, "again"),
                "--no-compressed-copies", "--words", words);
            Assert.True(again == 0, output);
            Assert.DoesNotContain("Recorded in the register", output, StringComparison.Ordinal);
            Assert.Contains($"Words in force from the register: ky (record {record.Sequence},", output.ReplaceLineEndings(""),
                StringComparison.Ordinal);
            Assert.Single(await CatalogRecordsAsync(folder));
        }
        finally
        {
            Restore(folder, builtIn);
        }
    }

    [Fact]
    public void Pages_worded_with_a_catalog_the_register_does_not_hold_do_not_verify_and_the_language_is_named()
    {
        var folder = Directory.CreateTempSubdirectory("sanoo-verify-words-").FullName;
        var (words, builtIn) = Folders(folder);
        try
        {
            // A publish whose words were put in force without being recorded: an insider's, or a site published before Sanoo recorded
            // its catalogs.
            WordCatalogs.AddFolder(words);
            var copy = PublishedHandCopy.Make(files, folder, "--no-compressed-copies");
            Assert.Contains(Reworded, File.ReadAllText(Path.Combine(copy.Site, Language, "index.html")), StringComparison.Ordinal);
            WordCatalogs.AddFolder(builtIn);

            var (code, complaint) = copy.Verify();

            Assert.True(code == VerifyCommand.Mismatch, complaint);
            var said = complaint.ReplaceLineEndings("");
            Assert.Contains($"/{Language}/: every one of the ", said, StringComparison.Ordinal);
            Assert.Contains("differs from the page the verifier renders with the words in force for ky (", said, StringComparison.Ordinal);
            Assert.Contains("): the site's ky pages are worded with words the register does not hold", said, StringComparison.Ordinal);
            // One line for the language's pages, not one a page; the other languages' pages are the verifier's own.
            Assert.Single(Regex.Matches(said, "html: the page shows "));

            // A site published before the catalogs were recorded: verified with its folder, which the register is said not to vouch for.
            var (old, report) = copy.Verify("--words", words);
            Assert.True(old == 0, report);
            Assert.Contains("NOTE: the words for ky are the observer's (--words ", report.ReplaceLineEndings(""), StringComparison.Ordinal);
        }
        finally
        {
            Restore(folder, builtIn);
        }
    }

    [Fact]
    public async Task A_server_records_its_words_folder_once_across_restarts_and_a_page_worded_otherwise_does_not_verify()
    {
        var folder = Directory.CreateTempSubdirectory("sanoo-serve-words-").FullName;
        var (words, builtIn) = Folders(folder);
        var db = Path.Combine(folder, "store.db");
        var sample = Kg2021Generator.Generate();
        var commission = CommissionKey.Ephemeral();
        var options = new ServerOptions { Urls = "http://127.0.0.1:0", PublishInterval = TimeSpan.FromMilliseconds(50), WordsFolder = words };
        try
        {
            var (log, app) = await TamperDrill.StartAsync(db, sample.DefinitionJson, options, commission);
            var recorded = await log.WordCatalogsAsync();
            var size = log.RegisterSize;
            await log.Store.AddOperatorAsync(new Operator("ann", OperatorRole.Admin, null, SHA256.HashData("ann"u8)));
            var list = sample.Hand.Where(p => p.Contest.Value == "list").Take(40).ToList();
            await log.SubmitAsync([.. list.Select(p => new Submission(p.Checked(sample.Election), new Sender.Operator("ann")))]);
            await TamperDrill.StopAsync(log, app);
            var record = Assert.Single(recorded).Value;
            Assert.Equal(Language, record.Language);

            (log, app) = await TamperDrill.StartAsync(db, null, options, commission);
            try
            {
                Assert.Equal(record, Assert.Single(await log.WordCatalogsAsync()).Value);
                Assert.Equal(size + 1, log.RegisterSize); // the operator enrolled, and no catalog again
                Assert.Single(await log.RegisterOfKindAsync(WordCatalogRecord.Word));
                await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                    .GetRequiredService<SnapshotPublisher>(app.Services).ActedAsync();

                // The server's Kyrgyz front page, as an insider's server words it: not with the catalog the register holds.
                await using var front = await TamperDrill.AlteringTextFrontAsync(
                    app.Urls.First(), $"/{Language}/index.html", page => page.Replace(Reworded, "Жүктөө", StringComparison.Ordinal));
                var (code, complaint) = CliRun.Sanoo(
                    "verify", "--url", front.Urls.First(), "--commission-key", Convert.ToBase64String(commission.PublicKey),
                    "--state", Path.Combine(folder, "state.json"), "--pages", "all");

                Assert.True(code == VerifyCommand.Mismatch, complaint);
                var said = complaint.ReplaceLineEndings("");
                Assert.Contains($"/{Language}/index.html: the page shows ", said, StringComparison.Ordinal);
                Assert.Contains($"word catalogs: 1 recorded; in force: ky (record {record.Sequence}", said, StringComparison.Ordinal);
            }
            finally
            {
                await TamperDrill.StopAsync(log, app);
            }
        }
        finally
        {
            Restore(folder, builtIn);
        }
    }

    /// <summary>The test's folder of words (the Kyrgyz words as built in, but for the heading of the pages' downloads) and of the
    /// built-in Kyrgyz words.</summary>
    private static (string Words, string BuiltIn) Folders(string folder)
    {
        var (words, builtIn) = (Path.Combine(folder, "words"), Path.Combine(folder, "built-in"));
        var catalog = JsonNode.Parse(BuiltInCatalog())!;
        Assert.NotEqual(Reworded, catalog["Words"]!["Download"]!.ToString());
        catalog["Words"]!["Download"] = Reworded;
        Directory.CreateDirectory(words);
        File.WriteAllText(Path.Combine(words, $"{Language}.json"), catalog.ToJsonString());
        Directory.CreateDirectory(builtIn);
        File.WriteAllText(Path.Combine(builtIn, $"{Language}.json"), BuiltInCatalog());
        return (words, builtIn);
    }

    /// <summary>Puts the built-in words back in force and removes the test's folder.</summary>
    private static void Restore(string folder, string builtIn)
    {
        if (File.Exists(Path.Combine(builtIn, $"{Language}.json")))
        {
            WordCatalogs.AddFolder(builtIn);
        }
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The word catalogs the register of the test's published store holds, in order.</summary>
    private static async Task<IReadOnlyList<WordCatalogRecord>> CatalogRecordsAsync(string folder)
    {
        await using var store = await StoreAddress.OpenAsync("sqlite:" + Path.Combine(folder, "sanoo.db"));
        return [.. (await store.ReadRegisterOfKindAsync(WordCatalogRecord.Word))
            .Select(row => (WordCatalogRecord)RegisterRecord.Decode(row.Record.AsSpan()))];
    }

    /// <summary>The Kyrgyz catalog built into Sanoo, as its text.</summary>
    private static string BuiltInCatalog()
    {
        using var stream = typeof(WordCatalogs).Assembly.GetManifestResourceStream($"Sanoo.Web.Catalogs.{Language}.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
