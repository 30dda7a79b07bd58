namespace Sanoo.Core.Definitions;

/// <summary>
/// A polling station's voter lists as fixed before election day. Units: voters.
/// Invariant: both counts are non-negative.
/// </summary>
/// <param name="Registered">Voters on the station's main list.</param>
/// <param name="Additional">Voters expected on additional lists (often 0 before the day).</param>
public sealed record VoterRoll(int Registered, int Additional)
{
    /// <summary>Everyone who may vote at the station.</summary>
    public long Total => (long)Registered + Additional;
}
