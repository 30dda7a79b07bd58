using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Sanoo.Testing;

namespace Sanoo.Cli.Tests;

/// <summary>
/// scripts/real-data.manifest, which scripts/fetch-real-data.sh fetches by, pins every file of the real data; and a test that
/// reads the data is skipped only where it is not, with one clear reason.
/// </summary>
public sealed partial class RealDataTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-real-data-").FullName;

    private sealed record Entry(string Path, string Sha256, string ContentSha256, string How, string Origin);

    private static readonly string Manifest = Path.Combine(SharedData.RepositoryRoot, "scripts", "real-data.manifest");

    private static List<string[]> Lines(string kind) => [.. File.ReadLines(Manifest)
        .Where(l => l.StartsWith(kind + " ", StringComparison.Ordinal))
        .Select(l => l.Split(' ', 6))];

    private static List<Entry> Entries() => [.. Lines("file").Select(f => new Entry(f[1], f[2], f[3], f[4], f[5]))];

    private static string Sha256(Stream content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static string ContentSha256(string file)
    {
        if (!file.EndsWith(".xz", StringComparison.Ordinal))
        {
            using var stream = File.OpenRead(file);
            return Sha256(stream);
        }
        var start = new ProcessStartInfo("xz") { RedirectStandardOutput = true };
        start.ArgumentList.Add("-dc");
        start.ArgumentList.Add(file);
        using var process = Process.Start(start)!;
        var hash = Sha256(process.StandardOutput.BaseStream);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return hash;
    }

    [Fact]
    public void Every_file_to_fetch_has_an_origin_pinned_at_a_commit_and_a_licence_and_every_other_says_why_not()
    {
        var entries = Entries();
        Assert.True(entries.Count >= 30, $"{entries.Count} files");
        Assert.Equal(entries.Count, entries.Select(e => e.Path).Distinct().Count());
        var licensed = Lines("licence").Select(l => l[1]).ToHashSet();
        foreach (var e in entries)
        {
            Assert.Matches("^[0-9a-f]{64}$", e.Sha256);
            Assert.Matches(e.Path.EndsWith(".xz", StringComparison.Ordinal) ? "^[0-9a-f]{64}$" : "^-$", e.ContentSha256);
            if (e.How == "none")
            {
                Assert.True(e.Origin.Length > 20, $"{e.Path} does not say why it cannot be fetched");
                continue;
            }
            Assert.Matches(PinnedOrigin(), e.Origin);
            Assert.Matches("^(copy|xz|zip-xz:.+)$", e.How);
            Assert.Equal(e.How == "copy", !e.Path.EndsWith(".xz", StringComparison.Ordinal));
            Assert.Contains(e.Path.Split('/')[0], licensed);
        }
    }

    [RealDataFact]
    public void The_pinned_checksums_are_those_of_the_files_in_the_data_folder()
    {
        var entries = Entries().ToDictionary(e => e.Path);
        var present = Directory.EnumerateFiles(SharedData.Folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(SharedData.Folder, f).Replace('\\', '/'))
            .ToList();
        Assert.All(present, p => Assert.True(entries.ContainsKey(p), $"{p} is not in scripts/real-data.manifest"));
        // Every file that can be fetched is there (a fetched folder lacks only those with no public origin), and every file
        // there has its pinned bytes, or for .xz its pinned content.
        Assert.Empty(entries.Values.Where(e => e.How != "none" && !present.Contains(e.Path)).Select(e => e.Path));
        foreach (var path in present)
        {
            var file = Path.Combine(SharedData.Folder, path);
            var entry = entries[path];
            Assert.True(
                ContentSha256(file) == (path.EndsWith(".xz", StringComparison.Ordinal) ? entry.ContentSha256 : entry.Sha256),
                $"{path} is not the pinned file");
        }
    }

    [RealDataFact]
    public void The_fetch_script_checks_the_data_folder_without_fetching()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(SharedData.RepositoryRoot, "scripts", "fetch-real-data.sh"), "--check", SharedData.Folder })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output);
        Assert.Contains("0 fetched", output, StringComparison.Ordinal);
        Assert.Contains("bg_elections_opendata_2021-07-11: CC BY-SA 4.0", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_data_folder_skips_with_the_fetch_script_named_but_never_under_CI_or_a_SANOO_REAL_DATA_pointing_nowhere()
    {
        string[] files = ["votelib_real/sk_nr_2020.csv"];
        var nowhere = Path.Combine(_folder, "nowhere");
        Assert.Equal(
            "real election data not found; run scripts/fetch-real-data.sh or set SANOO_REAL_DATA",
            SharedData.SkipReason(files, ci: false, configured: null, beside: nowhere));
        Assert.Null(SharedData.SkipReason(files, ci: true, configured: null, beside: nowhere));
        Assert.Null(SharedData.SkipReason(files, ci: false, configured: nowhere, beside: nowhere));

        // A folder that lacks a file, as a fetched one lacks those compiled by hand, skips the tests that read it, naming it.
        Directory.CreateDirectory(Path.Combine(_folder, "votelib_real"));
        var reason = SharedData.SkipReason(files, ci: false, configured: _folder, beside: nowhere);
        Assert.StartsWith("real election data not fetched: votelib_real/sk_nr_2020.csv", reason, StringComparison.Ordinal);
        Assert.Null(SharedData.SkipReason(files, ci: true, configured: _folder, beside: nowhere));
        File.WriteAllText(Path.Combine(_folder, "votelib_real", "sk_nr_2020.csv"), "");
        Assert.Null(SharedData.SkipReason(files, ci: false, configured: _folder, beside: nowhere));
        Assert.Null(SharedData.SkipReason(files, ci: false, configured: null, beside: _folder));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [GeneratedRegex("^https://(raw\\.githubusercontent\\.com/[^/ ]+/[^/ ]+/[0-9a-f]{40}/|registry\\.npmjs\\.org/)[^ ]+$")]
    private static partial Regex PinnedOrigin();
}
