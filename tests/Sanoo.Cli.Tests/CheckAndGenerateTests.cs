using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
namespace Sanoo.Cli.Tests;

public class CheckAndGenerateTests(Kg2021Files files) : IClassFixture<Kg2021Files>
{
    [Fact]
    public void Generate_writes_the_definition_and_both_counts()
    {
        Assert.Equal(2494 + 2435, File.ReadLines(files.Hand).Count());
        Assert.InRange(File.ReadLines(files.Machine).Count(), 4800, 4928);
        Assert.StartsWith("{", File.ReadAllText(files.Definition).TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_signs_the_machine_counts_the_same_way_every_time_and_lists_the_device_keys()
    {
        var again = Directory.CreateTempSubdirectory("sanoo-cli-again-").FullName;
        try
        {
            var (code, output) = CliRun.Sanoo("generate", "kg-2021", "--out", again);
            Assert.True(code == 0, output);
            foreach (var name in new[] { "machine.jsonl", "hand.jsonl", "devices.jsonl" })
            {
                Assert.Equal(File.ReadAllBytes(Path.Combine(files.Folder, name)), File.ReadAllBytes(Path.Combine(again, name)));
            }
            var signedLine = "^\\{\"protocol\":\\{.*\\},\"signature\":\"[A-Za-z0-9+/=]{88}\"\\}$";
            Assert.All(File.ReadLines(files.Machine), line => Assert.Matches(signedLine, line));
            var signers = File.ReadLines(files.Machine)
                .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("protocol").GetProperty("station").GetString())
                .Distinct();
            var enrolled = File.ReadLines(Path.Combine(files.Folder, "devices.jsonl"))
                .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("station").GetString());
            Assert.Equal(signers, enrolled);
        }
        finally
        {
            Directory.Delete(again, recursive: true);
        }
    }

