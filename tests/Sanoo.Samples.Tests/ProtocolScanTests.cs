using System.Security.Cryptography;
using SkiaSharp;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Samples.Paper;

namespace Sanoo.Samples.Tests;

/// <summary>The demo's drawn scans of paper protocols: deterministic, decodable, and showing the figures written.</summary>
public class ProtocolScanTests
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
}
