using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NSec.Cryptography;
using Sanoo.Core.Definitions;
using Sanoo.Core.Register;
using Sanoo.Core.Turnout;
using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Storage.Access;
using Sanoo.Web.Publishing;
using Sanoo.Web.Turnout;
using Wire = Sanoo.Contracts;

namespace Sanoo.Cli.Tests;

/// <summary>
/// <c>sanoo verify</c> replays the turnout reports of the register: reports signed by the station's device or sent by its operator
/// verify; a report written into the store with a signature by another key, one in the name of an operator of another district, and
/// one with fewer voters than the station's earlier report each fail the verification, naming the record.
/// </summary>
public sealed class VerifyTurnoutTests : IDisposable
{
    private static readonly GeneratedElection Sample = Kg2021Generator.Generate();
    private static readonly byte[] Definition = WithTimes(Sample.DefinitionJson);
    private static readonly Election Election = ((DefinitionResult.Loaded)DefinitionReader.Read(Definition)).Election;
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-verify-turnout-").FullName;
    private readonly CommissionKey _commission = CommissionKey.Ephemeral();
    private readonly Key _device = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly Key _stranger = Key.Create(SignatureAlgorithm.Ed25519);

    private static string[] Stations { get; } =
        [.. Election.Areas.Where(a => a.IsStation && a.Parent?.Value == "d01").Take(3).Select(a => a.Id.Value)];

