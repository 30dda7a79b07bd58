using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Storage;
using Sanoo.Storage.Access;

namespace Sanoo.Cli.Tests;

/// <summary>
/// <c>sanoo operators add --role observer|party-agent</c> accredits reporters for an area of any level or the whole election, as
/// register records, and refuses an unknown area, a party agent without a party and an observer with one.
/// </summary>
public sealed class ReporterEnrolmentTests : IDisposable
{
    private static readonly GeneratedElection Sample = Kg2021Generator.Generate();
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-reporters-").FullName;

    private string Db => $"sqlite:{Path.Combine(_folder, "store.db")}";

    private async Task CreateAsync()
    {
        var store = await StoreAddress.OpenAsync(Db);
        await (await ElectionLog.OpenAsync(store, Sample.DefinitionJson)).DisposeAsync();
        await store.DisposeAsync();
    }

    [Fact]
    public async Task Observers_and_party_agents_are_accredited_for_an_area_or_the_whole_election_as_register_records()
    {
        await CreateAsync();
        var party = Sample.Election.DefaultContest.Choices[0].Id.Value;
        var (code, output) = CliRun.Sanoo("operators", "add", "--db", Db, "--name", "Aigul T", "--role", "observer", "--area", "d01");
        Assert.True(code == 0, output);
        Assert.Contains("Accredited observer Aigul T for d01", output, StringComparison.Ordinal);
        (code, output) = CliRun.Sanoo("operators", "add", "--db", Db, "--name", "agent", "--role", "party-agent", "--party", party);
        Assert.True(code == 0, output);
        Assert.Contains($"Accredited party-agent agent of {party} for the whole election", output, StringComparison.Ordinal);

        await using var store = await StoreAddress.OpenAsync(Db);
        var operators = await store.ReadOperatorsAsync();
        Assert.Contains(operators, o => o is { Name: "Aigul T", Role: OperatorRole.Observer, Party: null } && o.District?.Value == "d01");
        Assert.Contains(operators, o => o is { Name: "agent", Role: OperatorRole.PartyAgent, District: null } && o.Party == party);
    }

    [Theory]
    [InlineData("observer", "--area", "nowhere", "--area: 'nowhere' is not an area")]
    [InlineData("party-agent", "--area", "d01", "A party agent needs --party")]
    [InlineData("observer", "--party", "p01", "An observer belongs to no party")]
    [InlineData("party-agent", "--party", "no-such-party", "--party: 'no-such-party' is not a party")]
    public async Task An_unknown_area_or_party_or_a_party_for_the_wrong_role_is_refused(string role, string option, string value, string message)
    {
        await CreateAsync();
        var (code, output) = CliRun.Sanoo("operators", "add", "--db", Db, "--name", "x", "--role", role, option, value);
        Assert.Equal(SanooCli.BadInput, code);
        Assert.Contains(message, output.ReplaceLineEndings(""), StringComparison.Ordinal);
        await using var store = await StoreAddress.OpenAsync(Db);
        Assert.Empty(await store.ReadOperatorsAsync());
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
