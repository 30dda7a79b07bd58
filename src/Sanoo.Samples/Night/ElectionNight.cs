using System.Collections.Immutable;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Samples.Synthesis;

namespace Sanoo.Samples.Night;

/// <summary>
/// An election night as a script of submissions: machine counts arriving over the first hours
/// after the polls close (most within two hours, a few late), some sent twice, a few with
/// arithmetic errors that are rejected and sent again; then the commissions' hand counts over
/// the next day and a half, a few first entered wrongly and corrected with a reason. Applied in
/// order, the script ends at exactly the sample's protocols: the official figures.
/// </summary>
public static class ElectionNight
{
    /// <summary>The submissions, in time order.</summary>
    public static ImmutableArray<NightEvent> Script(GeneratedElection sample, ulong seed = Kg2021Generator.DefaultSeed)
    {
        var random = new SampleRandom(seed).Fork("election-night");
        var events = new List<NightEvent>(sample.Machine.Length + sample.Hand.Length + 500);
        var arrival = new Dictionary<AreaId, TimeSpan>();
        foreach (var protocol in sample.Machine)
        {
            if (!arrival.TryGetValue(protocol.Station, out var at))
            {
                var u = random.NextDouble();
                at = arrival[protocol.Station] = TimeSpan.FromMinutes(random.Next(50) == 0 ? random.Between(180, 480) : 10 + (110 * u * u));
            }
            var sent = at + TimeSpan.FromSeconds(random.Next(30));
            if (random.Next(300) == 0)
            {
                events.Add(new NightEvent(sent, NightEventKind.Mistake, Inflate(protocol)));
                sent += TimeSpan.FromMinutes(2 + random.Next(10));
            }
            events.Add(new NightEvent(sent, NightEventKind.MachineCount, protocol));
            if (random.Next(12) == 0)
            {
                events.Add(new NightEvent(sent + TimeSpan.FromSeconds(5 + random.Next(60)), NightEventKind.Retry, protocol));
            }
        }
        var handArrival = new Dictionary<AreaId, TimeSpan>();
        foreach (var protocol in sample.Hand)
        {
            if (!handArrival.TryGetValue(protocol.Station, out var at))
            {
                at = handArrival[protocol.Station] = TimeSpan.FromHours(3 + (30 * random.NextDouble()));
            }
            if (random.Next(400) == 0 && protocol.Votes.Length > 1 && protocol.Votes.Max() >= 10)
            {
                events.Add(new NightEvent(at, NightEventKind.HandCount, Misentered(protocol, random)));
                var district = sample.Election.Area(protocol.Station)!.Parent;
                events.Add(new NightEvent(at + TimeSpan.FromHours(1 + random.Next(5)), NightEventKind.Correction, protocol with
                {
                    Version = 2,
                    Correction = new Correction(
                        "figures entered against the wrong parties; corrected from the signed paper protocol",
                        $"district commission {district}"),
                }));
                continue;
            }
            events.Add(new NightEvent(at, NightEventKind.HandCount, protocol));
        }
        return [.. events.OrderBy(e => e.At)];
    }

    /// <summary>The same count with ten votes typed against the wrong choice: still consistent, but wrong.</summary>
    private static Protocol Misentered(Protocol protocol, SampleRandom random)
    {
        var votes = protocol.Votes.ToArray();
        var from = Array.IndexOf(votes, votes.Max());
        var to = (from + 1 + random.Next(votes.Length - 1)) % votes.Length;
        votes[from] -= 10;
        votes[to] += 10;
        return protocol with { Votes = [.. votes] };
    }

    /// <summary>The count with one choice's votes typed 100 too high: breaks valid = votes(*).</summary>
    private static Protocol Inflate(Protocol protocol) => protocol with { Votes = protocol.Votes.SetItem(0, protocol.Votes[0] + 100) };
}
