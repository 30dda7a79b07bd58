using CsCheck;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;

namespace Sanoo.Testing;

/// <summary>What one step of a random election night does.</summary>
public enum StepKind
{
    /// <summary>A new, valid protocol (a first count or a correction with a higher version).</summary>
    Fresh,

    /// <summary>The exact bytes of an earlier submission again (a device retrying).</summary>
    Retry,

    /// <summary>An earlier protocol's version number with other figures.</summary>
    Conflict,

    /// <summary>A protocol whose votes exceed its valid ballots.</summary>
    VotesOverValid,

    /// <summary>A protocol with more ballots in the boxes than were issued.</summary>
    FoundOverIssued,

    /// <summary>A protocol whose ballots received do not balance.</summary>
    Unbalanced,

    /// <summary>A valid protocol that breaks only the warning-level relation.</summary>
    Flagged,
}

/// <summary>One step: what, which slot (modulo the number of slots), and a seed for the figures and version.</summary>
public sealed record Step(StepKind Kind, int Slot, int Seed);

/// <summary>
/// Turns random steps into protocols of an election: corrections, retries, conflicts,
/// out-of-order versions (versions are drawn, not counted up) and invalid protocols.
/// </summary>
public static class SubmissionScript
{
    public static Gen<Step> Step { get; } =
        Gen.Select(Gen.Enum<StepKind>(), Gen.Int[0, 10_000], Gen.Int).Select((kind, slot, seed) => new Step(kind, slot, seed));

    public static Gen<Step[]> Steps { get; } = Step.Array[0, 60];

    /// <summary>The protocols the steps make, in arrival order.</summary>
    public static List<Protocol> Play(Election election, IReadOnlyList<Step> steps)
    {
        var slots = (from plan in election.Contests
                     from source in election.Sources
                     from ordinal in Enumerable.Range(0, plan.StationCount).Select(plan.OrdinalAt)
                     select (Plan: plan, Source: source.Id, Station: election.Areas[election.StationAreaIndex(ordinal)])).ToList();
        var sent = new List<Protocol>();
        foreach (var step in steps)
        {
            var random = new Random(step.Seed);
            var (plan, source, station) = slots[step.Slot % slots.Count];
            var earlier = sent.Where(p => p.Station == station.Id && p.Contest == plan.Contest.Id && p.Source == source).ToList();
            var version = random.Next(1, 5);
            Protocol Make(int v, int extraInvalid = 0, int extraIssued = 0, bool flagged = false)
            {
                var roll = station.Roll!;
                var capacity = (int)Math.Min(roll.Total, 5000);
                var took = capacity == 0 ? 0 : random.Next(0, capacity + 1);
                var invalid = flagged ? took - (took / 3) : took == 0 ? 0 : random.Next(0, (took / 4) + 1);
                if (flagged && took < 3)
                {
                    took = 0;
                    invalid = 0;
                }
                var valid = took - invalid;
                var votes = Split(valid, plan.Choices.Length, random);
                var notReturned = took < capacity && random.Next(4) == 0 ? 1 : 0;
                return ProtocolMaker.Valid(
                    election,
                    station.Id.Value,
                    votes,
                    invalid + extraInvalid,
                    v,
                    source,
                    plan.Contest.Id,
                    notReturned + extraIssued);
            }
            var protocol = step.Kind switch
            {
                StepKind.Retry when earlier.Count > 0 => earlier[random.Next(earlier.Count)],
                StepKind.Conflict when earlier.Count > 0 => Make(earlier[random.Next(earlier.Count)].Version),
                StepKind.VotesOverValid => Make(version) is var p ? p with { Votes = p.Votes.SetItem(0, p.Votes[0] + 1 + random.Next(50)) } : null,
                StepKind.FoundOverIssued => Make(version).WithLine("in_boxes", station.Roll!.Registered + 1000),
                StepKind.Unbalanced => Make(version) is var u ? u.WithLine("received", u.Lines[2] + 1 + random.Next(9)) : null,
                StepKind.Flagged => Make(version, flagged: true),
                _ => Make(version),
            };
            sent.Add(protocol!);
        }
        return sent;
    }

    private static int[] Split(int total, int parts, Random random)
    {
        var result = new int[parts];
        for (var i = 0; i < total; i++)
        {
            result[random.Next(parts)]++;
        }
        return result;
    }
}
