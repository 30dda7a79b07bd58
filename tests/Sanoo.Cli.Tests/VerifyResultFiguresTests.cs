using System.Text.Json.Nodes;
using Sanoo.Cli.Commands;

namespace Sanoo.Cli.Tests;

/// <summary>
/// <c>sanoo verify</c> holds every figure of an area's published results to the verified protocols, not only the votes and the
/// stations reporting: the seats and who passed the threshold (the 2021 night's dispute), each choice's share, the voters who took
/// part, the form's lines and the registered voters, the area's own and those of each area it lists, and a single-member winner.
/// </summary>
public sealed class VerifyResultFiguresTests(Kg2021Files files) : IClassFixture<Kg2021Files>
{
    [Fact]
    public void Thresholds_winners_shares_participation_lines_and_registered_voters_changed_in_a_published_copy_do_not_verify()
    {
        var folder = Directory.CreateTempSubdirectory("sanoo-figures-").FullName;
        try
        {
            var copy = PublishedHandCopy.Make(files, folder, "--no-compressed-copies");
            var site = copy.Site;
            (int Code, string Report) Verify() => copy.Verify();
            var (honest, report) = Verify();
            Assert.True(honest == 0, report);

            // The nation's results: one party passed the threshold is published as not having passed it and as winning no seat,
            // its seats given to another; a share, the participation, a line and the registered voters of a region moved.
            var nationFile = Path.Combine(site, "api", "v1", "results", "list", "hand", "kg.json");
            var nation = JsonNode.Parse(File.ReadAllText(nationFile))!;
            var parties = nation["seats"]!["parties"]!.AsArray();
            var winners = parties.Where(p => p!["passedThreshold"]!.GetValue<bool>()).ToList();
            var (dropped, gainer) = (winners[^1]!, winners[0]!);
            var seats = dropped["seats"]!.GetValue<int>();
            dropped["passedThreshold"] = false;
            dropped["seats"] = 0;
            gainer["seats"] = gainer["seats"]!.GetValue<int>() + seats;
            var share = nation["choices"]![0]!["sharePercent"]!.GetValue<decimal>();
            nation["choices"]![0]!["sharePercent"] = share + 50;
            var participation = nation["participation"]!.GetValue<long>();
            nation["participation"] = participation - 1000;
            var line = nation["lines"]!.AsObject().First().Key;
            nation["lines"]![line] = nation["lines"]![line]!.GetValue<long>() + 7;
            var region = nation["children"]![0]!;
            region["reporting"]!["registeredCovered"] = region["reporting"]!["registeredCovered"]!.GetValue<long>() + 1;
            File.WriteAllText(nationFile, nation.ToJsonString());
            // A single-member district's winner swapped for the runner-up, the votes left as they are.
            var districtFile = Path.Combine(site, "api", "v1", "results", "smd-01", "hand", "d01.json");
            var district = JsonNode.Parse(File.ReadAllText(districtFile))!;
            var winner = district["outcome"]!["elected"]!.GetValue<string>();
            var runnerUp = district["choices"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).First(c => c != winner);
            district["outcome"]!["elected"] = runnerUp;
            File.WriteAllText(districtFile, district.ToJsonString());

            var (code, complaint) = Verify();

            Assert.True(code == VerifyCommand.Mismatch, complaint);
            var said = complaint.ReplaceLineEndings("");
            Assert.Contains($"list/hand/kg: {dropped["id"]}'s threshold is published as under the threshold, "
                + "but the verified protocols give over the threshold", said, StringComparison.Ordinal);
            Assert.Contains($"list/hand/kg: {dropped["id"]}'s seats is published as 0, but the verified protocols give {seats}",
                said, StringComparison.Ordinal);
            Assert.Contains($"list/hand/kg: {gainer["id"]}'s seats is published as {gainer["seats"]}", said, StringComparison.Ordinal);
            Assert.Contains($"list/hand/kg: {nation["choices"]![0]!["id"]}'s share is published as {share + 50}", said, StringComparison.Ordinal);
            Assert.Contains($"list/hand/kg: participation is published as {participation - 1000}, but the verified protocols give {participation}",
                said, StringComparison.Ordinal);
            Assert.Contains($"list/hand/kg: line {line} is published as ", said, StringComparison.Ordinal);
            Assert.Contains($"smd-01/hand/d01: the winner is published as {runnerUp}, but the verified protocols give {winner}",
                said, StringComparison.Ordinal);
            Assert.Contains(
                $"list/hand/kg: its listed area {region["id"]}: registered voters covered is published as ", said, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
