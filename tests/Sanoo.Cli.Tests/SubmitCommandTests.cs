using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sanoo.Cli.Output;
using Sanoo.Core.Protocols;
using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Storage;
using Sanoo.Testing;
using Sanoo.Web;

namespace Sanoo.Cli.Tests;

/// <summary>The station client against a real server on 127.0.0.1: it signs, sends, retries until it holds a receipt, and saves it.</summary>
public sealed class SubmitCommandTests : IDisposable
{
    private static readonly GeneratedElection Sample = Kg2021Generator.Generate();
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-submit-").FullName;

    private string PathOf(string name) => Path.Combine(_folder, name);

    private async Task<(ElectionLog Log, string Key)> PrepareAsync()
    {
        var db = $"sqlite:{PathOf("store.db")}";
        var store = await StoreAddress.OpenAsync(db);
        var log = await ElectionLog.OpenAsync(store, Sample.DefinitionJson);
        var (code, output) = CliRun.Sanoo("keys", "new", "--station", "s0001", "--out", PathOf("s0001.key"));
        Assert.Equal(0, code);
        var publicKey = output.Trim().Split('\n')[^1].Trim();
        Assert.Equal(0, CliRun.Sanoo("keys", "enrol", "--db", db, "--station", "s0001", "--public-key", publicKey).ExitCode);
        var machine = Sample.Machine.First(p => p.Station.Value == "s0001");
        File.WriteAllText(PathOf("s0001.jsonl"), Encoding.UTF8.GetString(ProtocolWriter.Canonical(Sample.Election, machine)) + "\n");
        return (log, PathOf("s0001.key"));
    }

    private static async Task<Microsoft.AspNetCore.Builder.WebApplication> StartAsync(ElectionLog log, int port)
    {
        var app = SanooServer.Create(
            log,
            new ServerOptions
            {
                Urls = $"http://127.0.0.1:{port}",
                PublishInterval = TimeSpan.FromMilliseconds(50),
                AccessRefresh = TimeSpan.FromMilliseconds(100),
            });
        await SanooServer.StartAsync(app);
        return app;
    }


    [Fact]
    public async Task A_line_already_in_signed_form_is_sent_as_it_is()
    {
        var (log, key) = await PrepareAsync();
        var stored = JsonSerializer.Deserialize<Commands.DeviceKeyFile>(File.ReadAllText(key))!;
        using var device = NSec.Cryptography.Key.Import(
            NSec.Cryptography.SignatureAlgorithm.Ed25519, Convert.FromBase64String(stored.PrivateKey), NSec.Cryptography.KeyBlobFormat.RawPrivateKey);
        var machine = Sample.Machine.First(p => p.Station.Value == "s0001");
        File.WriteAllBytes(PathOf("signed.jsonl"), [.. DeviceSigning.Line(device, ProtocolWriter.Canonical(Sample.Election, machine)), (byte)'\n']);
        var port = Loopback.FreePort();
        await using var app = await StartAsync(log, port);

        var (code, output) = CliRun.Sanoo("submit", "--key", key, "--url", $"http://127.0.0.1:{port}", PathOf("signed.jsonl"));

        Assert.True(code == 0, output);
        Assert.Contains("accepted at log position 1", output, StringComparison.Ordinal);
        await app.StopAsync();
        await log.DisposeAsync();
        await log.Store.DisposeAsync();
    }

    [Fact]
    public async Task A_protocol_written_with_spaces_and_members_in_any_order_is_signed_in_its_canonical_form()
    {
        var (log, key) = await PrepareAsync();
        var canonical = JsonNode.Parse(File.ReadAllText(PathOf("s0001.jsonl")))!.AsObject();
        var shuffled = new JsonObject(canonical.Reverse().Select(m => KeyValuePair.Create(m.Key, m.Value?.DeepClone())));
        var spaced = shuffled.ToJsonString().Replace(",", ", ", StringComparison.Ordinal); // spaces and reversed members: not canonical
        File.WriteAllText(PathOf("pretty.jsonl"), spaced + "\n");
        var port = Loopback.FreePort();
        await using var app = await StartAsync(log, port);

        var (code, output) = CliRun.Sanoo("submit", "--key", key, "--url", $"http://127.0.0.1:{port}", PathOf("pretty.jsonl"));

        Assert.True(code == 0, output);
        Assert.Contains("accepted at log position 1", output, StringComparison.Ordinal);
        await app.StopAsync();
        await log.DisposeAsync();
        await log.Store.DisposeAsync();
    }

