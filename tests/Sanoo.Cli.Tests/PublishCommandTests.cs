using System.Text.Json;
using Sanoo.Cli.Commands;

namespace Sanoo.Cli.Tests;

/// <summary><c>sanoo publish</c> writes the whole results site of a store as static files.</summary>
public sealed class PublishCommandTests(Kg2021Files files) : IClassFixture<Kg2021Files>
{
    [Fact]
    public void Publish_writes_every_page_in_every_language_with_its_open_data_and_leaves_other_files_alone()
    {
        var folder = Directory.CreateTempSubdirectory("sanoo-publish-").FullName;
        try
        {
            var site = Path.Combine(folder, "site");
            Directory.CreateDirectory(site);
            File.WriteAllText(Path.Combine(site, "stale.html"), "from an earlier snapshot");

            var copy = PublishedHandCopy.Make(files, folder);

            Assert.Equal(site, copy.Site);
            Assert.Contains("7,623 pages", copy.Output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(site, "stale.html")), "a file publish did not write is left alone");
            Assert.DoesNotContain(Directory.GetDirectories(folder), d => Path.GetFileName(d).StartsWith("site.", StringComparison.Ordinal));
            foreach (var language in new[] { "ky", "ru", "en" })
            {
                foreach (var page in new[] { "", "area/bishkek/", "area/d27/", "station/s0001/" })
                {
                    foreach (var file in new[] { "index.html", "data.csv", "data.json" })
                    {
                        Assert.True(File.Exists(Path.Combine(site, language, page, file)), $"{language}/{page}{file}");
                    }
                }
            }
            // A station's data files, the same bytes in every language, are stored once: the other languages link to the first's.
            // Their compressed copies too, where the file is large enough to have them.
            string Station(string language, string file) => Path.Combine(site, language, "station", "s0001", file);
            var copied = new[] { "data.csv", "data.json" }
                .Where(f => new FileInfo(Station("ky", f)).Length >= Web.Publishing.PublishedFolder.MinCopyBytes).ToList();
            foreach (var file in new[] { "data.csv", "data.json" }.Except(copied))
            {
                Assert.False(File.Exists(Station("ky", file + ".gz")) || File.Exists(Station("ru", file + ".br")), file);
            }
            foreach (var file in new[] { "data.csv", "data.json" }.Concat(copied.SelectMany(f => new[] { f + ".gz", f + ".br" })))
            {
                var linked = new FileInfo(Path.Combine(site, "ru", "station", "s0001", file));
                Assert.Equal(Path.Combine("..", "..", "..", "ky", "station", "s0001", file), linked.LinkTarget);
                Assert.Equal(
                    File.ReadAllBytes(Path.Combine(site, "ky", "station", "s0001", file)),
                    File.ReadAllBytes(Path.Combine(site, "en", "station", "s0001", file)));
            }
            foreach (var reports in new[] { "ky/reports", "ru/area/bishkek/reports", "en/area/d27/reports" })
            {
                Assert.Contains("data-count=\"open\"", File.ReadAllText(Path.Combine(site, reports, "index.html")), StringComparison.Ordinal);
            }
            var national = File.ReadAllText(Path.Combine(site, "en", "index.html"));
            Assert.Contains("Official results: the hand count is complete.", national, StringComparison.Ordinal);
            Assert.Contains("1,293,946", national, StringComparison.Ordinal);
            Assert.Contains("<html lang=\"en\">", national, StringComparison.Ordinal);
            var snapshot = JsonDocument.Parse(File.ReadAllText(Path.Combine(site, "snapshot.json"))).RootElement;
            Assert.Equal(File.ReadLines(files.Hand).Count(), snapshot.GetProperty("snapshot").GetInt64());
            Assert.Equal(File.ReadLines(files.Hand).Count() + 1, File.ReadLines(Path.Combine(site, "data", "protocols.csv")).Count());
            var csv = File.ReadAllLines(Path.Combine(site, "en", "data.csv"));
            var atajurt = csv.Single(l => l.StartsWith("kg,", StringComparison.Ordinal)
                && l.Contains(",hand,", StringComparison.Ordinal)
                && l.Contains(",p21,", StringComparison.Ordinal));
            Assert.Contains(",1293946,1173710,p21,", atajurt, StringComparison.Ordinal);

            // The copy verifies on its own, offline; a changed total or a changed protocol in it does not.
            var (verified, report) = copy.Verify();
            Assert.True(verified == 0, report);
            Assert.Contains("VERIFIED", report, StringComparison.Ordinal);
            // Changes FILE's text as TAMPER says, then requires sanoo verify to fail naming EXPECTED, and puts the file back.
            void Caught(string file, Func<string, string> tamper, string expected)
            {
                var text = File.ReadAllText(file);
                File.WriteAllText(file, tamper(text));
                var (code, complaint) = copy.Verify();
                Assert.Equal(VerifyCommand.Mismatch, code);
                Assert.Contains(expected, complaint.ReplaceLineEndings(""), StringComparison.Ordinal);
                File.WriteAllText(file, text);
            }

            var results = Path.Combine(site, "api", "v1", "results", "list", "hand", "bishkek.json");
            var bishkek = JsonDocument.Parse(File.ReadAllText(results)).RootElement.GetProperty("choices")[0].GetProperty("votes").GetInt64();
            Caught(
                results,
                text => text.Replace($"\"votes\":{bishkek},", $"\"votes\":{bishkek + 500},", StringComparison.Ordinal),
                $"list/hand/bishkek: p01 is published with {bishkek + 500:N0} votes, but the station protocols add up to {bishkek:N0}");

            // The per-area summaries an area lists (its children here) are re-added too, not only the area's own total.
            var nationFile = Path.Combine(site, "api", "v1", "results", "list", "hand", "kg.json");
            var child = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(nationFile))!["children"]![0]!;
            var childVotes = child["votes"]![0]!.GetValue<long>();
            Caught(
                nationFile,
                text =>
                {
                    var nation = System.Text.Json.Nodes.JsonNode.Parse(text)!;
                    nation["children"]![0]!["votes"]![0] = childVotes + 500;
                    return nation.ToJsonString();
                },
                $"list/hand/kg, its listed area {child["id"]}: p01 is published with {childVotes + 500:N0} votes");

