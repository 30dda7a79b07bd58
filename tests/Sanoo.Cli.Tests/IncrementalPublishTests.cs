using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Samples.Synthetic;
using Sanoo.Web.Publishing;

namespace Sanoo.Cli.Tests;

/// <summary><c>sanoo publish</c> into a folder it published before writes only what changed, and <c>--watch</c> keeps it current.</summary>
public sealed partial class IncrementalPublishTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-incremental-").FullName;
    private readonly string _db;
    private readonly string _site;
    private readonly string _key;
    private readonly string _scratch;
    private readonly Election _election;
    private readonly List<string> _protocols;

    public IncrementalPublishTests()
    {
        var definition = Path.Combine(_folder, "election.json");
        using (var file = File.Create(definition))
        {
            SyntheticElection.WriteDefinition(file, 40, 7);
        }
        // Two districts, so that a new protocol leaves one district's figures, pages and API files as they were.
        var map = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(definition))!;
        var areas = map["areas"]!.AsArray();
        var district = areas.First(a => (string?)a!["level"] == "district")!;
        var second = district.DeepClone();
        second["id"] = "d-second";
        areas.Insert(areas.IndexOf(district) + 1, second);
        foreach (var station in areas.Where(a => (string?)a!["level"] == "station").Skip(20))
        {
            station!["parent"] = "d-second";
        }
        File.WriteAllText(definition, map.ToJsonString());
        _election = ((DefinitionResult.Loaded)DefinitionReader.Read(File.ReadAllBytes(definition))).Election;
        _protocols = [.. SyntheticElection.Protocols(_election, "hand", 7)
            .Select(p => System.Text.Encoding.UTF8.GetString(ProtocolWriter.Canonical(_election, p)))];
        _db = "sqlite:" + Path.Combine(_folder, "sanoo.db");
        _site = Path.Combine(_folder, "site");
        _key = Path.Combine(_folder, "commission.key");
        _scratch = Directory.CreateDirectory(Path.Combine(_folder, "tmp")).FullName;
        Assert.Equal(0, CliRun.Sanoo("keys", "new", "--commission", "--out", _key).ExitCode);
        // All but two stations' counts: a third and a fourth publish each bring one more without completing the count.
        var (code, output) = CliRun.Sanoo("ingest", "--definition", definition, "--db", _db, Lines("first", _protocols[..^2]));
        Assert.True(code == 0, output);
    }

    [Fact]
    public void A_second_publish_writes_only_the_pages_of_the_areas_a_new_protocol_changed_with_their_compressed_copies()
    {
        var (full, fullOutput) = Publish();
        Assert.True(full == 0, fullOutput);
        Assert.Contains("Every page was made: no publish-manifest.json in the folder.", fullOutput, StringComparison.Ordinal);
        var foreign = Path.Combine(_site, "robots.txt");
        File.WriteAllText(foreign, "User-agent: *");

        var (again, againOutput) = Publish();
        Assert.True(again == 0, againOutput);
        Assert.Contains("0 pages made, 0 files written", againOutput, StringComparison.Ordinal);

        // A page an earlier publish wrote and the site no longer has.
        var manifestFile = Path.Combine(_site, "publish-manifest.json");
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifestFile))!;
        manifest["site"]!.AsArray().Add("/en/area/gone/index.html");
        File.WriteAllText(manifestFile, manifest.ToJsonString());
        Directory.CreateDirectory(Path.Combine(_site, "en", "area", "gone"));
        File.WriteAllText(Path.Combine(_site, "en", "area", "gone", "index.html"), "an area that was");
        var before = Hashes();
        var earlierHead = File.ReadAllBytes(Path.Combine(_site, "api", "v1", "tree-head.json"));
        var earlierSize = JsonDocument.Parse(earlierHead).RootElement.GetProperty("treeSize").GetInt64();
        var station = JsonDocument.Parse(_protocols[^2]).RootElement.GetProperty("station").GetString()!;
        Assert.Equal(0, CliRun.Sanoo("ingest", "--db", _db, Lines("one", [_protocols[^2]])).ExitCode);

        var (code, output) = Publish();

        Assert.True(code == 0, output);
        Assert.DoesNotContain("Every page was made", output, StringComparison.Ordinal);
        var after = Hashes();
        var changed = after.Keys.Where(f => before.GetValueOrDefault(f) != after[f]).ToHashSet();
        var index = _election.AreaIndex(new AreaId(station));
        var above = _election.AreasAbove(_election.StationOrdinal(index)).Select(i => _election.Areas[i]).ToList();
        var languages = _election.Definition.Languages;
        // The station's own pages and every area's above it changed, in every language.
        foreach (var language in languages)
        {
            Assert.Contains($"{language}/station/{station}/index.html", changed);
            Assert.Contains($"{language}/station/{station}/data.json", changed);
            foreach (var area in above)
            {
                Assert.Contains((area.Level == 0 ? $"{language}/" : $"{language}/area/{area.Id}/") + "index.html", changed);
            }
        }
        // Nothing else of any area's page changed: only those pages, the site's own pages, the log's files and open data.
        var areaPages = new Regex("^[a-z]{2}/(station|area)/([^/]+)/");
        var otherAreas = changed.Select(f => areaPages.Match(f)).Where(m => m.Success).Select(m => m.Groups[2].Value)
            .Except(above.Select(a => a.Id.Value).Append(station)).ToList();
        Assert.Empty(otherAreas);
        var untouched = _election.Areas.First(a => a.IsStation && a.Id.Value != station);
        Assert.DoesNotContain($"en/station/{untouched.Id}/index.html", changed);
        Assert.Contains("api/v1/tree-head.json", changed);
        // A page kept as it was shows the earlier head's size, and the earlier signed head is kept under it for the page's own check.
        var keptPage = File.ReadAllText(Path.Combine(_site, "en", "station", untouched.Id.Value, "index.html"));
        Assert.Contains($"data-size=\"{earlierSize}\"", keptPage, StringComparison.Ordinal);
        Assert.Equal(earlierHead, File.ReadAllBytes(Path.Combine(_site, "api", "v1", "tree-heads", $"{earlierSize}.json")));
        Assert.True(File.Exists(Path.Combine(_site, "api", "v1", "tree-heads", $"{earlierSize + 1}.json")), "the new head is kept too");
        // Beside it, the proof that the new head extends it, which the page's own check asks for before it trusts the kept head.
        var wire = Contracts.WireJson.Default;
        var newHead = JsonSerializer.Deserialize(File.ReadAllBytes(Path.Combine(_site, "api", "v1", "tree-head.json")), wire.TreeHead)!;
        var keptHead = JsonSerializer.Deserialize(earlierHead, wire.TreeHead)!;
        var proof = JsonSerializer.Deserialize(
            File.ReadAllBytes(Path.Combine(_site, "api", "v1", "proofs", "consistency", $"{earlierSize}.json")), wire.ConsistencyProof)!;
        Assert.Equal((earlierSize, newHead.TreeSize), (proof.First, proof.Second));
        Assert.True(Core.Transparency.MerkleProof.VerifyConsistency(
            earlierSize, newHead.TreeSize, Convert.FromHexString(keptHead.RootHash), Convert.FromHexString(newHead.RootHash),
            [.. proof.Proof.Select(Convert.FromHexString)]));
        Assert.Contains("data/protocols.csv", changed);
        // The API files of the areas that changed only: an untouched area's results and entries stay those of the earlier snapshot.
        var main = _election.DefaultContest.Contest.Id;
        var untouchedArea = _election.Areas.First(a => !a.IsStation && above.All(b => b.Id != a.Id));
        Assert.Contains($"api/v1/area-entries/{station}.json", changed);
        Assert.Contains($"api/v1/results/{main}/hand/{above[^1].Id}.json", changed);
        Assert.DoesNotContain($"api/v1/results/{main}/hand/{untouchedArea.Id}.json", changed);
        Assert.True(after.ContainsKey($"api/v1/results/{main}/hand/{untouchedArea.Id}.json"));
        Assert.DoesNotContain($"api/v1/area-entries/{untouched.Id}.json", changed);
        Assert.DoesNotContain($"api/v1/area-entries/{untouchedArea.Id}.json", changed);
        Assert.Contains("snapshot.json", changed);
        // The search index is made from the definition alone: the refresh keeps it, still listed in the manifest (else a later
        // publish would remove it as no longer written).
        var listed = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifestFile))!["site"]!.AsArray().Select(f => (string?)f).ToList();
        foreach (var language in languages)
        {
            Assert.True(after.ContainsKey($"{language}/search/stations.json"));
            Assert.DoesNotContain($"{language}/search/stations.json", changed);
            Assert.Contains($"/{language}/search/stations.json", listed);
        }
        Assert.Equal(3 * languages.Length, changed.Count(f => f.Contains("/station/", StringComparison.Ordinal)));
        Assert.Contains("1 removed", output, StringComparison.Ordinal);

        // The compressed copies are the files' bytes; a file too small to gain from compression has none.
        foreach (var file in changed.Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)))
        {
            var bytes = File.ReadAllBytes(Path.Combine(_site, file));
            if (bytes.Length < PublishedFolder.MinCopyBytes)
            {
                Assert.False(File.Exists(Path.Combine(_site, file + ".gz")), file);
                Assert.False(File.Exists(Path.Combine(_site, file + ".br")), file);
                continue;
            }
            using (var gzip = new GZipStream(File.OpenRead(Path.Combine(_site, file + ".gz")), CompressionMode.Decompress))
            {
                Assert.Equal(bytes, ReadAll(gzip));
            }
            using var brotli = new BrotliStream(File.OpenRead(Path.Combine(_site, file + ".br")), CompressionMode.Decompress);
            Assert.Equal(bytes, ReadAll(brotli));
        }
        Assert.False(File.Exists(Path.Combine(_site, "en", "area", "gone", "index.html")), "a page of an earlier publish that is gone");
        Assert.True(File.Exists(foreign), "a file publish did not write is left alone");
        Assert.Empty(Directory.EnumerateFiles(_site, "*.sanoo-tmp", SearchOption.AllDirectories));

        // The pages kept from the earlier publish still verify against the newer head.
        var key = Regex.Match(output, @"--commission-key (\S+)").Groups[1].Value;
        var (verified, report) = CliRun.Sanoo("verify", "--dir", _site, "--commission-key", key, "--state", Path.Combine(_folder, "state.json"));
        Assert.True(verified == 0, report);
        Assert.Contains("VERIFIED", report, StringComparison.Ordinal);
    }

    [Fact]
    public void With_exports_every_a_refresh_leaves_the_whole_election_files_and_the_folder_still_verifies()
    {
        Assert.Equal(0, Publish("--exports-every", "60").ExitCode);
        var before = Hashes();
        Assert.Equal(0, CliRun.Sanoo("ingest", "--db", _db, Lines("one", [_protocols[^2]])).ExitCode);

        var (code, output) = Publish("--exports-every", "60");

        Assert.True(code == 0, output);
        Assert.Contains("open data and the ledger left at an earlier snapshot", output, StringComparison.Ordinal);
        var after = Hashes();
        var changed = after.Keys.Where(f => before.GetValueOrDefault(f) != after[f]).ToHashSet();
        Assert.Contains("api/v1/tree-head.json", changed);
        foreach (var export in new[] { "data/protocols.csv", "api/v1/export/err.json", "api/v1/export/err.xml", "en/discrepancies/data.csv" })
        {
            Assert.True(after.ContainsKey(export), export);
            Assert.DoesNotContain(export, changed);
        }
        var manifest = Web.Publishing.PublishManifest.Read(_site).Manifest!;
        Assert.Contains("/data/protocols.csv", manifest.Site);
        Assert.True(manifest.Exports!.Value.Snapshot < manifest.Snapshot);
        var key = Regex.Match(output, @"--commission-key (\S+)").Groups[1].Value;
        var (verified, report) = CliRun.Sanoo("verify", "--dir", _site, "--commission-key", key, "--state", Path.Combine(_folder, "state.json"));
        Assert.True(verified == 0, report);

        // Without the option, the next publish brings them up to the snapshot, though nothing else is new.
        var (again, againOutput) = Publish();
        Assert.True(again == 0, againOutput);
        Assert.DoesNotContain("left at an earlier snapshot", againOutput, StringComparison.Ordinal);
        Assert.NotEqual(after["data/protocols.csv"], Hashes()["data/protocols.csv"]);
        Assert.Equal(manifest.Snapshot, Web.Publishing.PublishManifest.Read(_site).Manifest!.Exports!.Value.Snapshot);
    }

    [Fact]
    public void A_signed_head_is_kept_while_a_page_shows_it_and_removed_once_none_does()
    {
        Assert.Equal(0, Publish().ExitCode);
        var first = Web.Publishing.PublishManifest.Read(_site).Manifest!;
        var station = JsonDocument.Parse(_protocols[^2]).RootElement.GetProperty("station").GetString()!;
        Assert.Equal(0, CliRun.Sanoo("ingest", "--db", _db, Lines("one", [_protocols[^2]])).ExitCode);
        string Head(long size) => Path.Combine(_site, "api", "v1", "tree-heads", $"{size}.json");

        var (code, output) = Publish();

        Assert.True(code == 0, output);
        var second = Web.Publishing.PublishManifest.Read(_site).Manifest!;
        Assert.Equal([first.Snapshot, second.Snapshot], second.Made.Keys.Order());
        Assert.Contains(station, second.Made[second.Snapshot]);
        Assert.DoesNotContain(station, second.Made[first.Snapshot]);
        Assert.True(File.Exists(Head(first.Snapshot)), "the untouched stations' pages still show the first head");

        // Every page made again: none shows the first head any more, and it goes.
        var (full, fullOutput) = Publish("--full");

        Assert.True(full == 0, fullOutput);
        Assert.False(File.Exists(Head(first.Snapshot)), "a head no page shows");
        Assert.False(File.Exists(Head(first.Snapshot) + ".gz"), "its copies go with it");
        Assert.True(File.Exists(Head(second.Snapshot)));
        Assert.Equal([second.Snapshot], Web.Publishing.PublishManifest.Read(_site).Manifest!.Made.Keys);
        var key = Regex.Match(fullOutput, @"--commission-key (\S+)").Groups[1].Value;
        var (verified, report) = CliRun.Sanoo("verify", "--dir", _site, "--commission-key", key, "--state", Path.Combine(_folder, "state.json"));
        Assert.True(verified == 0, report);
    }

    [Fact]
    public void A_garbled_manifest_makes_a_full_publish_said_plainly()
    {
        Assert.Equal(0, Publish().ExitCode);
        File.WriteAllText(Path.Combine(_site, "publish-manifest.json"), "{ not json");

        var (code, output) = Publish();

        Assert.True(code == 0, output);
        Assert.Contains("Every page was made: publish-manifest.json cannot be read", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_watch_refreshes_the_folder_after_a_new_protocol_and_stops_cleanly()
    {
        Assert.Equal(0, Publish().ExitCode);
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var watch = Watch(lines);
        try
        {
            Assert.True(SpinWait.SpinUntil(() => lines.Any(l => l.StartsWith("Watching", StringComparison.Ordinal)), TimeSpan.FromMinutes(3)));
            // Before it watches, it draws what its first round would otherwise draw for every station, and (its first publish made no
            // page) rehearses a round in a scratch folder it then removes: the first 32 stations' pages and their areas', in every language.
            Assert.Contains(lines, l => l.StartsWith("Drew the forensic tests' null draws of every station", StringComparison.Ordinal));
            var areas = Enumerable.Range(0, 32).SelectMany(o => _election.AreasAbove(o).Prepend(_election.StationAreaIndex(o))).Distinct().Count();
            var languages = _election.Definition.Languages.Length;
            var rehearsed = lines.Select(l => RehearsedLine().Match(l)).Single(m => m.Success);
            Assert.Equal(areas * languages, int.Parse(rehearsed.Groups["pages"].Value, System.Globalization.NumberStyles.AllowThousands,
                System.Globalization.CultureInfo.InvariantCulture));
            // Each page is at least its HTML, CSV and JSON (a station's data files written once, linked from the other languages).
            Assert.True(int.Parse(rehearsed.Groups["files"].Value, System.Globalization.NumberStyles.AllowThousands,
                System.Globalization.CultureInfo.InvariantCulture) >= areas * (languages + 2), rehearsed.Value);
            Assert.Empty(Directory.EnumerateDirectories(_scratch, "sanoo-rehearsal-*"));
            var position = Snapshot();
            Assert.Equal(0, CliRun.Sanoo("ingest", "--db", _db, Lines("watched", [_protocols[^1]])).ExitCode);

            Assert.True(SpinWait.SpinUntil(() => Snapshot() == position + 1, TimeSpan.FromMinutes(3)), string.Join('\n', lines));
            Assert.True(SpinWait.SpinUntil(() => lines.Any(l => l.Contains("files written", StringComparison.Ordinal)
                && l.Contains($"snapshot {position + 1}", StringComparison.Ordinal)), TimeSpan.FromMinutes(1)), string.Join('\n', lines));
        }
        finally
        {
            Interrupt(watch, lines);
        }
        // Ctrl+C ends it between two refreshes with the shell's code for a command so stopped (128 + SIGINT), no file half written.
        Assert.Contains(watch.ExitCode, new[] { 0, 130 });
        Assert.Empty(Directory.EnumerateFiles(_site, "*.sanoo-tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Publish_watch_idles_while_open_data_waits_its_time_and_a_round_plans_from_the_manifest_it_wrote_not_a_reread()
    {
        Assert.Equal(0, Publish().ExitCode);
        Assert.Equal(0, CliRun.Sanoo("ingest", "--db", _db, Lines("one", [_protocols[^2]])).ExitCode);
        // A refresh that leaves open data at the first snapshot, to be written again in ten minutes.
        var (code, output) = Publish("--exports-every", "10");
        Assert.True(code == 0, output);
        Assert.Contains("open data and the ledger left at an earlier snapshot", output, StringComparison.Ordinal);
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var watch = Watch(lines, "--exports-every", "10");
        try
        {
            Assert.True(SpinWait.SpinUntil(() => lines.Any(l => l.StartsWith("Watching", StringComparison.Ordinal)), TimeSpan.FromMinutes(3)));
            // The publish it starts with says "files written" once; no round follows while nothing is new.
            int Rounds() => lines.Count(l => l.Contains("files written", StringComparison.Ordinal));
            var rounds = Rounds();
            Thread.Sleep(TimeSpan.FromSeconds(2));
            Assert.True(rounds == Rounds(), string.Join('\n', lines));

            // The manifest's bytes garbled in place, its length and time kept: the watch plans from the one it holds (a new process
            // would find the file unreadable).
            var manifest = Path.Combine(_site, "publish-manifest.json");
            var written = File.GetLastWriteTimeUtc(manifest);
            File.WriteAllText(manifest, new string(' ', (int)new FileInfo(manifest).Length));
            File.SetLastWriteTimeUtc(manifest, written);
            var position = Snapshot();
            Assert.Equal(0, CliRun.Sanoo("ingest", "--db", _db, Lines("watched", [_protocols[^1]])).ExitCode);
            Assert.True(SpinWait.SpinUntil(() => lines.Any(l => l.Contains($"snapshot {position + 1}:", StringComparison.Ordinal)),
                TimeSpan.FromMinutes(3)), string.Join('\n', lines));
            // (The last protocol completes the count, so every page is made again: for that reason, not an unreadable manifest.)
            Assert.DoesNotContain(lines, l => l.Contains("cannot be read", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains($"snapshot {position + 1}:", StringComparison.Ordinal)
                && !l.Contains(" 0 files written", StringComparison.Ordinal));
        }
        finally
        {
            Interrupt(watch, lines);
        }
        Assert.NotNull(Web.Publishing.PublishManifest.Read(_site).Manifest);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// Sends the watch Ctrl+C (SIGINT) and waits a minute for it to stop. A process started in the background by a non-interactive
    /// shell inherits SIGINT as ignored, and so does the watch: run the tests in the foreground.
    /// </summary>
    private static void Interrupt(Process watch, IEnumerable<string> lines)
    {
        using var interrupt = Process.Start("kill", ["-INT", $"{watch.Id}"]);
        interrupt.WaitForExit();
        Assert.True(watch.WaitForExit(TimeSpan.FromMinutes(1)), string.Join('\n', lines));
    }

    private (int ExitCode, string Output) Publish(params string[] options) =>
        CliRun.Sanoo(["publish", "--db", _db, "--out", _site, "--signing-key", _key, .. options]);

    /// <summary>Starts <c>sanoo publish --watch</c> every 0.2 s over the folder, its output lines into <paramref name="lines"/>.</summary>
    private Process Watch(System.Collections.Concurrent.ConcurrentQueue<string> lines, params string[] options)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["TMPDIR"] = _scratch; // where the watch rehearses its first round
        foreach (var arg in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "sanoo.dll"), "publish", "--db", _db, "--out", _site, "--signing-key", _key, "--watch",
            "--interval", "0.2",
        }.Concat(options))
        {
            start.ArgumentList.Add(arg);
        }
        var watch = Process.Start(start)!;
        watch.OutputDataReceived += (_, e) => lines.Enqueue(e.Data ?? "");
        watch.BeginOutputReadLine();
        watch.BeginErrorReadLine();
        return watch;
    }

    [System.Text.RegularExpressions.GeneratedRegex(
        "^Rehearsed a round: (?<pages>[0-9,]+) pages made \\((?<files>[0-9,]+) files\\) into a scratch folder and removed, in ")]
    private static partial System.Text.RegularExpressions.Regex RehearsedLine();

    private long Snapshot() =>
        File.Exists(Path.Combine(_site, "snapshot.json"))
            ? JsonDocument.Parse(File.ReadAllText(Path.Combine(_site, "snapshot.json"))).RootElement.GetProperty("snapshot").GetInt64()
            : -1;

    private string Lines(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_folder, name + ".jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    /// <summary>Every file of the site but the compressed copies and the manifest, by path, with its SHA-256.</summary>
    private Dictionary<string, string> Hashes() =>
        Directory.EnumerateFiles(_site, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".gz", StringComparison.Ordinal) && !f.EndsWith(".br", StringComparison.Ordinal)
                && !f.EndsWith("publish-manifest.json", StringComparison.Ordinal))
            .ToDictionary(
                f => Path.GetRelativePath(_site, f).Replace('\\', '/'), f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f))));

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
