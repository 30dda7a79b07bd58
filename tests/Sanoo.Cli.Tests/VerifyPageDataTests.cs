using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sanoo.Cli.Commands;

namespace Sanoo.Cli.Tests;

/// <summary>
/// <c>sanoo verify --dir</c> holds the site's page data to its own verified snapshot, not only the results API: an area's
/// <c>data.json</c> and <c>data.csv</c> in every language, the single-member districts' page (its HTML too), and each station's counted protocol as
/// its page's <c>data.json</c> and <c>data.csv</c> show it. A figure changed in any of them is named by file and figure.
/// </summary>
public sealed class VerifyPageDataTests(Kg2021Files files) : IClassFixture<Kg2021Files>
{
    private const int PageShareSampled = Commands.Verify.PageShare.SampledStations;

    [Fact]
    public void Winners_votes_seats_shares_thresholds_and_station_figures_changed_in_the_pages_data_do_not_verify()
    {
        var folder = Directory.CreateTempSubdirectory("sanoo-pagedata-").FullName;
        try
        {
            var copy = PublishedHandCopy.Make(files, folder, "--no-compressed-copies");
            var site = copy.Site;
            var (honest, report) = copy.Verify();
            Assert.True(honest == 0, report);

            // The districts' page: a winner swapped for the runner-up.
            var districts = Edit(site, "en/single-member/data.json", page =>
            {
                var district = page["districts"]![0]!;
                var (winner, runnerUp) = (district["winner"]!.DeepClone(), district["runnerUp"]!.DeepClone());
                (district["winner"], district["runnerUp"]) = (runnerUp, winner);
                return (district["contest"]!.ToString(), winner["id"]!.ToString(), runnerUp["id"]!.ToString());
            });
            // The nation's page: 100,000 votes and 5 seats for one party; in Russian, a party over the threshold put under it.
            var nation = Edit(site, "en/data.json", page =>
            {
                var row = page["results"]!["rows"]![3]!;
                var primary = page["results"]!["primary"]!.GetValue<int>();
                var votes = row["votes"]![primary]!.GetValue<long>();
                row["votes"]![primary] = 100_000;
                row["seats"] = 5;
                return (row["id"]!.ToString(), primary, votes);
            });
            var passed = Edit(site, "ru/data.json", page =>
            {
                var row = page["results"]!["rows"]!.AsArray().First(r => r!["passedThreshold"]!.GetValue<bool>())!;
                row["passedThreshold"] = false;
                return row["id"]!.ToString();
            });
            // A district's page: a share moved in its data, a count of votes in its CSV.
            var share = Edit(site, "en/area/d01/data.json", page =>
            {
                var row = page["results"]!["rows"]![0]!;
                var was = row["share"]![1]!.GetValue<decimal>();
                row["share"]![1] = was + 10;
                return (row["id"]!.ToString(), was);
            });
            var (csvVotes, _) = EditCsv(site, "en/area/d01/data.csv", "votes", "4242");
            // A station's page: 500 votes in the protocol it shows as counted; another's CSV row of its counted protocol.
            var station = Edit(site, "en/station/s0001/data.json", page =>
            {
                var votes = page["counts"]![0]!["versions"]![0]!["protocol"]!["votes"]!;
                var was = votes["p05"]!.GetValue<int>();
                votes["p05"] = 500;
                return was;
            });
            var (stationVotes, row) = EditCsv(site, "en/station/s0002/data.csv", "votes:p01", "999");

            var (code, complaint) = copy.Verify();

            Assert.True(code == VerifyCommand.Mismatch, complaint);
            var said = complaint.ReplaceLineEndings("");
            Assert.Contains($"/en/single-member/data.json: districts[{districts.Item1}] › winner › id is published as {districts.Item3}, "
                + $"but the verified protocols give {districts.Item2}", said, StringComparison.Ordinal);
            Assert.Contains($"/en/data.json: results › rows[{nation.Item1}] › votes[{nation.Item2}] is published as 100000, "
                + $"but the verified protocols give {nation.Item3}", said, StringComparison.Ordinal);
            Assert.Contains($"/en/data.json: results › rows[{nation.Item1}] › seats is published as 5, but the verified protocols give 0",
                said, StringComparison.Ordinal);
            Assert.Contains($"/ru/data.json: results › rows[{passed}] › passedThreshold is published as false, "
                + "but the verified protocols give true", said, StringComparison.Ordinal);
            Assert.Contains($"/en/area/d01/data.json: results › rows[{share.Item1}] › share[1] is published as {share.Item2 + 10}",
                said, StringComparison.Ordinal);
            Assert.Contains($": votes is published as 4242, but the verified protocols give {csvVotes}", said, StringComparison.Ordinal);
            Assert.Contains("/en/area/d01/data.csv: the row of d01 ", said, StringComparison.Ordinal);
            Assert.Contains(
                $"/en/station/s0001/data.json: list by hand: the votes of p05 is published as 500, but the verified protocols give {station}",
                said, StringComparison.Ordinal);
            Assert.Contains($"/en/station/s0002/data.csv: the row of {row[3]} by {row[4]} version {row[5]}: votes:p01 is published as 999, "
                + $"but the verified protocols give {stationVotes}", said, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_figure_changed_in_an_area_districts_or_station_page_or_in_a_compressed_copy_of_page_data_does_not_verify()
    {
        var folder = Directory.CreateTempSubdirectory("sanoo-pagehtml-").FullName;
        try
        {
            var copy = PublishedHandCopy.Make(files, folder);
            var site = copy.Site;
            var (honest, report) = copy.Verify();
            Assert.True(honest == 0, report);
            // Fewer stations than PageShare.SampledStations: every station's pages are held.
            var held = Regex.Match(
                report.ReplaceLineEndings(""), @"Stations' pages: ([0-9,]+) of ([0-9,]+) stations' data, entries and HTML held \(every one\)");
            Assert.True(held.Success, report);
            Assert.Equal(held.Groups[2].Value, held.Groups[1].Value);
            Assert.InRange(int.Parse(held.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture), 1, PageShareSampled);

            // A district's page: the votes a party is shown with (the text a reader sees; its data attribute left as it was).
            var page = Path.Combine(site, "en", "area", "d01", "index.html");
            var html = File.ReadAllText(page);
            var row = Regex.Match(html, "<tr data-choice=\"(p[0-9]+)\"><th scope=\"row\">([^<]*)<span[^\n]*?data-votes=\"([0-9]+)\">([^<]*)<");
            Assert.True(row.Success, html);
            var (party, shown) = (row.Groups[2].Value, row.Groups[4].Value);
            Rewrite(page, html.Replace(row.Value, row.Value.Replace($">{shown}<", ">99,999<", StringComparison.Ordinal), StringComparison.Ordinal));
            // The same page in ballot order, in Russian: the commission key its own check uses swapped for another.
            var ballot = Path.Combine(site, "ru", "area", "d02", "ballot.html");
            var forged = Convert.ToBase64String(new byte[32]);
            // As the page writes the key: the site's HTML encoder writes a '+' of base64 as "&#x2B;".
            var shownKey = System.Text.Encodings.Web.HtmlEncoder.Default.Encode(copy.Key);
            var ballotHtml = File.ReadAllText(ballot);
            Assert.Contains($"data-key=\"{shownKey}\"", ballotHtml, StringComparison.Ordinal);
            Rewrite(ballot, ballotHtml.Replace(shownKey, forged, StringComparison.Ordinal));
            // A station's page: the votes of a party in the protocol it shows as counted.
            var station = Path.Combine(site, "en", "station", "s0003", "index.html");
            var stationHtml = File.ReadAllText(station);
            var vote = Regex.Match(stationHtml, "<tr data-choice=\"p05\"><th scope=\"row\">[^<]*</th><td class=\"num\">([^<]*)</td>");
            Assert.True(vote.Success, stationHtml);
            Rewrite(station, stationHtml.Replace(vote.Value, vote.Value.Replace($">{vote.Groups[1].Value}<", ">777<", StringComparison.Ordinal),
                StringComparison.Ordinal));
            // The search page's index: a station's district changed, so a voter looking for it is sent elsewhere.
            var index = Path.Combine(site, "ky", "search", "stations.json");
            var stations = JsonNode.Parse(File.ReadAllText(index))!.AsArray();
            var (id, where) = (stations[4]![0]!.ToString(), stations[4]![3]!.ToString());
            stations[4]![3] = "Nowhere";
            Rewrite(index, stations.ToJsonString());
            // A page's data as gzip serves it: the plain file untouched, its copy with 100,000 votes more.
            var data = Path.Combine(site, "en", "area", "d03", "data.json");
            var doctored = File.ReadAllText(data).Replace("\"votes\":[", "\"votes\":[10000", StringComparison.Ordinal);
            using (var gzip = new MemoryStream())
            {
                using (var zip = new System.IO.Compression.GZipStream(gzip, System.IO.Compression.CompressionLevel.Fastest))
                {
                    zip.Write(System.Text.Encoding.UTF8.GetBytes(doctored));
                }
                File.Delete(data + ".gz");
                File.WriteAllBytes(data + ".gz", gzip.ToArray());
            }

            var (code, complaint) = copy.Verify();

            Assert.True(code == VerifyCommand.Mismatch, complaint);
            var said = complaint.ReplaceLineEndings("");
            Assert.Contains($"/en/area/d01/index.html: the page shows \"99,999\" where the verified protocols give \"{shown}\" (under ",
                said, StringComparison.Ordinal);
            Assert.Contains($"in the row \"{party}\")", said, StringComparison.Ordinal);
            // Without spaces: the console wraps the long line at a space, which it drops, and where depends on the key's length.
            Assert.Contains(Regex.Replace($"/ru/area/d02/ballot.html: the page shows data-key=\"{forged}\" where the verified protocols give "
                + $"data-key=\"{shownKey}\" in the markup <div>", @"\s", ""), Regex.Replace(complaint, @"\s", ""), StringComparison.Ordinal);
            Assert.Contains($"/en/station/s0003/index.html: the page shows \"777\" where the verified protocols give \"{vote.Groups[1].Value}\"",
                said, StringComparison.Ordinal);
            Assert.Contains($"/ky/search/stations.json: station {id}'s district is published as \"Nowhere\", but the definition the tree "
                + $"head signs gives \"{where}\"", said, StringComparison.Ordinal);
            Assert.Contains("/en/area/d03/data.json.gz does not decompress to the bytes of /en/area/d03/data.json", said, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_station_page_hiding_its_count_behind_another_a_forged_key_to_copy_or_a_changed_progress_figure_does_not_verify()
    {
        var folder = Directory.CreateTempSubdirectory("sanoo-pagewhole-").FullName;
        try
        {
            var copy = PublishedHandCopy.Make(files, folder, "--no-compressed-copies");
            var site = copy.Site;
            var (honest, report) = copy.Verify();
            Assert.True(honest == 0, report);

            // The red team's station page: the counted section marked hidden (the page's own check reads it, a reader does not see
            // it), and beside it an unmarked copy showing other votes, which a reader sees.
            var station = Path.Combine(site, "en", "station", "s0001", "index.html");
            var stationHtml = File.ReadAllText(station);
            var counted = Regex.Match(stationHtml, "<section class=\"count\"[^>]*data-source=\"hand\"[^>]*data-counted=\"true\">.*?</section>",
                RegexOptions.Singleline);
            Assert.True(counted.Success, stationHtml);
            var shown = Regex.Replace(counted.Value.Replace(" data-counted=\"true\"", "", StringComparison.Ordinal),
                "(<tr data-choice=\"p05\"><th scope=\"row\">[^<]*</th><td class=\"num\">)[^<]*", "${1}9,999");
            Rewrite(station, stationHtml.Replace(counted.Value,
                counted.Value.Replace("<section class=\"count\"", "<section hidden class=\"count\"", StringComparison.Ordinal) + "\n" + shown,
                StringComparison.Ordinal));
            // Another station's page, published (its footer says) in 2019: its data states when it was, nothing is read from the footer.
            var other = Path.Combine(site, "en", "station", "s0002", "index.html");
            var otherHtml = File.ReadAllText(other);
            var stamp = Regex.Match(otherHtml, "<p class=\"proof\">[^<]*?([0-9]{4})-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}");
            Assert.True(stamp.Success, otherHtml);
            Rewrite(other, string.Concat(otherHtml.AsSpan(0, stamp.Groups[1].Index), "2019", otherHtml.AsSpan(stamp.Groups[1].Index + 4)));
            // The "how to check" page in Kyrgyz: the commission key observers copy swapped for another.
            var verify = Path.Combine(site, "ky", "verify", "index.html");
            var forged = Convert.ToBase64String(new byte[32]);
            var key = System.Text.Encodings.Web.HtmlEncoder.Default.Encode(copy.Key);
            var verifyHtml = File.ReadAllText(verify);
            Assert.Contains($"<code data-commission-key>{key}</code>", verifyHtml, StringComparison.Ordinal);
            Rewrite(verify, verifyHtml.Replace(key, forged, StringComparison.Ordinal));
            // The night's progress of the main contest: the share of the leading party at the first point.
            var progress = Path.Combine(site, "en", "progress", "index.html");
            var progressHtml = File.ReadAllText(progress);
            var figure = Regex.Match(progressHtml, "stations</td><td class=\"num\">([0-9.]+%)</td>");
            Assert.True(figure.Success, progressHtml);
            Rewrite(progress, progressHtml.Replace(figure.Value, figure.Value.Replace(figure.Groups[1].Value, "99.99%", StringComparison.Ordinal),
                StringComparison.Ordinal));

            var (code, complaint) = copy.Verify();

            Assert.True(code == VerifyCommand.Mismatch, complaint);
            var said = complaint.ReplaceLineEndings("");
            Assert.Contains(
                "/en/station/s0001/index.html: the page shows the markup <section hidden class=\"count\"", said, StringComparison.Ordinal);
            Assert.Contains("/en/station/s0002/index.html: the page shows \"", said, StringComparison.Ordinal);
            Assert.Contains("2019-", said, StringComparison.Ordinal);
            Assert.Contains($"/ky/verify/index.html: the page shows \"{forged}\" where the verified protocols give \"{copy.Key}\"",
                said, StringComparison.Ordinal);
            Assert.Contains($"/en/progress/index.html: the page shows \"99.99%\" where the verified protocols give \"{figure.Groups[1].Value}\"",
                said, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_station_page_with_a_recount_and_a_report_verifies_and_a_forged_recount_or_report_row_does_not()
    {
        var folder = Directory.CreateTempSubdirectory("sanoo-pagestationacts-").FullName;
        try
        {
            var station = "";
            var copy = await PublishedHandCopy.MakeAsync(files, folder, async db =>
            {
                await using var store = await Sanoo.Storage.StoreAddress.OpenAsync(db);
                await using var log = await Sanoo.Log.ElectionLog.OpenAsync(store, null);
                var d01 = new Core.Definitions.AreaId("d01");
                var id = log.Election.Areas.First(a => a.IsStation && a.Parent == d01).Id;
                station = id.Value;
                // An admin, a district operator of d01, an observer of d01: a recount ordered and found, a report filed and answered.
                await log.Store.AddOperatorAsync(new(
                    "cec", Sanoo.Storage.Access.OperatorRole.Admin, null, System.Security.Cryptography.SHA256.HashData("cec"u8)));
                await log.Store.AddOperatorAsync(new(
                    "dec", Sanoo.Storage.Access.OperatorRole.District, d01, System.Security.Cryptography.SHA256.HashData("dec"u8)));
                await log.Store.AddOperatorAsync(new(
                    "aigul", Sanoo.Storage.Access.OperatorRole.Observer, d01, System.Security.Cryptography.SHA256.HashData("aigul"u8)));
                var (order, _) = await log.OrderRecountUnlessOpenAsync(new Sanoo.Storage.Acts.RecountOrder(
                    0, id, new Core.Definitions.ContestId("list"), "an observer's report", "dec", DateTimeOffset.UtcNow));
                await log.RecordRecountOutcomeAsync(
                    new Sanoo.Storage.Acts.RecountOutcome(0, order.Sequence, "confirmed", "dec", DateTimeOffset.UtcNow));
                var filed = await log.FileReportAsync(new Core.Register.ReportRecord(
                    0, 0, DateTimeOffset.UtcNow, "aigul", 0, station, null, "image-differs", "312 on the photo, 321 on the site", null), 30, 500);
                await log.AnswerReportAsync(new Core.Register.ReportAnswerRecord(
                    0, 0, DateTimeOffset.UtcNow, "cec", filed.Report!.Number, "accepted", "", order.Sequence, null));
            }, "--no-compressed-copies");
            var site = copy.Site;
            var (honest, report) = copy.Verify();
            Assert.True(honest == 0, report);

            // In English, the recount's finding reworded in plain text; in Russian, a report nobody filed, as a plain row of text.
            var english = Path.Combine(site, "en", "station", station, "index.html");
            var html = File.ReadAllText(english);
            var finding = html.IndexOf(">confirmed<", html.IndexOf("<tr data-recount=\"1\">", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.True(finding > 0, html);
            Rewrite(english, string.Concat(html.AsSpan(0, finding), ">400 votes moved to p05<", html.AsSpan(finding + ">confirmed<".Length)));
            var russian = Path.Combine(site, "ru", "station", station, "index.html");
            html = File.ReadAllText(russian);
            var filedRow = Regex.Match(html, "<tr data-report=\"1\"[^>]*>.*?</tr>", RegexOptions.Singleline);
            Assert.True(filedRow.Success, html);
            Rewrite(russian, html.Insert(filedRow.Index + filedRow.Length,
                "\n<tr><th scope=\"row\">2</th><td>the count was forged</td></tr>"));

            var (code, complaint) = copy.Verify();

            Assert.True(code == VerifyCommand.Mismatch, complaint);
            var said = complaint.ReplaceLineEndings("");
            Assert.Contains($"/en/station/{station}/index.html: the page shows \"400 votes moved to p05\" where the verified protocols give "
                + "\"confirmed\"", said, StringComparison.Ordinal);
            Assert.Contains($"/ru/station/{station}/index.html: the page shows ", said, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_single_member_districts_page_verifies_and_a_winners_name_or_votes_changed_in_its_html_do_not()
    {
        var folder = Directory.CreateTempSubdirectory("sanoo-districts-").FullName;
        try
        {
            var copy = PublishedHandCopy.Make(files, folder, "--no-compressed-copies");
            var site = copy.Site;
            var (honest, report) = copy.Verify();
            Assert.True(honest == 0, report);
            Assert.True(File.Exists(Path.Combine(site, "en", "single-member", "index.html")), "the sample has single-member districts");

            // In English, the first district's winner is another candidate; in Russian, the second's winner has 777 votes.
            var (name, nameWas) = ChangeWinner(site, "en", 0, (who, votes) => ("Somebody Else (Nobody)", votes));
            var (votes, votesWas) = ChangeWinner(site, "ru", 1, (who, votes) => (who, "777"));

            var (code, complaint) = copy.Verify();

            Assert.True(code == VerifyCommand.Mismatch, complaint);
            var said = complaint.ReplaceLineEndings("");
            Assert.Contains($"/en/single-member/index.html: the page shows \"{name}\" where the verified protocols give \"{nameWas}\"",
                said, StringComparison.Ordinal);
            Assert.Contains($"/ru/single-member/index.html: the page shows \"{votes}\" where the verified protocols give \"{votesWas}\"",
                said, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_stage_an_audit_link_or_a_witness_the_register_and_cosignatures_do_not_give_does_not_verify()
    {
        var folder = Directory.CreateTempSubdirectory("sanoo-pageacts-").FullName;
        try
        {
            var copy = PublishedHandCopy.Make(files, folder, "--no-compressed-copies");
            var site = copy.Site;
            var (honest, report) = copy.Verify();
            Assert.True(honest == 0, report);

            // A district's page says the count is only preliminary (no act of the commission, nor the count, says so).
            var (words, stage) = (Web.Site.Words.For("en"), Path.Combine(site, "en", "area", "d01", "index.html"));
            var html = File.ReadAllText(stage);
            var shown = Regex.Match(html, "<p class=\"stage\" data-stage>([^<]*)</p>");
            Assert.True(shown.Success && shown.Groups[1].Value != words.StagePreliminary, html);
            Rewrite(stage, html.Replace(shown.Value, $"<p class=\"stage\" data-stage>{words.StagePreliminary}</p>", StringComparison.Ordinal));
            // Another's data says it was certified.
            var stated = Edit(site, "en/area/d02/data.json", page =>
            {
                var was = page["stage"]!.ToString();
                page["stage"] = "Certified";
                return was;
            });
            // A page links an audit that the register holds no plan of.
            var audit = Path.Combine(site, "ru", "area", "d03", "index.html");
            html = File.ReadAllText(audit);
            var verifyLink = Regex.Match(html, "data-verify-link>[^<]*</a></li>");
            Assert.True(verifyLink.Success, html);
            Rewrite(audit, html.Insert(verifyLink.Index + verifyLink.Length, "<li><a href=\"/ru/audit/\" data-audit-link>Аудит</a></li>"));
            // The nation's page names an observer mission as having verified its head: a folder holds no cosignature to show for it.
            var nation = Path.Combine(site, "en", "index.html");
            html = File.ReadAllText(nation);
            var proof = html.IndexOf("</span>", html.IndexOf("data-tree-root=", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.True(proof > 0, html);
            Rewrite(nation, html.Insert(proof + "</span>".Length,
                "<br><span class=\"witnesses\">" + string.Format(System.Globalization.CultureInfo.InvariantCulture, words.VerifiedByFormat,
                    string.Format(System.Globalization.CultureInfo.InvariantCulture, words.WitnessAgoFormat, "OSCE/ODIHR", 2)) + "</span>"));

            var (code, complaint) = copy.Verify();

            Assert.True(code == VerifyCommand.Mismatch, complaint);
            var said = complaint.ReplaceLineEndings("");
            Assert.Contains($"/en/area/d01/index.html: the page states the stage \"{words.StagePreliminary}\" where the register's acts and "
                + $"the verified count give \"{shown.Groups[1].Value}\"", said, StringComparison.Ordinal);
            Assert.Contains($"/en/area/d02/data.json: stage is published as Certified, but the verified protocols give {stated}", said,
                StringComparison.Ordinal);
            Assert.Contains("/ru/area/d03/index.html: the page links the audit page, but the register holds no audit plan", said,
                StringComparison.Ordinal);
            Assert.Contains("/en/index.html: the page names OSCE/ODIHR as a witness who verified its tree head, but a published folder "
                + "holds no cosignature for the verifier to check", said, StringComparison.Ordinal);
            // Each is named once, in words: not again as a difference of markup (the audit link added is not the site's own markup).
            foreach (var page in new[] { "/en/area/d01/index.html", "/en/index.html" })
            {
                Assert.DoesNotContain($"{page}: the page shows", said, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Sets the cell of <paramref name="column"/> in the first record of the CSV at <paramref name="path"/> (under <paramref name="site"/>)
    /// to <paramref name="value"/>; returns the value it had and the record's cells.
    /// </summary>
    private static (string Was, string[] Row) EditCsv(string site, string path, string column, string value)
    {
        var file = Path.Combine(site, path);
        var lines = File.ReadAllLines(file);
        var (header, row) = (lines[0].Split(','), lines[1].Split(','));
        Assert.Equal(header.Length, row.Length);
        var at = Array.IndexOf(header, column);
        var was = row[at];
        row[at] = value;
        lines[1] = string.Join(',', row);
        Rewrite(file, string.Join("\r\n", lines) + "\r\n");
        return (was, row);
    }

    /// <summary>
    /// Changes the winner's cell of the <paramref name="row"/>th district on the districts' page in <paramref name="language"/> with
    /// <paramref name="change"/> (of the winner, with party, and the votes); returns the cell's text as changed and as it was.
    /// </summary>
    private static (string Shown, string Was) ChangeWinner(string site, string language, int row, Func<string, string, (string, string)> change)
    {
        var page = Path.Combine(site, language, "single-member", "index.html");
        var html = File.ReadAllText(page);
        var cells = Regex.Matches(html, "<td data-winner=\"[^\"]*\">([^<]*): ([^<]*)</td>");
        Assert.True(cells.Count > row, html);
        var cell = cells[row];
        var (who, votes) = change(cell.Groups[1].Value, cell.Groups[2].Value);
        var changed = $"{who}: {votes}";
        Rewrite(page, string.Concat(html.AsSpan(0, cell.Groups[1].Index), changed, html.AsSpan(cell.Groups[2].Index + cell.Groups[2].Length)));
        return (Commands.Verify.HtmlDifference.Text(changed), Commands.Verify.HtmlDifference.Text($"{cell.Groups[1].Value}: {cell.Groups[2].Value}"));
    }

    /// <summary>Writes <paramref name="text"/> over <paramref name="file"/> (a file of its own: a published file may be a link).</summary>
    private static void Rewrite(string file, string text)
    {
        File.Delete(file);
        File.WriteAllText(file, text);
    }

    /// <summary>Changes the page data at <paramref name="path"/> (under <paramref name="site"/>) with <paramref name="change"/>.</summary>
    private static T Edit<T>(string site, string path, Func<JsonNode, T> change)
    {
        var file = Path.Combine(site, path);
        var page = JsonNode.Parse(File.ReadAllText(file))!;
        var told = change(page);
        File.Delete(file);
        File.WriteAllText(file, page.ToJsonString());
        return told;
    }
}
