using System.Text;
using System.Text.Json;
using NSec.Cryptography;
using Sanoo.Cli.Output;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Log;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Storage;
using Sanoo.Storage.Log;

namespace Sanoo.Cli.Tests;

/// <summary>
/// <c>sanoo ingest</c> holds a file's counts of a signed source (the machine count) to what the server holds a device to:
/// each must carry its station device's signature, verified with the key enrolled in the store, and is stored with it.
/// </summary>
public sealed class IngestCommandTests(Kg2021Files files) : IClassFixture<Kg2021Files>, IDisposable
{
    private static readonly GeneratedElection Sample = Kg2021Generator.Generate();
    private readonly string _folder = Directory.CreateTempSubdirectory("sanoo-ingest-").FullName;

    private string Db => "sqlite:" + Path.Combine(_folder, "store.db");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, params byte[][] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, string.Join('\n', lines.Select(l => Encoding.UTF8.GetString(l))) + "\n");
        return path;
    }

    /// <summary>The canonical bytes of the station's machine count of its <paramref name="contest"/>-th contest.</summary>
    private static byte[] Canonical(string station, int contest = 0) =>
        ProtocolWriter.Canonical(Sample.Election, Sample.Machine.Where(p => p.Station.Value == station).ElementAt(contest));

    private void StoreDefinition()
    {
        var (code, output) = CliRun.Sanoo("ingest", "--definition", files.Definition, "--db", Db, Write("empty.jsonl"));
        Assert.True(code == 0, output);
    }

    private async Task<IReadOnlyList<LogEntry>> EntriesAsync(string station)
    {
        await using var store = await StoreAddress.OpenAsync(Db);
        await using var log = await ElectionLog.OpenAsync(store, null);
        return await log.StationEntriesAsync(new AreaId(station));
    }

    [Fact]
    public async Task An_unsigned_count_of_a_signed_source_is_refused_naming_its_file_line_station_and_source()
    {
        var file = Write("machine.jsonl", Canonical("s0001"));
        var (code, output) = CliRun.Sanoo("ingest", "--definition", files.Definition, "--db", Db, file);
        Assert.True(code == 1, output);
        Assert.Contains("machine.jsonl:1 refused station s0001, list, machine, version 1", output, StringComparison.Ordinal);
        Assert.Contains("unsigned: a machine count must be signed by the device key enrolled for station s0001", output, StringComparison.Ordinal);
        Assert.Empty(await EntriesAsync("s0001"));
    }

    [Fact]
    public async Task A_count_signed_with_a_key_other_than_the_enrolled_one_is_refused()
    {
        StoreDefinition();
        using var enrolled = Key.Create(SignatureAlgorithm.Ed25519);
        using var other = Key.Create(SignatureAlgorithm.Ed25519);
        var publicKey = Convert.ToBase64String(enrolled.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        var (enrolCode, enrolOutput) = CliRun.Sanoo("keys", "enrol", "--db", Db, "--station", "s0001", "--public-key", publicKey);
        Assert.True(enrolCode == 0, enrolOutput);
        var file = Write("machine.jsonl", DeviceSigning.Line(enrolled, Canonical("s0001")), DeviceSigning.Line(other, Canonical("s0001", 1)));

        var (code, output) = CliRun.Sanoo("ingest", "--db", Db, file);

        Assert.True(code == 1, output);
        Assert.Matches(@"accepted \(counted\)\s+1", output);
        Assert.Contains("machine.jsonl:2 refused station s0001, smd-01, machine, version 1", output, StringComparison.Ordinal);
        Assert.Contains("the signature does not verify with the key enrolled for station s0001", output, StringComparison.Ordinal);
        Assert.Single(await EntriesAsync("s0001"));
    }

    [Fact]
    public async Task The_signed_sample_ingests_and_every_stored_machine_count_carries_its_device_signature()
    {
        StoreDefinition();
        var devices = Path.Combine(files.Folder, "devices.jsonl");
        var (enrolCode, enrolOutput) = CliRun.Sanoo("keys", "enrol", "--db", Db, "--keys", devices);
        Assert.True(enrolCode == 0, enrolOutput);

        var (code, output) = CliRun.Sanoo("ingest", "--db", Db, files.Machine);

        Assert.True(code == 0, output);
        Assert.Matches($@"accepted \(counted\)\s+{Sample.Machine.Length:N0}\s", output);
        var key = File.ReadLines(devices)
            .Select(l => JsonSerializer.Deserialize(l, Contracts.WireJson.Default.DeviceKey)!)
            .Single(k => k.Station == "s0001");
        var publicKey = PublicKey.Import(SignatureAlgorithm.Ed25519, Convert.FromBase64String(key.PublicKey), KeyBlobFormat.RawPublicKey);
        var entries = await EntriesAsync("s0001");
        Assert.Equal(Sample.Machine.Count(p => p.Station.Value == "s0001"), entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal("device:s0001", e.Sender);
            Assert.True(SignatureAlgorithm.Ed25519.Verify(publicKey, e.Canonical.AsSpan(), e.Signature.AsSpan()), "the stored signature verifies");
        });
    }

    [Fact]
    public void A_keys_file_naming_a_station_the_election_lacks_enrols_nothing()
    {
        StoreDefinition();
        var good = File.ReadLines(Path.Combine(files.Folder, "devices.jsonl")).First();
        var bad = good.Replace("\"s0001\"", "\"s9999\"", StringComparison.Ordinal);
        var file = Write("devices.jsonl", Encoding.UTF8.GetBytes(good), Encoding.UTF8.GetBytes(bad));

        var (code, output) = CliRun.Sanoo("keys", "enrol", "--db", Db, "--keys", file);

        Assert.True(code == 1, output);
        Assert.Contains("devices.jsonl:2: 's9999' is not a station of election kg-2021", output, StringComparison.Ordinal);
        Assert.Contains("nothing enrolled", output, StringComparison.Ordinal);
        var (ingested, ingestOutput) = CliRun.Sanoo("ingest", "--db", Db, Write("machine.jsonl", File.ReadLines(files.Machine)
            .Take(1).Select(Encoding.UTF8.GetBytes).ToArray()));
        Assert.True(ingested == 1, ingestOutput);
        Assert.Contains("no device key is enrolled for station s0001", ingestOutput, StringComparison.Ordinal);
    }
}
