using System.Collections.Immutable;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;

namespace Sanoo.Testing;

/// <summary>Makes protocols of <see cref="TestForms.Form"/> that satisfy every relation, or break one on purpose.</summary>
public static class ProtocolMaker
{
    /// <summary>
    /// A protocol consistent with the form: valid = Σ votes, in_boxes = valid + invalid,
    /// issued = in_boxes + notReturned, received = issued + cancelled, registered from the roll.
    /// </summary>
    public static Protocol Valid(
        Election election,
        string station,
        IReadOnlyList<int> votes,
        int invalid = 0,
        int version = 1,
        SourceId? source = null,
        ContestId? contest = null,
        int notReturned = 0,
        int cancelled = 5)
    {
        var roll = election.Area(new AreaId(station))!.Roll!;
        var valid = votes.Sum();
        var inBoxes = valid + invalid;
        var issued = inBoxes + notReturned;
        var lines = ImmutableArray.Create(roll.Registered, roll.Additional, issued + cancelled, issued, cancelled, inBoxes, valid, invalid);
        return new Protocol(
            election.Id,
            new AreaId(station),
            contest ?? ElectionBuilder.PartyList,
            source ?? ElectionBuilder.Hand,
            version,
            lines,
            [.. votes],
            version > 1 ? new Correction($"correction {version}", "operator-1") : null);
    }

    /// <summary>The same protocol with one line changed (breaking whichever relations that line is in).</summary>
    public static Protocol WithLine(this Protocol protocol, string line, int value)
    {
        var index = TestForms.LineIds.IndexOf(line);
        return protocol with { Lines = protocol.Lines.SetItem(index, value) };
    }
}
