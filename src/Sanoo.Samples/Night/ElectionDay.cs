using System.Collections.Immutable;
using System.Globalization;
using Sanoo.Core.Definitions;
using Sanoo.Samples.Kyrgyzstan2021;
using Sanoo.Samples.Synthesis;

namespace Sanoo.Samples.Night;

/// <summary>One station's turnout report on voting day: when (before the polls close, so negative), which station, time and figure.</summary>
/// <param name="At">Time relative to the polls' closing (a report at 10:00 is ten hours before a 20:00 close).</param>
/// <param name="Station">The station.</param>
/// <param name="Time">The report time, as the definition names it.</param>
/// <param name="Voters">Voters who had taken part by then.</param>
public sealed record TurnoutEvent(TimeSpan At, AreaId Station, string Time, long Voters);

/// <summary>
/// Voting day as a script of turnout reports: at each of the definition's times every station reports the voters who have taken
/// part so far, along a day that starts slowly, fills towards the evening and ends at the station's count (the hand count's
/// participation). At one station in 400 the last report exceeds the count by a few voters who took their ballots away, which the
/// turnout page flags. Deterministic from the seed.
/// </summary>
public static class ElectionDay
{
    /// <summary>When the polls open, local time (the Kyrgyz law, Art. 31: from 8:00 to 20:00).</summary>
    public static readonly TimeSpan Opens = TimeSpan.FromHours(8);

    /// <summary>When the polls close, local time.</summary>
    public static readonly TimeSpan Closes = TimeSpan.FromHours(20);

    /// <summary>The reports, in time order; empty when the definition has no turnout times.</summary>
    public static ImmutableArray<TurnoutEvent> Script(GeneratedElection sample, ulong seed = Kg2021Generator.DefaultSeed)
    {
        var election = sample.Election;
        var times = election.Definition.TurnoutTimes;
        var random = new SampleRandom(seed).Fork("voting-day");
        var plan = election.DefaultContest;
        var events = new List<TurnoutEvent>(sample.Hand.Length * times.Length);
        foreach (var hand in sample.Hand.Where(p => p.Contest == plan.Contest.Id))
        {
            var final = plan.Rules.Participation.Evaluate(hand.Lines.AsSpan(), hand.Votes.AsSpan());
            var roll = election.Area(hand.Station)!.Roll!.Total;
            var pace = random.Between(0.8, 1.25); // some stations fill early, some late
            var taken = random.Next(400) == 0 ? 5 + random.Next(26) : 0;
            long before = 0;
            foreach (var time in times)
            {
                var at = TimeSpan.ParseExact(time, @"hh\:mm", CultureInfo.InvariantCulture);
                var day = Math.Clamp((at - Opens) / (Closes - Opens), 0, 1);
                var share = day >= 1 ? 1 : Math.Min(1, Math.Pow(day, 1.15 * pace) * random.Between(0.95, 1.05));
                var voters = Math.Max(before, (long)Math.Round(final * share));
                if (day >= 1)
                {
                    voters = Math.Min(roll, final + taken);
                }
                events.Add(new TurnoutEvent(at - Closes + TimeSpan.FromSeconds(random.Next(300)), hand.Station, time, voters));
                before = voters;
            }
        }
        return [.. events.OrderBy(e => e.At)];
    }
}
