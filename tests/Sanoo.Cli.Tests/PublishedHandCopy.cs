using System.Text.RegularExpressions;

namespace Sanoo.Cli.Tests;

/// <summary>
/// The Kyrgyz 2021 hand count ingested into a fresh SQLite store in <paramref name="Folder"/> and published to its <c>site</c>
/// folder, for the tests that change a published copy and run <c>sanoo verify --dir</c> on it.
/// </summary>
/// <param name="Folder">The test's own folder.</param>
/// <param name="Site">The published folder.</param>
/// <param name="Key">The commission key the publish printed, to pin.</param>
/// <param name="Output">What the publish printed.</param>
internal sealed partial record PublishedHandCopy(string Folder, string Site, string Key, string Output)
{
    /// <summary>
    /// Ingests and publishes (with <paramref name="publish"/>'s options besides the store and folder) into <paramref name="folder"/>'s
    /// <c>site</c> (which may hold files already); asserts each succeeded.
    /// </summary>
    public static PublishedHandCopy Make(Kg2021Files files, string folder, params string[] publish) =>
        Publish(folder, Ingest(files, folder), publish);

    /// <summary>
    /// As <see cref="Make"/>, with <paramref name="before"/> run on the store's address between the ingest and the publish (to record
    /// the commission's acts, observers' reports …).
    /// </summary>
    public static async Task<PublishedHandCopy> MakeAsync(Kg2021Files files, string folder, Func<string, Task> before, params string[] publish)
    {
        var db = Ingest(files, folder);
        await before(db);
        return Publish(folder, db, publish);
    }

    /// <summary>Ingests the hand count into a fresh SQLite store in <paramref name="folder"/>; returns the store's address.</summary>
    private static string Ingest(Kg2021Files files, string folder)
    {
        var db = "sqlite:" + Path.Combine(folder, "sanoo.db");
        var (ingested, ingestOutput) = CliRun.Sanoo("ingest", "--definition", files.Definition, "--db", db, files.Hand);
        Assert.True(ingested == 0, ingestOutput);
        return db;
    }

    private static PublishedHandCopy Publish(string folder, string db, string[] publish)
    {
        var site = Path.Combine(folder, "site");
        var (published, output) = CliRun.Sanoo(["publish", "--db", db, "--out", site, .. publish]);
        Assert.True(published == 0, output);
        return new PublishedHandCopy(folder, site, CommissionKey().Match(output).Groups[1].Value, output);
    }

    /// <summary>
    /// Ingests all but the last <paramref name="heldBack"/> and one protocols of the hand count and publishes them with the commission key
    /// <c>--signing-key</c> and <c>--exports-every 60</c>, then ingests those held back and publishes again the same way: the folder's
    /// head holds them and its whole-election exports (the ERR report, <c>protocols.csv</c>, the ledger) are left at the first
    /// publish's snapshot, which returns with the copy.
    /// </summary>
    public static (PublishedHandCopy Copy, long ExportsSnapshot) MakeWithEarlierExports(Kg2021Files files, string folder, int heldBack)
    {
        var key = Path.Combine(folder, "commission.key");
        var (made, madeOutput) = CliRun.Sanoo("keys", "new", "--commission", "--out", key);
        Assert.True(made == 0, madeOutput);
        var lines = File.ReadAllLines(files.Hand).Where(l => l.Length > 0).ToArray();
        var first = Path.Combine(folder, "first.jsonl");
        var later = Path.Combine(folder, "later.jsonl");
        // The last protocol is never ingested: one that completed the count would make every page and export again.
        File.WriteAllLines(first, lines[..^(heldBack + 1)]);
        File.WriteAllLines(later, lines[^(heldBack + 1)..^1]);
        var db = "sqlite:" + Path.Combine(folder, "sanoo.db");
        var site = Path.Combine(folder, "site");
        string[] publish = ["publish", "--db", db, "--out", site, "--signing-key", key, "--exports-every", "60"];
        var (ingested, ingestOutput) = CliRun.Sanoo("ingest", "--definition", files.Definition, "--db", db, first);
        Assert.True(ingested == 0, ingestOutput);
        var (published, output) = CliRun.Sanoo(publish);
        Assert.True(published == 0, output);
        var exports = System.Text.Json.JsonSerializer.Deserialize(
            File.ReadAllBytes(Path.Combine(site, Web.Site.PublishedApi.TreeHeadFile)), Contracts.WireJson.Default.TreeHead)!.TreeSize;
        (ingested, ingestOutput) = CliRun.Sanoo("ingest", "--db", db, later);
        Assert.True(ingested == 0, ingestOutput);
        (published, output) = CliRun.Sanoo(publish);
        Assert.True(published == 0, output);
        Assert.Contains("open data and the ledger left at an earlier snapshot", output.ReplaceLineEndings(""), StringComparison.Ordinal);
        return (new PublishedHandCopy(folder, site, CommissionKey().Match(output).Groups[1].Value, output), exports);
    }

    /// <summary>Runs <c>sanoo verify --dir</c> on the copy with the key pinned and a state file in the folder, and <paramref name="more"/>.</summary>
    public (int Code, string Report) Verify(params string[] more) =>
        CliRun.Sanoo(["verify", "--dir", Site, "--commission-key", Key, "--state", Path.Combine(Folder, "state.json"), .. more]);

    [GeneratedRegex(@"--commission-key (\S+)")]
    private static partial Regex CommissionKey();
}