    private static byte[] WithTimes(byte[] json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        root["turnoutTimes"] = new JsonArray("10:00", "14:00");
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static TurnoutRecord Signed(string station, string time, long voters, Key key) => new(
        0, 0, DateTimeOffset.UtcNow, TurnoutRecord.DevicePrefix + station, station, time, voters,
        [.. SignatureAlgorithm.Ed25519.Sign(key, new TurnoutReport(Election.Id, new AreaId(station), time, voters).Canonical())]);

    private Task<(int Code, string Output)> RunAsync(Func<ElectionLog, Task> write, (string, Action<JsonNode>)? alter = null) =>
        TamperDrill.VerifiedAsync(_folder, Definition, _commission, async log =>
        {
            await log.Store.AddOperatorAsync(new Operator("dec", OperatorRole.District, new AreaId("d01"), SHA256.HashData("dec"u8)));
            await log.Store.AddOperatorAsync(new Operator("dec-26", OperatorRole.District, new AreaId("d26"), SHA256.HashData("dec26"u8)));
            await log.Store.EnrolDeviceAsync(new DeviceKey(
                new AreaId(Stations[0]), _device.PublicKey.Export(KeyBlobFormat.RawPublicKey), DateTimeOffset.UtcNow, "test"));
            Assert.Equal(TurnoutOutcome.Recorded, (await log.RecordTurnoutAsync(Signed(Stations[0], "10:00", 30, _device))).Outcome);
            Assert.Equal(TurnoutOutcome.Recorded, (await log.RecordTurnoutAsync(
                new TurnoutRecord(0, 0, DateTimeOffset.UtcNow, "dec", Stations[1], "10:00", 40, null))).Outcome);
            await write(log);
        }, alter);

    [Fact]
    public async Task Reports_signed_by_the_device_or_sent_by_the_stations_operator_verify_and_are_counted()
    {
        var (code, output) = await RunAsync(_ => Task.CompletedTask);
        Assert.True(code == 0, output);
        Assert.Contains("Register: turnout reports: 2.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_written_past_the_servers_checks_fails_the_verification()
    {
        var (code, output) = await RunAsync(async log =>
        {
            // An insider writes to the store, past the log's checks.
            TurnoutRecord[] forged =
            [
                Signed(Stations[0], "14:00", 35, _stranger),
                new(0, 0, DateTimeOffset.UtcNow, "dec-26", Stations[2], "10:00", 10, null),
                new(0, 0, DateTimeOffset.UtcNow, "dec", Stations[1], "14:00", 20, null),
            ];
            await log.Store.RecordOverKindsAsync<bool>([], (_, slot) =>
                ([.. forged.Select((r, i) => r with { Sequence = slot.Next + i, LogSize = slot.LogSize })], true));
            await log.CatchUpAsync();
        });
        Assert.Equal(Commands.VerifyCommand.Mismatch, code);
        var text = output.ReplaceLineEndings("");
        Assert.Contains($"(turnout of {Stations[0]} at 14:00): the signature does not verify", text, StringComparison.Ordinal);
        Assert.Contains($"(turnout of {Stations[2]} at 10:00) is unsigned and sent by dec-26, who was not then an enrolled operator acting",
            text, StringComparison.Ordinal);
        Assert.Contains($"(turnout of {Stations[1]} at 14:00) should not have been recorded: 20 voters by 14:00", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_whose_turnout_does_not_add_up_to_the_reports_fails_the_verification()
    {
        // The register is honest; the server's answers are altered on their way out: the whole election's voters at 10:00 raised,
        // its region's percentage at 10:00 changed, and a station flagged that no count flags.
        var (code, output) = await RunAsync(_ => Task.CompletedTask, ("/api/v1/turnout", turnout =>
        {
            if (turnout["area"]!.GetValue<string>() != Election.Areas[0].Id.Value)
            {
                return;
            }
            var ten = turnout["times"]![0]!;
            ten["voters"] = ten["voters"]!.GetValue<long>() + 1000;
            turnout["children"]![0]!["times"]![0]!["percent"] = 99.5m;
            turnout["flagged"]!.AsArray().Add(new JsonObject
            {
                ["station"] = Stations[2], ["source"] = "hand", ["time"] = "10:00", ["reported"] = 50, ["participation"] = 10,
            });
        }));

        Assert.Equal(Commands.VerifyCommand.Mismatch, code);
        var text = output.ReplaceLineEndings("");
        var nation = Election.Areas[0].Id;
        Assert.Contains($"turnout of {nation} at 10:00, voters: published as 1070, but the verified reports give 70", text,
            StringComparison.Ordinal);
        Assert.Contains($"turnout of {nation}, its area ", text, StringComparison.Ordinal);
        Assert.Contains("at 10:00, percentage: published as 99.5, but the verified reports give ", text, StringComparison.Ordinal);
        Assert.Contains($"station {Stations[2]} (hand: 50 voters reported by 10:00, 10 in the count) is published as flagged", text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_turnout_of_the_registers_first_records_is_what_a_server_reading_only_those_records_adds_up()
    {
        var at = DateTimeOffset.UtcNow;
        TurnoutRecord[] records =
        [
            new(1, 0, at, "dec", Stations[0], "10:00", 30, null),
            new(2, 0, at, "dec", Stations[0], "14:00", 25, null), // fewer than earlier: refused by the book, a record all the same
            new(3, 0, at, "dec", Stations[1], "10:00", 40, null),
            new(4, 0, at, "dec", Stations[0], "14:00", 45, null),
        ];
        var replay = new Commands.Verify.RegisterReplay(Election, []);
        foreach (var record in records)
        {
            replay.Add(record);
        }
        replay.Finish(0);
        var snapshot = new Core.Tally.TallyEngine(Election).Freeze();
        var root = Election.Areas[0];
        string Json(Wire.TurnoutArea turnout) => JsonSerializer.Serialize(turnout, Wire.WireJson.Default.TurnoutArea);

        Assert.Equal(records.Length, replay.TurnoutRecords);
        for (var first = 0; first <= records.Length; first++)
        {
            var server = TurnoutBook.Of(Election, records.Take(first));
            Assert.Equal(
                Json(TurnoutView.Of(snapshot, server, first, root)), Json(TurnoutView.Of(snapshot, replay.TurnoutOf(first), first, root)));
        }
        // The whole election by 10:00 and by 14:00: the refused report of 25 is in neither.
        Assert.Equal([30L, 0L], replay.TurnoutOf(2).Area(0).Select(t => t.Voters));
        Assert.Equal([70L, 45L], replay.TurnoutOf(4).Area(0).Select(t => t.Voters));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _device.Dispose();
        _stranger.Dispose();
        _commission.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
