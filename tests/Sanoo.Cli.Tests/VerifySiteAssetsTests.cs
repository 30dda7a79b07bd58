using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Sanoo.Cli.Commands;
using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Storage.Access;
using Sanoo.Testing;
using Sanoo.Web.Publishing;

namespace Sanoo.Cli.Tests;

/// <summary>
/// The files every page loads (the style sheet, the site's script, the pages' own check) are pinned by the pages and held by the
/// verifier: each page names each file by its Subresource Integrity digest, so a reader's browser runs no other bytes, and
/// <c>sanoo verify</c> names a doctored file or compressed copy of one, in a published folder and on a live server. A script that
/// rewrites the figures a page shows, or a check that always says "ok", is otherwise a way around every byte of the page held.
/// </summary>
public sealed partial class VerifySiteAssetsTests(Kg2021Files files) : IClassFixture<Kg2021Files>
{
    private const string Injected = "\ndocument.querySelectorAll('[data-votes]').forEach(function (c) { c.textContent = '999,999'; });";

    [Fact]
    public void A_published_folders_pages_pin_the_files_they_load_and_a_doctored_script_or_copy_of_one_does_not_verify()
    {
        var folder = Directory.CreateTempSubdirectory("sanoo-assets-").FullName;
        try
        {
            var copy = PublishedHandCopy.Make(files, folder);
            var site = copy.Site;
            var page = File.ReadAllText(Path.Combine(site, "en", "area", "d01", "index.html"));
            foreach (var (file, pattern) in new[] { ("site.css", Stylesheet()), ("site.js", Script()), ("check.js", CheckScript()) })
            {
                var named = pattern.Match(page);
                Assert.True(named.Success, $"{file} is not named with its digest: {page}");
                var digest = "sha256-" + Convert.ToBase64String(SHA256.HashData(File.ReadAllBytes(Path.Combine(site, file))));
                Assert.Equal(digest, System.Net.WebUtility.HtmlDecode(named.Groups[1].Value));
            }
            var (honest, report) = copy.Verify();
            Assert.True(honest == 0, report);

            // The site's script rewrites every figure shown; the check's gzip copy (what nginx's gzip_static sends) answers "ok".
            File.AppendAllText(Path.Combine(site, "site.js"), Injected);
            var check = Path.Combine(site, "check.js");
            using (var gzip = File.Create(check + ".gz"))
            using (var zip = new GZipStream(gzip, CompressionLevel.Fastest))
            {
                zip.Write(Encoding.UTF8.GetBytes("window.sanooCheck=function(b){b.setAttribute('data-verify-state','ok');};"));
            }

            var (code, complaint) = copy.Verify();

            Assert.True(code == VerifyCommand.Mismatch, complaint);
            var said = complaint.ReplaceLineEndings("");
            Assert.Contains("/site.js: is not the site's own file: the pages load it only as sha256-", said, StringComparison.Ordinal);
            Assert.Contains("so a browser refuses it", said, StringComparison.Ordinal);
            Assert.Contains("/check.js.gz does not decompress to the bytes of /check.js", said, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_live_servers_doctored_script_does_not_verify()
    {
        var folder = Directory.CreateTempSubdirectory("sanoo-assets-live-").FullName;
        try
        {
            var sample = Kg2021Generator.Generate();
            var commission = CommissionKey.Ephemeral();
            var (code, complaint) = await TamperDrill.VerifiedAsync(folder, sample.DefinitionJson, commission, async log =>
            {
                await log.Store.AddOperatorAsync(new Operator("ann", OperatorRole.Admin, null, SHA256.HashData("ann"u8)));
                var list = sample.Hand.Where(p => p.Contest.Value == "list").Take(40).ToList();
                await log.SubmitAsync([.. list.Select(p => new Submission(p.Checked(sample.Election), new Sender.Operator("ann")))]);
            }, alterText: ("/site.js", script => script + Injected));

            Assert.True(code == VerifyCommand.Mismatch, complaint);
            Assert.Contains("/site.js: is not the site's own file", complaint.ReplaceLineEndings(""), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"/site\\.css\\?v=[0-9a-f]+\" integrity=\"([^\"]+)\"")]
    private static partial Regex Stylesheet();

    [GeneratedRegex("<script src=\"/site\\.js\\?v=[0-9a-f]+\"\\s*integrity=\"([^\"]+)\" defer>")]
    private static partial Regex Script();

    [GeneratedRegex("data-script=\"[./]*check\\.js\\?v=[0-9a-f]+\"\\s*data-sri=\"([^\"]+)\"")]
    private static partial Regex CheckScript();
}