    [Fact]
    public void Check_summarizes_a_sound_definition()
    {
        var (code, output) = CliRun.Sanoo("check", files.Definition);
        Assert.Equal(0, code);
        Assert.Contains("is a sound election definition", output, StringComparison.Ordinal);
        Assert.Matches(@"Polling stations\W+2,494", output);
        Assert.Matches(@"Voters on the lists\W+3,712,797 \(main 3,703,420, additional 9,377\)", output);
        Assert.Contains("54 seats by hare, threshold 5% of participation, at most 27 a party", output, StringComparison.Ordinal);
        Assert.Contains("error valid_equals_votes: valid = votes(*)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_lists_every_problem_with_its_path()
    {
        var broken = Path.Combine(files.Folder, "broken.json");
        File.WriteAllText(broken, File.ReadAllText(files.Definition)
            .Replace("\"parent\": \"d01\"", "\"parent\": \"d99\"", StringComparison.Ordinal)
            .Replace("\"rule\": \"valid = votes(*)\"", "\"rule\": \"valid = votes(*) + spoiled\"", StringComparison.Ordinal));
        var (code, output) = CliRun.Sanoo("check", broken);
        Assert.Equal(1, code);
        Assert.Matches(@"\$\.areas\[\d+\]\.parent: 'd99' is not an area of this election, so 's\d{4}' is an orphan", output);
        Assert.Single(
            output.Split('\n'),
            line => line.Contains(
                "$.forms[0].relations[2].rule: relation 'valid_equals_votes' names the line 'spoiled', which is not on the form",
                StringComparison.Ordinal));
    }

    [Fact]
    public void Check_says_when_the_file_is_missing()
    {
        var (code, output) = CliRun.Sanoo("check", Path.Combine(files.Folder, "nope.json"));
        Assert.Equal(1, code);
        Assert.Contains("the file does not exist", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_synthetic_machine_count_generated_signed_is_taken_whole_once_its_device_keys_are_enrolled()
    {
        var folder = Directory.CreateTempSubdirectory("sanoo-cli-signed-").FullName;
        try
        {
            var (code, output) = CliRun.Sanoo("generate", "synthetic", "--stations", "30", "--signed-machine", "--out", folder);
            Assert.True(code == 0, output);
            var signedLine = "^\\{\"protocol\":\\{.*\\},\"signature\":\"[A-Za-z0-9+/=]{88}\"\\}$";
            Assert.Equal(30, File.ReadLines(Path.Combine(folder, "machine.jsonl")).Count(line => Regex.IsMatch(line, signedLine)));
            Assert.Equal(30, File.ReadLines(Path.Combine(folder, "devices.jsonl")).Count());
            var (db, none) = ($"sqlite:{Path.Combine(folder, "store.db")}", Path.Combine(folder, "none.jsonl"));
            File.WriteAllText(none, "");
            Assert.Equal(0, CliRun.Sanoo("ingest", "--definition", Path.Combine(folder, "election.json"), "--db", db, none).ExitCode);
            (code, output) = CliRun.Sanoo("keys", "enrol", "--db", db, "--keys", Path.Combine(folder, "devices.jsonl"));
            Assert.True(code == 0, output);
            (code, output) = CliRun.Sanoo("ingest", "--db", db, Path.Combine(folder, "machine.jsonl"));
            Assert.True(code == 0, output);
            Assert.Matches("accepted \\(counted\\) +30\\b", output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Generate_refuses_an_unknown_sample()
    {
        var (code, output) = CliRun.Sanoo("generate", "xx-1999", "--out", files.Folder);
        Assert.NotEqual(0, code);
        Assert.Contains("kg-2021", output, StringComparison.Ordinal);
    }
}

public class DemoCommandTests
{
    [Fact]
    public async Task The_demo_replays_the_night_through_the_server_and_ends_at_the_official_figures_which_anyone_can_re_add()
    {
        var folder = Directory.CreateTempSubdirectory("sanoo-demo-").FullName;
        try
        {
            var (code, output) = CliRun.Sanoo("demo", "--speed", "max", "--exit-when-done", "--dir", folder, "--urls", "http://127.0.0.1:0");
            Assert.True(code == 0, output);
            Assert.Matches(@"Results site: http://127\.0\.0\.1:\d+/", output);
            Assert.Contains(
                "Voters who took part: 1,293,946 · valid 1,173,710 · invalid 120,236 · stations 2,494 of 2,494", output, StringComparison.Ordinal);
            Assert.Matches(@"Ata-Jurt Kyrgyzstan\s+223,892\s+17\.30%\s+15", output);
            var story = Regex.Match(
                Regex.Replace(output, @"\s+", " "),
                @"over HTTP: ([\d,]+) submissions; (\d+) protocols rejected for arithmetic errors \(stored, never counted\); " +
                    @"(\d+) retries counted once; ([\d,]+) hand-count entries, each protocol typed by two operators " +
                    @"\((\d+) mismatches settled by a supervisor\); (\d+) hand counts corrected with a reason; " +
                    @"1 submission signed with another station's key refused");
            Assert.True(story.Success, output);
            Assert.Matches(
                @"Each count carried a drawn scan of its signed paper protocol \(machine printouts, hand-count protocols\): [\d,]+ PNGs drawn in",
                Regex.Replace(output, @"\s+", " "));
            Assert.Matches(
                @"ordered a recount at station s\d+ \(machine and hand [\d,]+ votes apart\), recorded its outcome, and certified the result",
                Regex.Replace(output, @"\s+", " "));
            Assert.True(
                int.Parse(story.Groups[2].Value, CultureInfo.InvariantCulture) > 0
                    && int.Parse(story.Groups[3].Value, CultureInfo.InvariantCulture) > 0,
                output);
            Assert.True(
                int.Parse(story.Groups[4].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) >= 2 * 4929
                    && int.Parse(story.Groups[5].Value, CultureInfo.InvariantCulture) > 0,
                output);

            // What the server stored re-adds to the same figures, from the store alone.
            var (fromStore, stored) = CliRun.Sanoo("tally", "--db", "sqlite:" + Path.Combine(folder, "sanoo.db"), "--json");
            Assert.True(fromStore == 0, stored);
            var report = System.Text.Json.JsonDocument.Parse(stored).RootElement;
            Assert.Equal(1_293_946, report.GetProperty("participation").GetInt64());
            Assert.Contains(
                report.GetProperty("input").GetProperty("notCounted").EnumerateArray(), n => n.GetProperty("outcome").GetString() == "rejected");
            var (again, tally) = CliRun.Sanoo("tally", Path.Combine(folder, "election.json"), Path.Combine(folder, "night.jsonl"), "--json");
            Assert.Equal(0, again);
            Assert.Equal(1_293_946, System.Text.Json.JsonDocument.Parse(tally).RootElement.GetProperty("participation").GetInt64());

            // The commission's acts are given in Kyrgyz with its Russian and English translations, signed in the register.
            await using (var store = await Storage.StoreAddress.OpenAsync("sqlite:" + Path.Combine(folder, "sanoo.db")))
            {
                var everything = (await store.ReadRegisterAsync(0)).Count; // the demo has ended: every record is stored
                var certification = Assert.Single(await store.ReadCertificationsAsync(everything));
                Assert.Equal("ky", certification.Translations!.Language);
                Assert.Equal(["en", "ru"], certification.Translations.Texts.Keys);
                var (orders, outcomes) = await store.ReadRecountsAsync(everything);
                Assert.Contains("votes", Assert.Single(orders).Translations!.Texts["en"], StringComparison.Ordinal);
                Assert.Contains("АСУ", Assert.Single(outcomes).Translations!.Texts["ru"], StringComparison.Ordinal);
            }
            await DemoScans.EveryStationPageShowsItsScanAndAChangedScanFailsVerifyAsync(folder);

            var (second, rerun) = await Task.Run(() => CliRun.Sanoo(
                "demo", "--speed", "max", "--exit-when-done", "--dir", folder, "--urls", "http://127.0.0.1:0"));
            Assert.Equal(0, second);
            Assert.Contains("Starting clean", rerun, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_demo_on_a_port_in_use_says_so_in_one_sentence()
    {
        using var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        var port = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;
        var folder = Directory.CreateTempSubdirectory("sanoo-demo-busy-").FullName;
        try
        {
            var (code, output) = CliRun.Sanoo("demo", "--speed", "max", "--exit-when-done", "--dir", folder, "--urls", $"http://127.0.0.1:{port}");
            Assert.Equal(1, code);
            Assert.Contains("Is another server on that port? Try --urls", Regex.Replace(output, @"\s+", " "), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_bad_speed_is_refused()
    {
        var (code, output) = CliRun.Sanoo("demo", "--speed", "fast");
        Assert.NotEqual(0, code);
        Assert.Contains("--speed must be a positive number or 'max'", output, StringComparison.Ordinal);
    }
}
