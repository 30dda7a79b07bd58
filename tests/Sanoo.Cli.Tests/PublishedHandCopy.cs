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
    public static PublishedHandCopy Make(Kg2021Files files, string folder, params string[] publish)
    {
        var db = "sqlite:" + Path.Combine(folder, "sanoo.db");
        var (ingested, ingestOutput) = CliRun.Sanoo("ingest", "--definition", files.Definition, "--db", db, files.Hand);
        Assert.True(ingested == 0, ingestOutput);
        var site = Path.Combine(folder, "site");
        var (published, output) = CliRun.Sanoo(["publish", "--db", db, "--out", site, .. publish]);
        Assert.True(published == 0, output);
        return new PublishedHandCopy(folder, site, CommissionKey().Match(output).Groups[1].Value, output);
    }

    /// <summary>Runs <c>sanoo verify --dir</c> on the copy with the key pinned and a state file in the folder, and <paramref name="more"/>.</summary>
    public (int Code, string Report) Verify(params string[] more) =>
        CliRun.Sanoo(["verify", "--dir", Site, "--commission-key", Key, "--state", Path.Combine(Folder, "state.json"), .. more]);

    [GeneratedRegex(@"--commission-key (\S+)")]
    private static partial Regex CommissionKey();
}
