namespace Sanoo.Core.Definitions;

/// <summary>What a voter marks on a ballot.</summary>
public enum ChoiceKind
{
    /// <summary>A party on a party-list ballot.</summary>
    Party,

    /// <summary>A candidate on a single-member ballot.</summary>
    Candidate,

    /// <summary>
    /// "Against all": counted like a choice; it never wins seats, and where it leads a
    /// single-member contest the contest has no winner.
    /// </summary>
    AgainstAll,
}
