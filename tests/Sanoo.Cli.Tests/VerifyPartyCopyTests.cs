using System.Security.Cryptography;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Storage.Access;
using Sanoo.Testing;
using Sanoo.Web.Publishing;

namespace Sanoo.Cli.Tests;

/// <summary>
/// <c>sanoo verify</c> checks who sent each party's copy: copies sent by the party's agents within their accreditation verify; a copy
/// written into the log as sent by a district operator, another party's agent, or the agent outside their accreditation, and a
/// commission count written as sent by a party agent, each fail the verification, naming the entry.
/// </summary>
public sealed class VerifyPartyCopyTests : IDisposable
{
    private static readonly GeneratedElection Sample = Kg2021Generator.Generate();
    private static readonly string Party = Sample.Election.DefaultContest.Choices[0].Id.Value;
    private static readonly byte[] Definition = DefinitionJson.WithPartyCopy(Sample.DefinitionJson, Party, "copy", "Party's copy");
    private static readonly Election Election = ((DefinitionResult.Loaded)DefinitionReader.Read(Definition)).Election;
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-verify-copies-").FullName;
    private readonly CommissionKey _commission = CommissionKey.Ephemeral();

    private static AreaId D01 => new("d01");

    private static Protocol Hand(int n) =>
        Sample.Hand.Where(p => p.Contest.Value == "list" && Election.Area(p.Station)!.Parent == D01).ElementAt(n);

    private static Protocol Copy(Protocol hand) => hand with { Source = new SourceId("copy") };

    private static Protocol Outside => Sample.Hand.First(p => p.Contest.Value == "list" && Election.Area(p.Station)!.Parent?.Value == "d26");

    private static Submission By(Protocol protocol, string name) => new(protocol.Checked(Election), new Sender.Operator(name));

    private Task<(int Code, string Output)> RunAsync(Func<ElectionLog, Task> write) =>
        TamperDrill.VerifiedAsync(_folder, Definition, _commission, async log =>
        {
            await log.Store.AddOperatorAsync(new Operator("cec", OperatorRole.Admin, null, SHA256.HashData("cec"u8)));
            await log.Store.AddOperatorAsync(new Operator("dec", OperatorRole.District, D01, SHA256.HashData("dec"u8)));
            await log.Store.AddOperatorAsync(new Operator("agent", OperatorRole.PartyAgent, D01, SHA256.HashData("agent"u8), Party));
            await log.Store.AddOperatorAsync(new Operator(
                "other", OperatorRole.PartyAgent, null, SHA256.HashData("other"u8), Sample.Election.DefaultContest.Choices[1].Id.Value));
            await log.SubmitAsync([By(Hand(0), "cec"), By(Hand(1), "cec"), By(Copy(Hand(0)), "agent"), By(Copy(Hand(1)), "agent")]);
            await write(log);
        });

    [Fact]
    public async Task Copies_sent_by_the_partys_agents_verify()
    {
        var (code, output) = await RunAsync(_ => Task.CompletedTask);
        Assert.True(code == 0, output);
    }

    [Fact]
    public async Task A_copy_or_count_written_in_the_name_of_someone_who_may_not_send_it_fails_the_verification()
    {
        var (code, output) = await RunAsync(async log =>
        {
            // An insider writes to the log past the API's checks.
            await log.SubmitAsync([
                By(Copy(Hand(2)), "dec"), By(Copy(Hand(3)), "other"), By(Copy(Outside), "agent"), By(Hand(4), "agent"),
                new Submission(Copy(Hand(5)).Checked(Election), new Sender.File("copies.jsonl")),
            ]);
        });
        Assert.Equal(Commands.VerifyCommand.Mismatch, code);
        var text = output.ReplaceLineEndings("");
        Assert.Contains($"party {Party}'s copy (copy) of station {Hand(2).Station} was sent by dec, who is not one of that party's agents",
            text, StringComparison.Ordinal);
        Assert.Contains($"party {Party}'s copy (copy) of station {Hand(3).Station} was sent by other, who is not one of that party's agents",
            text, StringComparison.Ordinal);
        Assert.Contains($"party agent agent sent party {Party}'s copy of station {Outside.Station}, for which they are not accredited (d01)",
            text, StringComparison.Ordinal);
        Assert.Contains($"a hand count of station {Hand(4).Station} was sent by agent, an observer or party agent, who enters no count",
            text, StringComparison.Ordinal);
        Assert.Contains($"party {Party}'s copy (copy) of station {Hand(5).Station} is recorded as sent by file:copies.jsonl", text,
            StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _commission.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
