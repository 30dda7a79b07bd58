using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Sanoo.Contracts;
using Sanoo.Testing;
using Sanoo.Web.Publishing;
using Sanoo.Web.Site;
using Xunit.Abstractions;

namespace Sanoo.Browser.Tests;

/// <summary>
/// "Check these numbers" on the results pages, run in Chromium: the page verifies the signed tree head with the commission key it
/// prints, the entries behind it with their inclusion proofs, re-adds them and says what matched, or which figure or station did not.
/// </summary>
[Collection(ResultsSiteGroup.Name)]
public sealed partial class PageCheckTests(ResultsSite site, ITestOutputHelper output)
{
    private static readonly string[] Paths =
        ["/en/", "/ru/area/batken/", "/ky/area/d01/", "/en/station/s0001/", "/ru/station/s0002/", "/en/single-member/"];

    /// <summary>How many files <see cref="ServeChangedAsync"/> wrote: each is dated that many minutes ahead.</summary>
    private static long changes;

    [Fact]
    public async Task The_check_passes_on_the_live_site_and_without_script_leads_to_the_verification_page()
    {
        await using var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        foreach (var path in Paths)
        {
            await page.GotoAsync(new Uri(site.Address, path).ToString());
            var (state, text) = await CheckAsync(page);
            output.WriteLine($"{path}: {text}");
            Assert.True(state == "ok", $"{path}: {state}: {text}");
        }
        await page.GotoAsync(new Uri(site.Address, "/en/area/d01/").ToString());
        Assert.Equal(
            Convert.ToBase64String(site.Service<CommissionKey>().PublicKey),
            await page.Locator("[data-verify] code[data-commission-key]").InnerTextAsync());
        await CheckAsync(page);
        var axe = await page.RunAxe();
        Assert.True(axe.Violations.Length == 0, string.Join("; ", axe.Violations.Select(v => $"{v.Id}: {v.Help}")));

        await using var plain = await site.Browser.NewContextAsync(new() { JavaScriptEnabled = false });
        var noScript = await plain.NewPageAsync();
        await noScript.GotoAsync(new Uri(site.Address, "/ru/area/d01/").ToString());
        await noScript.Locator("[data-verify] a[data-verify-start]").ClickAsync();
        Assert.EndsWith("/ru/verify/", noScript.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_check_waits_as_a_server_that_limits_reads_asks_and_then_passes()
    {
        await using var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        // The server's limit on one reader's reads reached: the first files asked for are answered as its limiter answers, 429
        // with Retry-After; the check waits as asked and asks again.
        var (asked, refused) = (0, 3);
        await page.RouteAsync("**/api/v1/area-entries?**", async route =>
        {
            if (Interlocked.Increment(ref asked) <= refused)
            {
                await route.FulfillAsync(new() { Status = 429, Headers = new Dictionary<string, string> { ["Retry-After"] = "1" } });
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        await page.GotoAsync(new Uri(site.Address, "/ky/area/d01/").ToString());
        var (state, text) = await CheckAsync(page);
        Assert.True(state == "ok", $"{state}: {text}");
        Assert.True(Volatile.Read(ref asked) > refused, $"{asked} files asked for");
    }

    [Fact]
    public async Task The_check_passes_on_a_published_copy_and_names_a_changed_figure_or_a_changed_entry()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("sanoo-checked-").FullName, "site");
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var summary = await new StaticSite(site.Service<SiteContent>()).WriteAsync(
                site.Published, folder, commissionKey: site.Service<CommissionKey>().PublicKey);
            output.WriteLine($"published {summary.Files:N0} files in {clock.Elapsed}");
            // An area's file names the areas below it, so its size follows the map's fan-out, not the stations below it.
            foreach (var area in new[] { "d01", "batken", "kg" })
            {
                var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, "api", "v1", "area-entries", area + ".json"));
                var answer = JsonSerializer.Deserialize(bytes, WireJson.Default.AreaEntries)!;
                output.WriteLine($"{area}: {answer.Children.Count:N0} areas below, {bytes.Length:N0} bytes");
                Assert.Empty(answer.Entries);
                Assert.True(bytes.Length < 100 + (answer.Children.Count * 40), $"{area}'s file holds more than its children's names");
            }
            using var nginx = await NginxServer.StartAsync(folder);
            await using var context = await site.Browser.NewContextAsync();
            var page = await context.NewPageAsync();
            foreach (var path in Paths)
            {
                await page.GotoAsync(new Uri(nginx.Address, path).ToString());
                clock.Restart();
                var (state, text) = await CheckAsync(page);
                output.WriteLine($"{path}: checked in {clock.Elapsed}");
                Assert.True(state == "ok", $"{path}: {state}: {text}");
            }

            // A station page a later publish kept as it was: it shows an earlier head's size and root, and its entries file is of that
            // size; the earlier head, kept signed under its size beside the newer one, checks it. Without it the check cannot pass.
            var (station, size, tree) = await EarlierStationAsync();
            var commission = site.Service<CommissionKey>();
            var newer = JsonSerializer.Deserialize(
                await File.ReadAllBytesAsync(Path.Combine(folder, "api", "v1", "tree-head.json")), WireJson.Default.TreeHead)!;
            var earlier = commission.Sign(Web.PublicApi.TransparencyJson.Head(newer).Head with { Size = size, Root = tree.Root(size) });
            var keptHead = Path.Combine(folder, "api", "v1", "tree-heads", $"{size}.json");
            await ServeChangedAsync(
                keptHead,
                JsonSerializer.SerializeToUtf8Bytes(Web.PublicApi.TransparencyJson.Of(earlier, commission.PublicKey), WireJson.Default.TreeHead));
            await ServeChangedAsync(
                Path.Combine(folder, "api", "v1", "area-entries", $"{station}.json"),
                await site.Client.GetByteArrayAsync($"/api/v1/area-entries?area={station}&size={size}"));
            // The publish that keeps a head writes its consistency proof to the newer head beside it.
            var proofs = Directory.CreateDirectory(Path.Combine(folder, "api", "v1", "proofs", "consistency")).FullName;
            var keptProof = Path.Combine(proofs, $"{size}.json");
            await ServeChangedAsync(
                keptProof, await site.Client.GetByteArrayAsync($"/api/v1/proofs/consistency?first={size}&second={newer.TreeSize}"));
            await page.GotoAsync(new Uri(nginx.Address, $"/en/station/{station}/").ToString());
            await MadeAtAsync(page, size, tree.Root(size));
            var (keptState, keptText) = await CheckAsync(page);
            Assert.True(keptState == "ok", $"a kept page: {keptState}: {keptText}");
            var kept = await File.ReadAllBytesAsync(keptHead);
            File.Delete(keptHead);
            await page.ReloadAsync();
            await MadeAtAsync(page, size, tree.Root(size));
            Assert.NotEqual("ok", (await CheckAsync(page)).State);
            await ServeChangedAsync(keptHead, kept);

            // Without the proof that the kept head is a part of the newest, the kept head is not trusted on its signature alone.
            var proof = await File.ReadAllBytesAsync(keptProof);
            File.Delete(keptProof);
            await page.ReloadAsync();
            await MadeAtAsync(page, size, tree.Root(size));
            var (unproved, unprovedText) = await CheckAsync(page);
            output.WriteLine(unprovedText);
            Assert.Equal("mismatch", unproved);
            var notProved = string.Format(CultureInfo.InvariantCulture, CheckWords.For("en").KeptFormat, size);
            Assert.Contains(notProved, unprovedText, StringComparison.Ordinal);
            await ServeChangedAsync(keptProof, proof);

            // A kept head of a forked log, signed with the commission's key, with a page made from it: the proof to the newest fails.
            var forkedRoot = tree.Root(size - 1);
            await ServeChangedAsync(keptHead, JsonSerializer.SerializeToUtf8Bytes(
                Web.PublicApi.TransparencyJson.Of(commission.Sign(earlier.Head with { Root = forkedRoot }), commission.PublicKey),
                WireJson.Default.TreeHead));
            await page.ReloadAsync();
            await MadeAtAsync(page, size, forkedRoot);
            var (forked, forkedText) = await CheckAsync(page);
            output.WriteLine(forkedText);
            Assert.Equal("mismatch", forked);
            Assert.Contains(notProved, forkedText, StringComparison.Ordinal);
            await ServeChangedAsync(keptHead, kept);

            // A figure changed in the page's HTML: the check names the choice and the count, and both numbers.
            var html = Path.Combine(folder, "en", "area", "d01", "index.html");
            var cell = VotesCell().Match(await File.ReadAllTextAsync(html));
            var published = long.Parse(cell.Groups["votes"].Value, CultureInfo.InvariantCulture);
            var forged = (published + 7).ToString("N0", CultureInfo.GetCultureInfo("en"));
            var before = await File.ReadAllTextAsync(html);
            await ServeChangedAsync(
                html, Encoding.UTF8.GetBytes(before.Replace(cell.Value, cell.Groups["head"].Value + forged + "<", StringComparison.Ordinal)));
            await page.GotoAsync(new Uri(nginx.Address, "/en/area/d01/").ToString());
            var (changed, said) = await CheckAsync(page);
            output.WriteLine(said);
            Assert.Equal("mismatch", changed);
            Assert.Contains($"the page says {forged}, the station protocols in the log add up to {published:N0}", said, StringComparison.Ordinal);

            // A stored entry changed (its figures and its hash, as a forger would) in one station's file: its inclusion proof fails and
            // its station is named by the district's page, and by the region's above it, which reach the station's file through theirs.
            var district = JsonSerializer.Deserialize(
                await File.ReadAllBytesAsync(Path.Combine(folder, "api", "v1", "area-entries", "d02.json")), WireJson.Default.AreaEntries)!;
            var (file, entries) = district.Children
                .Select(s => Path.Combine(folder, "api", "v1", "area-entries", s + ".json"))
                .Select(f => (f, JsonSerializer.Deserialize(File.ReadAllBytes(f), WireJson.Default.AreaEntries)!))
                .First(f => f.Item2.Entries.Any(e => e.Outcome == StoredOutcome.Accepted && e.Contest == "list"));
            var victim = entries.Entries.First(e => e.Outcome == StoredOutcome.Accepted && e.Contest == "list");
            var canonical = Encoding.UTF8.GetString(Convert.FromBase64String(victim.Canonical));
            var altered = Encoding.UTF8.GetBytes(
                FirstVote().Replace(canonical, m => $"{m.Groups[1].Value}{int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) + 50}", 1));
            var forgedEntry = victim with
            {
                Canonical = Convert.ToBase64String(altered),
                ContentHash = Convert.ToHexStringLower(SHA256.HashData(altered)),
            };
            entries = entries with { Entries = [.. entries.Entries.Select(e => e == victim ? forgedEntry : e)] };
            await ServeChangedAsync(file, JsonSerializer.SerializeToUtf8Bytes(entries, WireJson.Default.AreaEntries));
            var region = site.Log.Election.Area(new Core.Definitions.AreaId("d02"))!.Parent!.Value;
            foreach (var path in new[] { "/ru/area/d02/", $"/ru/area/{region}/" })
            {
                await page.GotoAsync(new Uri(nginx.Address, path).ToString());
                var (broken, named) = await CheckAsync(page);
                output.WriteLine($"{path}: {named}");
                Assert.Equal("mismatch", broken);
                Assert.Matches($"Избирательный участок [^:]*{victim.Station}\\)?: запись {victim.Sequence}", named);
                Assert.Contains("доказательство включения не сходится", named, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Fact]
    public async Task A_page_made_before_the_log_grew_is_checked_through_a_consistency_proof_and_a_root_not_in_the_log_is_named()
    {
        var (station, size, root) = await EarlierStationAsync();
        await using var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var asked = new System.Collections.Concurrent.ConcurrentQueue<string>();
        page.Request += (_, request) => asked.Enqueue(request.Url);
        await page.GotoAsync(new Uri(site.Address, $"/en/station/{station}/").ToString());
        await MadeAtAsync(page, size, root.Root(size));
        var (state, text) = await CheckAsync(page);
        output.WriteLine(text);
        Assert.True(state == "ok", $"{state}: {text}");
        Assert.Contains(asked.ToArray(), url => url.Contains($"/api/v1/proofs/consistency?first={size}&second=", StringComparison.Ordinal));
        Assert.Contains(asked.ToArray(), url => url.Contains($"/api/v1/area-entries?area={station}&size={size}", StringComparison.Ordinal));

        // A page whose tree the signed log does not extend (its root is another size's): the consistency proof fails.
        await page.ReloadAsync();
        await MadeAtAsync(page, size, root.Root(size - 1));
        var (forked, said) = await CheckAsync(page);
        output.WriteLine(said);
        Assert.Equal("mismatch", forked);
        Assert.Contains(CheckWords.For("en").Root, said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_copy_whose_seats_threshold_or_winner_was_changed_fails_its_check_naming_the_figure()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("sanoo-ruled-").FullName, "site");
        try
        {
            await new StaticSite(site.Service<SiteContent>()).WriteAsync(
                site.Published, folder, commissionKey: site.Service<CommissionKey>().PublicKey);
            using var nginx = await NginxServer.StartAsync(folder);
            await using var context = await site.Browser.NewContextAsync();
            var page = await context.NewPageAsync();
            var words = CheckWords.For("en");
            async Task<string> Tampered(string file, string path, Func<string, string> change)
            {
                var html = Path.Combine(folder, file);
                var honest = await File.ReadAllTextAsync(html);
                var forged = change(honest);
                Assert.NotEqual(honest, forged);
                await ServeChangedAsync(html, Encoding.UTF8.GetBytes(forged));
                await page.GotoAsync(new Uri(nginx.Address, path).ToString());
                var (state, text) = await CheckAsync(page);
                output.WriteLine($"{path}: {text}");
                await ServeChangedAsync(html, Encoding.UTF8.GetBytes(honest));
                Assert.True(state == "mismatch", $"{path}: {state}: {text}");
                return text;
            }

            // A party's seats set to 0 on the root page, in its table and its figure's legend: the seats the rules give are named.
            var root = Path.Combine("en", "index.html");
            var seats = SeatsCell().Match(await File.ReadAllTextAsync(Path.Combine(folder, root)));
            Assert.True(seats.Success, "the root page shows seats");
            var said = await Tampered(
                root, "/en/", html => html.Replace(seats.Value, "<td class=\"num\" data-seats=\"0\">0</td>", StringComparison.Ordinal));
            Assert.Contains(string.Format(CultureInfo.InvariantCulture, words.SeatsFormat, ""), said, StringComparison.Ordinal);
            Assert.Contains($"the page says 0; the election's rules applied to the station protocols in the log give {seats.Groups["seats"].Value}",
                said, StringComparison.Ordinal);

            // A party below the threshold shown over it.
            said = await Tampered(root, "/en/", html => BelowMark().Replace(html, "", 1));
            Assert.Contains($"the page says {words.Passed}; the election's rules applied to the station protocols in the log give {words.Below}",
                said, StringComparison.Ordinal);

            // A party's share changed.
            var share = ShareCell().Match(await File.ReadAllTextAsync(Path.Combine(folder, root)));
            said = await Tampered(root, "/en/", html => html.Replace(share.Value, share.Groups["head"].Value + "99.99%<", StringComparison.Ordinal));
            Assert.Contains(string.Format(CultureInfo.InvariantCulture, words.ShareFormat, ""), said, StringComparison.Ordinal);

            // The winner and the runner-up of a single-member district swapped, names, figures and ids.
            var districts = Path.Combine("en", "single-member", "index.html");
            var row = WinnerRow().Match(await File.ReadAllTextAsync(Path.Combine(folder, districts)));
            Assert.True(row.Success, "a district with a winner and a runner-up");
            said = await Tampered(districts, "/en/single-member/", html => html.Replace(
                row.Value,
                $"<td data-winner=\"{row.Groups["second"].Value}\">{row.Groups["secondText"].Value}</td>\n"
                    + $"<td data-runner-up=\"{row.Groups["first"].Value}\">{row.Groups["firstText"].Value}</td>",
                StringComparison.Ordinal));
            Assert.Contains(string.Format(CultureInfo.InvariantCulture, words.WinnerFormat, ""), said, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    /// <summary>
    /// The station counted first, the log's size just after its last entry (later entries are of other stations, so its page's figures
    /// hold at that size), and the log's Merkle tree, to know its root at any earlier size, as a page made from an earlier snapshot
    /// shows it.
    /// </summary>
    private async Task<(string Station, long Size, Core.Transparency.MerkleTree Tree)> EarlierStationAsync()
    {
        var tree = new Core.Transparency.MerkleTree();
        var lastOf = new Dictionary<string, long>();
        for (long after = 0; ;)
        {
            var entries = (await site.Client.GetFromJsonAsync($"/api/v1/entries?after={after}", WireJson.Default.EntriesPage))!.Entries;
            if (entries.Count == 0)
            {
                break;
            }
            foreach (var entry in entries)
            {
                tree.Append(Convert.FromHexString(entry.LeafHash));
                if (entry.Outcome == StoredOutcome.Accepted || lastOf.ContainsKey(entry.Station))
                {
                    lastOf[entry.Station] = entry.Sequence;
                }
            }
            after = entries[^1].Sequence;
        }
        var (station, size) = lastOf.MinBy(pair => pair.Value);
        Assert.True(size < tree.Size, $"{station}'s last entry {size} is the log's last ({tree.Size}): nothing was added after it");
        return (station, size, tree);
    }

    /// <summary>Makes the page's control say it was made from the tree of <paramref name="size"/> entries with <paramref name="root"/>.</summary>
    private static Task MadeAtAsync(IPage page, long size, byte[] root) => page.EvaluateAsync(
        "([size, root]) => { const box = document.querySelector('[data-verify]'); box.setAttribute('data-size', size); "
            + "box.setAttribute('data-root', root); }",
        new object[] { size.ToString(CultureInfo.InvariantCulture), Convert.ToHexStringLower(root) });

    /// <summary>
    /// Writes a file the copy's server serves and dates it apart from every earlier write: nginx's validator is the file's size and
    /// its time to the second, so a same-size file written within the second that the browser holds would be answered "not modified"
    /// and the check would run on what the browser held before.
    /// </summary>
    private static async Task ServeChangedAsync(string path, byte[] bytes)
    {
        await File.WriteAllBytesAsync(path, bytes);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(Interlocked.Increment(ref changes)));
    }

    /// <summary>Presses the control and waits for its verdict: its state and what it says.</summary>
    private static async Task<(string State, string Text)> CheckAsync(IPage page)
    {
        await page.Locator("[data-verify] button").ClickAsync();
        await page.WaitForFunctionAsync(
            "() => ['ok', 'partial', 'mismatch', 'error'].includes(document.querySelector('[data-verify]').getAttribute('data-verify-state'))",
            null,
            new() { Timeout = 180_000 }); // the nation's page reads every station's file: minutes on a loaded machine
        var box = page.Locator("[data-verify]");
        return ((await box.GetAttributeAsync("data-verify-state"))!, await box.Locator("[data-verify-result]").InnerTextAsync());
    }

    [GeneratedRegex("(?<head><td class=\"num[a-z ]*\" data-source=\"machine\" data-votes=\"(?<votes>[1-9][0-9]*)\">)[^<]*<")]
    private static partial Regex VotesCell();

    [GeneratedRegex("<td class=\"num\" data-seats=\"(?<seats>[1-9][0-9]*)\">\\k<seats></td>")]
    private static partial Regex SeatsCell();

    [GeneratedRegex("<small class=\"below\">[^<]*</small>")]
    private static partial Regex BelowMark();

    [GeneratedRegex("(?<head><td class=\"num[a-z ]*\" data-source=\"machine\"\\s+data-share=\"[1-9][0-9.]*\">)[^<]*<")]
    private static partial Regex ShareCell();

    [GeneratedRegex(
        "<td data-winner=\"(?<first>[^\"]+)\">(?<firstText>[^<]*)</td>\\s*<td data-runner-up=\"(?<second>[^\"]+)\">(?<secondText>[^<]*)</td>")]
    private static partial Regex WinnerRow();

    [GeneratedRegex("(\"votes\":\\{\"[^\"]+\":)([0-9]+)")]
    private static partial Regex FirstVote();
}
