using System.Security.Cryptography;
using Sanoo.Core.Audits;
using Sanoo.Core.Definitions;
using Sanoo.Core.Register;
using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Storage.Access;
using Sanoo.Testing;
using Sanoo.Web.Publishing;

namespace Sanoo.Cli.Tests;

/// <summary>
/// <c>sanoo verify</c> recomputes the risk-limiting audit from the register: an honest audit of the kg-2021 party-list hand count
/// (recounts equal to it) verifies and is confirmed; an audit whose recorded sample is not the one the seed gives fails.
/// </summary>
public sealed class VerifyAuditTests : IDisposable
{
    private const string Seed = "32805417963180645971";
    private static readonly GeneratedElection Sample = Kg2021Generator.Generate();
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-verify-audit-").FullName;
    private readonly CommissionKey _commission = CommissionKey.Ephemeral();

    private Task<(int Code, string Output)> AuditedAsync(Func<AuditRoundRecord, AuditRoundRecord> tamper) =>
        TamperDrill.VerifiedAsync(_folder, Sample.DefinitionJson, _commission, async log =>
        {
            foreach (var name in new[] { "ann", "bob" })
            {
                var token = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name));
                await log.Store.AddOperatorAsync(new Operator(name, OperatorRole.Admin, null, token));
            }
            var list = Sample.Hand.Where(p => p.Contest.Value == "list").ToList();
            await log.SubmitAsync([.. list.Select(p => new Submission(p.Checked(Sample.Election), new Sender.Operator("ann")))]);
            var snapshot = await log.FreezeAsync();
            var comparison = AuditManifest.Comparison(snapshot, [Sample.Election.Contest(new ContestId("list"))!], new SourceId("hand"));
            var plan = new AuditPlanRecord(0, 0, DateTimeOffset.UtcNow, "ann", Seed, "0.05", "hand", ["list"]);
            await log.RecordAuditAsync<int>((_, _) =>
            {
                var started = AuditBook.Of([plan]);
                var due = started.Due(started.Course(comparison), comparison, plan.At, "ann");
                return ([plan, .. due.Select(r => r is AuditRoundRecord round ? tamper(round) : r)], 0);
            });
            var book = await log.AuditAsync();
            foreach (var batch in book.Rounds[0].Draws.Distinct().Select(s => comparison.Batches.First(b => b.Station.Value == s)))
            {
                foreach (var by in new[] { "ann", "bob" })
                {
                    var count = batch.Counts[0];
                    var entry = new AuditRecountRecord(0, 0, DateTimeOffset.UtcNow, by, batch.Station.Value, "list", count.Ballots, count.Votes);
                    await log.RecordAuditAsync<int>((_, _) => ([entry], 0));
                }
            }
            book = await log.AuditAsync();
            var results = book.Due(book.Course(comparison), comparison, DateTimeOffset.UtcNow, "ann");
            await log.RecordAuditAsync<int>((_, _) => (results, 0));
        });

    [Fact]
    public async Task An_honest_audit_is_recomputed_and_verifies()
    {
        var (code, output) = await AuditedAsync(round => round);
        Assert.True(code == 0, output);
        Assert.Contains("risk-limiting audit at risk limit 0.05: 1 rounds drawn", output, StringComparison.Ordinal);
        Assert.Contains("last result confirmed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sample_that_is_not_the_one_the_seed_gives_fails_the_verification()
    {
        var (code, output) = await AuditedAsync(
            round => round with { Draws = round.Draws.SetItem(0, round.Draws[0] == "s0001" ? "s0002" : "s0001") });
        Assert.Equal(Commands.VerifyCommand.Mismatch, code);
        Assert.Contains(
            "round 1 records draws that the seed, the reported count and the recounts before it do not give",
            output.ReplaceLineEndings(""),
            StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _commission.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