    [Fact]
    public async Task A_device_signs_and_submits_and_keeps_the_receipt_even_when_the_server_comes_up_late()
    {
        var (log, key) = await PrepareAsync();
        var port = Loopback.FreePort();
        var submit = Task.Run(() => CliRun.Sanoo("submit", "--key", key, "--url", $"http://127.0.0.1:{port}", PathOf("s0001.jsonl")));
        await Task.Delay(1500); // the device is already retrying: nothing listens yet
        await using var app = await StartAsync(log, port);
        var (code, output) = await submit.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(code == 0, output);
        Assert.Contains("retrying", output, StringComparison.Ordinal);
        var receipt = JsonDocument.Parse(File.ReadLines(PathOf("s0001.jsonl.receipts.jsonl")).Single()).RootElement;
        Assert.Equal("accepted", receipt.GetProperty("outcome").GetString());
        Assert.Equal(1, log.Position);

        var (again, second) = CliRun.Sanoo("submit", "--key", key, "--url", $"http://127.0.0.1:{port}", PathOf("s0001.jsonl"));
        Assert.Equal(0, again);
        Assert.Contains("duplicate at log position 1", second, StringComparison.Ordinal);
        Assert.Equal(1, log.Position);
        await app.StopAsync();
        await log.DisposeAsync();
        await log.Store.DisposeAsync();
    }

    [Fact]
    public async Task An_operator_token_comes_from_a_file_or_the_environment_and_on_the_command_line_only_with_a_warning()
    {
        var (log, _) = await PrepareAsync();
        const string Token = "token-of-the-cec";
        await log.Store.AddOperatorAsync(new Sanoo.Storage.Access.Operator(
            "cec", Sanoo.Storage.Access.OperatorRole.Admin, null, System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Token))));
        var hand = Sample.Hand.Where(p => p.Station.Value is "s0001" or "s0002").Take(3).ToList();
        for (var i = 0; i < hand.Count; i++)
        {
            File.WriteAllText(PathOf($"hand{i}.jsonl"), Encoding.UTF8.GetString(ProtocolWriter.Canonical(Sample.Election, hand[i])) + "\n");
        }
        File.WriteAllText(PathOf("token"), Token + "\n");
        var port = Loopback.FreePort();
        var url = $"http://127.0.0.1:{port}";
        await using var app = await StartAsync(log, port);

        var (fromFile, fileOutput) = CliRun.Sanoo("submit", "--token-file", PathOf("token"), "--url", url, PathOf("hand0.jsonl"));
        Assert.True(fromFile == 0, fileOutput);
        Assert.DoesNotContain("visible to other users", fileOutput, StringComparison.Ordinal);
        Environment.SetEnvironmentVariable(Sanoo.Cli.Commands.OperatorToken.Variable, Token);
        try
        {
            var (fromEnvironment, environmentOutput) = CliRun.Sanoo("submit", "--url", url, PathOf("hand1.jsonl"));
            Assert.True(fromEnvironment == 0, environmentOutput);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Sanoo.Cli.Commands.OperatorToken.Variable, null);
        }
        var (fromArgument, argumentOutput) = CliRun.Sanoo("submit", "--token", Token, "--url", url, PathOf("hand2.jsonl"));
        Assert.True(fromArgument == 0, argumentOutput);
        Assert.Contains("--token is visible to other users", argumentOutput, StringComparison.Ordinal);
        Assert.Equal(3, log.Position);
        await app.StopAsync();
        await log.DisposeAsync();
        await log.Store.DisposeAsync();
    }

    [Fact]
    public async Task A_device_refuses_to_sign_another_stations_protocol()
    {
        var (log, key) = await PrepareAsync();
        File.WriteAllText(
            PathOf("other.jsonl"),
            Encoding.UTF8.GetString(ProtocolWriter.Canonical(Sample.Election, Sample.Machine.First(p => p.Station.Value == "s0002"))) + "\n");
        var (code, output) = CliRun.Sanoo("submit", "--key", key, "--url", "http://127.0.0.1:9", PathOf("other.jsonl"));
        Assert.Equal(1, code);
        Assert.Contains("this key is station s0001's", output, StringComparison.Ordinal);
        await log.DisposeAsync();
        await log.Store.DisposeAsync();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
