using System.Diagnostics;
using System.Security.Cryptography;
using SkiaSharp;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Samples.Paper;
using Xunit.Abstractions;

namespace Sanoo.Samples.Tests;

/// <summary>The demo's drawn scans of paper protocols: deterministic, decodable, cheap, and showing the figures written.</summary>
public class ProtocolScanTests(ITestOutputHelper output)
{
    private static readonly Lazy<GeneratedElection> Lazy = new(() => Kg2021Generator.Generate());

    [Fact]
    public void A_scan_is_the_same_bytes_for_the_same_protocol_and_seed_and_differs_for_other_figures_or_another_station()
    {
        var sample = Lazy.Value;
        var protocol = sample.Machine.First(p => p.Contest.Value == "list");
        var first = ProtocolScan.Draw(sample.Election, protocol, 2021);
        Assert.Equal(first, ProtocolScan.Draw(sample.Election, protocol, 2021));
        using (var decoded = SKBitmap.Decode(first))
        {
            Assert.Equal(ProtocolScan.Width, decoded.Width);
            Assert.Equal(ProtocolScan.Height, decoded.Height);
        }
        var misread = ProtocolScan.Draw(sample.Election, protocol, 2021, [.. protocol.Lines, .. protocol.Votes.SetItem(0, protocol.Votes[0] + 10)]);
        Assert.NotEqual(SHA256.HashData(first), SHA256.HashData(misread));
        var other = sample.Machine.First(p => p.Contest.Value == "list" && p.Station != protocol.Station);
        Assert.NotEqual(SHA256.HashData(first), SHA256.HashData(ProtocolScan.Draw(sample.Election, other, 2021)));
    }

    [Fact]
    public void Drawing_a_scan_for_each_of_200_stations_takes_a_few_milliseconds_each()
    {
        var sample = Lazy.Value;
        var protocols = sample.Machine.Where(p => p.Contest.Value == "list").Take(200).ToList();
        ProtocolScan.Draw(sample.Election, protocols[0], 1); // warm up
        var clock = Stopwatch.StartNew();
        long bytes = 0;
        foreach (var protocol in protocols)
        {
            bytes += ProtocolScan.Draw(sample.Election, protocol, 2021).Length;
        }
        var each = clock.Elapsed.TotalMilliseconds / protocols.Count;
        output.WriteLine(
            $"{protocols.Count} scans in {clock.Elapsed.TotalMilliseconds:0} ms: {each:0.0} ms and {bytes / protocols.Count:N0} bytes each");
        Assert.True(each < 100, $"{each:0.0} ms a scan");
    }
}
