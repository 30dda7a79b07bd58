using System.Text.Json;
using Sanoo.Cli.Commands;
using Sanoo.Contracts;
using Sanoo.Web.PublicApi;
using Spectre.Console;

namespace Sanoo.Cli.Tests;

/// <summary>
/// A published folder keeps the signed heads its pages were made from (<c>api/v1/tree-heads/{size}.json</c>), and a page's own check
/// proves a kept page against the kept head of its size alone. <c>sanoo verify --dir</c> holds every kept head to the log it
/// verified, so an insider with the commission key cannot put a head of a forked log beside the pages.
/// </summary>
public sealed class VerifyKeptHeadsTests(Kg2021Files files) : IClassFixture<Kg2021Files>
{
    [Fact]
    public async Task A_kept_head_of_a_forked_log_signed_with_the_commission_key_does_not_verify()
    {
        var folder = Directory.CreateTempSubdirectory("sanoo-kept-heads-").FullName;
        try
        {
            var keyFile = Path.Combine(folder, "commission.key");
            var (made, madeOutput) = CliRun.Sanoo("keys", "new", "--commission", "--out", keyFile);
            Assert.True(made == 0, madeOutput);
            var copy = PublishedHandCopy.Make(files, folder, "--signing-key", keyFile, "--no-compressed-copies");
            var site = copy.Site;
            (int Code, string Report) Verify() => copy.Verify();
            var (honest, report) = Verify();
            Assert.True(honest == 0, report);

            // The insider signs, with the commission's own key, a head of 10 entries whose root is not the log's first 10 entries'.
            var headFile = Path.Combine(site, "api", "v1", "tree-head.json");
            var head = JsonSerializer.Deserialize(File.ReadAllBytes(headFile), WireJson.Default.TreeHead)!;
            var real = TransparencyJson.Head(head).Head;
            var quiet = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });
            using var commission = await CommissionKeyFile.LoadAsync(quiet, new FileInfo(keyFile), CancellationToken.None);
            var forkedRoot = new byte[32];
            forkedRoot[0] = 7;
            var forked = commission.Sign(real with { Size = 10, Root = forkedRoot });
            var keptFile = Path.Combine(site, "api", "v1", "tree-heads", "10.json");
            File.WriteAllBytes(
                keptFile, JsonSerializer.SerializeToUtf8Bytes(TransparencyJson.Of(forked, commission.PublicKey), WireJson.Default.TreeHead));

            var (code, complaint) = Verify();

            Assert.True(code == VerifyCommand.Mismatch, complaint);
            Assert.Contains(
                $"FORKED KEPT HEAD: api/v1/tree-heads/10.json signs root {Convert.ToHexStringLower(forkedRoot)} for 10 entries, but the log's",
                complaint.ReplaceLineEndings(""),
                StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
