namespace Sanoo.Core.Definitions;

/// <summary>
/// A choice a voter can mark: a party, a candidate or "against all".
/// </summary>
/// <param name="Id">The choice's id; unique in the election.</param>
/// <param name="Kind">Party, candidate or against all.</param>
/// <param name="Name">Its name as printed on the ballot.</param>
/// <param name="BallotNumber">Its number on the ballot, where it has one (positive).</param>
/// <param name="Party">For a candidate, the party that nominated them; null when self-nominated.</param>
public sealed record Choice(ChoiceId Id, ChoiceKind Kind, LocalizedText Name, int? BallotNumber, ChoiceId? Party)
{
    /// <summary>For a party list standing as a coalition: how many parties it joins (1 for a single party).</summary>
    public int CoalitionMembers { get; init; } = 1;
}
