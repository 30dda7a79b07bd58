using Sanoo.Core.Definitions;

namespace Sanoo.Core.Seats;

/// <summary>
/// A party (or list) as a seat step names it: its choice id, and the name the allocation was given
/// for it (the definition's name in the caller's language, a file's row label, or the id itself).
/// The name is data carried through, never a word Core chose.
/// </summary>
/// <param name="Id">The party's choice id.</param>
/// <param name="Name">Its name as given to the allocation.</param>
public readonly record struct StepParty(ChoiceId Id, string Name)
{
    /// <summary>The party of an allocation's request.</summary>
    public static StepParty Of(PartyVotes party) => new(party.Party, party.ToString());

    /// <summary>A party known only by its id, which is then also its name.</summary>
    public static StepParty Of(ChoiceId party) => new(party, party.Value);

    /// <inheritdoc />
    public override string ToString() => Name;
}
