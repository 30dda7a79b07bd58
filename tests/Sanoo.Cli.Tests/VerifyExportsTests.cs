using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Sanoo.Cli.Commands;
using Sanoo.Cli.Commands.Verify;

namespace Sanoo.Cli.Tests;

/// <summary>
/// <c>sanoo verify --dir</c> holds the whole-election exports of a published copy to its own replay: the ERR report in JSON and XML,
/// <c>protocols.csv</c>, the discrepancy ledger's data, and the gzip and Brotli copies a web server sends to browsers. One number
/// changed in any of them is named.
/// </summary>
public sealed partial class VerifyExportsTests(Kg2021Files files) : IClassFixture<Kg2021Files>
{
    private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;

    [Fact]
    public void A_number_changed_in_any_export_or_in_a_compressed_copy_of_one_does_not_verify()
    {
        var folder = Directory.CreateTempSubdirectory("sanoo-verify-exports-").FullName;
        try
        {
            var copy = PublishedHandCopy.Make(files, folder);
            var site = copy.Site;
            (int Code, string Report) Verify() => copy.Verify();
            var (verified, report) = Verify();
            Assert.True(verified == 0, report);
            Assert.Contains("VERIFIED", report, StringComparison.Ordinal);

            void Caught(string file, byte[] bytes, string expected) => NotVerified(copy, file, bytes, expected);
            var export = Path.Combine(site, "api", "v1", "export");

            // One station's votes for one party, one more in the JSON report.
            var json = File.ReadAllText(Path.Combine(export, "err.json"));
            var inJson = StationCountJson().Match(json);
            Assert.True(inJson.Success);
            var doctoredJson = Encoding.UTF8.GetBytes(OneMore(json, inJson.Groups[2]));
            Caught(
                Path.Combine(export, "err.json"),
                doctoredJson,
                $"/api/v1/export/err.json: list/hand/{inJson.Groups[1].Value}: ");

            // --skip-exports leaves the reports unread, and says so rather than staying silent.
            var jsonFile = Path.Combine(export, "err.json");
            var honestJson = File.ReadAllBytes(jsonFile);
            File.WriteAllBytes(jsonFile, doctoredJson);
            var (skipped, skippedReport) = copy.Verify("--skip-exports");
            File.WriteAllBytes(jsonFile, honestJson);
            Assert.True(skipped == 0, skippedReport);
            Assert.Contains("were not checked (--skip-exports)", skippedReport.ReplaceLineEndings(""), StringComparison.Ordinal);

            // The report's status: certified, which no certification in the register says.
            var status = ReportStatus().Match(json);
            Assert.True(status.Success);
            Caught(
                Path.Combine(export, "err.json"),
                Encoding.UTF8.GetBytes(json[..status.Groups[1].Index] + "certified" + json[(status.Groups[1].Index + status.Groups[1].Length)..]),
                $"/api/v1/export/err.json: its Status is published as certified, but the verified log and register give {status.Groups[1].Value}");

            // The same in the XML report.
            var xml = File.ReadAllText(Path.Combine(export, "err.xml"));
            var inXml = StationCountXml().Match(xml);
            Assert.True(inXml.Success);
            Caught(
                Path.Combine(export, "err.xml"),
                Encoding.UTF8.GetBytes(OneMore(xml, inXml.Groups[2])),
                $"/api/v1/export/err.xml: list/hand/{inXml.Groups[1].Value}: ");

            // The last vote of the third protocol in protocols.csv.
            var protocols = Path.Combine(site, "data", "protocols.csv");
            var lines = File.ReadAllLines(protocols);
            var header = lines[0].Split(',');
            var cells = lines[3].Split(',');
            var column = Array.FindLastIndex(cells, c => c.Length > 0);
            cells[column] = (long.Parse(cells[column], Invariant) + 1).ToString(Invariant);
            lines[3] = string.Join(',', cells);
            Caught(
                protocols,
                Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"),
                $"/data/protocols.csv: the row of entry 3 (station {cells[1]}): {header[column]} is published as {cells[column]}");

            // The discrepancy ledger (the hand count alone: every station has one count only): a region's line in the English data,
            // and a station's class in the Russian CSV (the same file in every language, each language's copy checked).
            var ledgerJson = Path.Combine(site, "en", "discrepancies", "data.json");
            var ledger = File.ReadAllText(ledgerJson);
            var oneOnly = LedgerRowOneOnly().Match(ledger);
            Assert.True(oneOnly.Success);
            var doctoredOneOnly = long.Parse(oneOnly.Groups[2].Value, Invariant) + 1;
            Caught(
                ledgerJson,
                Encoding.UTF8.GetBytes(OneMore(ledger, oneOnly.Groups[2])),
                $"/en/discrepancies/data.json: area {oneOnly.Groups[1].Value}: oneOnly is published as {doctoredOneOnly}");
            var ledgerCsv = Path.Combine(site, "ru", "discrepancies", "data.csv");
            var rows = File.ReadAllText(ledgerCsv);
            var row = rows.Split("\r\n")[2].Split(',');
            Assert.Equal("one-side-missing", row[3]);
            var matching = string.Join(',', row[..3].Append("match").Concat(row[4..]));
            Caught(
                ledgerCsv,
                Encoding.UTF8.GetBytes(rows.Replace(string.Join(',', row), matching, StringComparison.Ordinal)),
                $"/ru/discrepancies/data.csv: the row of station {row[0]} ({row[2]}): class is published as match, but the verified counts give "
                    + "one-side-missing");

            // A doctored report served to browsers that accept Brotli, the plain file left honest; and a doctored gzip copy.
            using (var brotli = new MemoryStream())
            {
                using (var compress = new BrotliStream(brotli, CompressionLevel.Fastest, leaveOpen: true))
                {
                    compress.Write(doctoredJson);
                }
                Caught(Path.Combine(export, "err.json.br"), brotli.ToArray(), "/api/v1/export/err.json.br does not decompress to the bytes of");
            }
            using (var gzip = new MemoryStream())
            {
                using (var compress = new GZipStream(gzip, CompressionLevel.Fastest, leaveOpen: true))
                {
                    compress.Write(Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n"));
                }
                Caught(protocols + ".gz", gzip.ToArray(), "/data/protocols.csv.gz does not decompress to the bytes of /data/protocols.csv");
            }

            // Put back whole, the copy verifies again.
            var (again, againReport) = Verify();
            Assert.True(again == 0, againReport);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Exports_left_at_an_earlier_snapshot_are_held_to_the_log_at_that_snapshot()
    {
        var folder = Directory.CreateTempSubdirectory("sanoo-verify-earlier-exports-").FullName;
        try
        {
            // Three protocols come after the exports were written: the head has them, the ERR report and the ledger do not.
            var (copy, exported) = PublishedHandCopy.MakeWithEarlierExports(files, folder, heldBack: 3);
            var export = Path.Combine(copy.Site, "api", "v1", "export");
            var json = File.ReadAllText(Path.Combine(export, "err.json"));
            Assert.Contains($"\"OtherType\":\"sanoo-snapshot\",\"Value\":\"{exported}\"", json, StringComparison.Ordinal);

            // Honest for their snapshot (not for the head, which has three more stations): compared, and they verify.
            var (verified, report) = copy.Verify();
            Assert.True(verified == 0, report);
            Assert.Contains("VERIFIED", report, StringComparison.Ordinal);
            Assert.DoesNotContain("not compared", report.ReplaceLineEndings(""), StringComparison.Ordinal);

            // The snapshot each states is found in its first kilobytes: read ahead of the replay, no export is read whole.
            var head = System.Text.Json.JsonSerializer.Deserialize(
                File.ReadAllBytes(Path.Combine(copy.Site, Web.Site.PublishedApi.TreeHeadFile)), Contracts.WireJson.Default.TreeHead)!;
            var election = Assert.IsType<Core.Definitions.DefinitionResult.Loaded>(
                Core.Definitions.DefinitionReader.Read(File.ReadAllBytes(files.Definition))).Election;
            using var counting = new CountingFolder(copy.Site);
            var ahead = await ExportSnapshots.ReadAsync(
                counting, new LogReplay(election, head.DefinitionSha256, _ => false), head.TreeSize, CancellationToken.None);
            var exports = ExportComparison.Reports.Select(r => r.Path)
                .Concat(election.Definition.Languages.Select(l => Web.Site.SitePaths.Discrepancies(l) + Web.Site.SitePaths.DataJson)).ToList();
            Assert.All(exports, path => Assert.Equal(exported, ahead.Stated(path)));
            Assert.Equal(exports.Order(StringComparer.Ordinal), counting.Read.Keys.Order(StringComparer.Ordinal));
            Assert.All(counting.Read, read => Assert.InRange(read.Value, 1, ExportSnapshots.HeadBytes));
            Assert.True(new FileInfo(Path.Combine(export, "err.xml")).Length > 100 * ExportSnapshots.HeadBytes);

            // One party's votes at one station, one more, in either form of the report; a line of the ledger.
            var inJson = StationCountJson().Match(json);
            Assert.True(inJson.Success);
            NotVerified(copy, Path.Combine(export, "err.json"), Encoding.UTF8.GetBytes(OneMore(json, inJson.Groups[2])),
                $"/api/v1/export/err.json: list/hand/{inJson.Groups[1].Value}: ");
            var xml = File.ReadAllText(Path.Combine(export, "err.xml"));
            var inXml = StationCountXml().Match(xml);
            Assert.True(inXml.Success);
            NotVerified(copy, Path.Combine(export, "err.xml"), Encoding.UTF8.GetBytes(OneMore(xml, inXml.Groups[2])),
                $"/api/v1/export/err.xml: list/hand/{inXml.Groups[1].Value}: ");
            // An XML report whose comment before the root states the earlier snapshot and whose identifier the head's.
            static string Body(long snapshot) => $"<OtherType>sanoo-snapshot</OtherType><Value>{snapshot}</Value>";
            Assert.Contains(
                $"<!--ExternalIdentifier: other sanoo-snapshot {exported}-->", xml[..ExportSnapshots.HeadBytes], StringComparison.Ordinal);
            NotVerified(copy, Path.Combine(export, "err.xml"),
                Encoding.UTF8.GetBytes(xml.Replace(Body(exported), Body(head.TreeSize), StringComparison.Ordinal)),
                $"/api/v1/export/err.xml: is of snapshot {head.TreeSize:N0}, but read ahead it stated another");
            var ledgerJson = Path.Combine(copy.Site, "en", "discrepancies", "data.json");
            var ledger = File.ReadAllText(ledgerJson);
            var oneOnly = LedgerRowOneOnly().Match(ledger);
            Assert.True(oneOnly.Success);
            var doctoredOneOnly = long.Parse(oneOnly.Groups[2].Value, Invariant) + 1;
            NotVerified(copy, ledgerJson, Encoding.UTF8.GetBytes(OneMore(ledger, oneOnly.Groups[2])),
                $"/en/discrepancies/data.json: area {oneOnly.Groups[1].Value}: oneOnly is published as {doctoredOneOnly}");

            // A report that states a snapshot the folder never published (no signed head of that size is kept).
            var stated = $"\"sanoo-snapshot\",\"Value\":\"{exported}\"";
            NotVerified(copy, Path.Combine(export, "err.json"),
                Encoding.UTF8.GetBytes(json.Replace(stated, $"\"sanoo-snapshot\",\"Value\":\"{exported - 1}\"", StringComparison.Ordinal)),
                "/api/v1/export/err.json: is of snapshot");
            var (again, againReport) = copy.Verify();
            Assert.True(again == 0, againReport);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Writes <paramref name="bytes"/> over <paramref name="file"/>, requires the copy not to verify naming
    /// <paramref name="expected"/>, and puts the file back.</summary>
    private static void NotVerified(PublishedHandCopy copy, string file, byte[] bytes, string expected)
    {
        var honest = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes);
        var (code, complaint) = copy.Verify();
        File.WriteAllBytes(file, honest);
        Assert.True(code == VerifyCommand.Mismatch, complaint);
        Assert.Contains("NOT VERIFIED", complaint, StringComparison.Ordinal);
        Assert.Contains(expected, complaint.ReplaceLineEndings(""), StringComparison.Ordinal);
    }

    /// <summary>A published folder that counts the bytes read of each file opened as a stream (a read ahead opens, reads, closes).</summary>
    private sealed class CountingFolder(string site) : VerifyCommand.IPublished
    {
        /// <summary>The bytes read of each path opened, by path.</summary>
        public Dictionary<string, long> Read { get; } = [];

        public bool Live => false;

        public Task<Stream> OpenAsync(string pathAndQuery, CancellationToken cancellationToken) => Task.FromResult<Stream>(
            new Counted(File.ReadAllBytes(Path.Combine(site, Web.Site.PublishedApi.FileOf(pathAndQuery)!)), n => Read[pathAndQuery] = n));

        public Task<T> JsonAsync<T>(
            string pathAndQuery, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<byte[]> BytesAsync(string path, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<T> ReadAsync<T>(string pathAndQuery, LentBytes.Reader<T> read, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public void Dispose()
        {
        }

        /// <summary>A file's bytes that, closed, say how far they were read.</summary>
        private sealed class Counted(byte[] bytes, Action<long> closed) : MemoryStream(bytes)
        {
            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    closed(Position);
                }
                base.Dispose(disposing);
            }
        }
    }

    /// <summary><paramref name="text"/> with the number <paramref name="count"/> matched in it one more.</summary>
    private static string OneMore(string text, Group count) =>
        text[..count.Index] + (long.Parse(count.Value, Invariant) + 1) + text[(count.Index + count.Length)..];

    [GeneratedRegex("\"GpUnitId\":\"gpu-(s[0-9]+)\",\"Type\":\"total\",\"Count\":([0-9]+)")]
    private static partial Regex StationCountJson();

    [GeneratedRegex("\"rows\":\\[\\{\"id\":\"([a-z0-9-]+)\",[^}]*\"oneOnly\":([0-9]+)")]
    private static partial Regex LedgerRowOneOnly();

    [GeneratedRegex("\"Status\":\"(unofficial-[a-z]+)\"")]
    private static partial Regex ReportStatus();

    [GeneratedRegex("<GpUnitId>gpu-(s[0-9]+)</GpUnitId><Type>total</Type><Count>([0-9]+)</Count>")]
    private static partial Regex StationCountXml();
}