            // The count through the night is recomputed from the entries' received times: a point made to look otherwise is caught.
            var progressFile = Path.Combine(site, "api", "v1", "progress", "list", "kg.json");
            Caught(
                progressFile,
                text =>
                {
                    var progress = System.Text.Json.Nodes.JsonNode.Parse(text)!;
                    var points = progress["sources"]!.AsArray().Single(s => (string?)s!["source"] == "hand")!["points"]!.AsArray();
                    Assert.Equal(1293946, points[^1]!["participation"]!.GetValue<long>());
                    points[0]!["reporting"] = points[0]!["reporting"]!.GetValue<int>() + 1;
                    return progress.ToJsonString();
                },
                "progress list/hand/kg: the point at ");

            // The keys the copy lists as current are held to those the register made current: a key no record enrolled is named.
            var planted = Convert.ToBase64String(new byte[32]);
            Caught(
                Path.Combine(site, "api", "v1", "keys.json"),
                text =>
                {
                    var keys = System.Text.Json.Nodes.JsonNode.Parse(text)!;
                    keys["devices"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject { ["station"] = "s0001", ["publicKey"] = planted });
                    return keys.ToJsonString();
                },
                $"/api/v1/keys lists {planted} as station s0001's device key; the register makes it none");
            var entriesPage = Path.Combine(site, "api", "v1", "entries", "0.json");
            var entries = File.ReadAllText(entriesPage);
            var canonical = JsonDocument.Parse(entries).RootElement.GetProperty("entries")[3].GetProperty("canonical").GetString()!;
            var forged = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(
                System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(canonical))
                    .Replace("\"valid\":", "\"valid\":1", StringComparison.Ordinal)));
            File.WriteAllText(entriesPage, entries.Replace(canonical, forged, StringComparison.Ordinal));
            var (forgedCode, forgedReport) = copy.Verify();
            Assert.True(forgedCode == VerifyCommand.Mismatch, forgedReport);
            Assert.Contains("NOT VERIFIED", forgedReport, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Publish_from_an_empty_store_says_what_is_missing()
    {
        var (code, output) = CliRun.Sanoo(
            "publish",
            "--db",
            "sqlite:" + Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}", "x.db"),
            "--out",
            Path.Combine(Path.GetTempPath(), "never-written"));
        Assert.NotEqual(0, code);
        Assert.False(Directory.Exists(Path.Combine(Path.GetTempPath(), "never-written")));
        Assert.False(string.IsNullOrWhiteSpace(output));
    }
}
