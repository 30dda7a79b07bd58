using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Forensics;

/// <summary>
/// A station flagged by the forensic checks, with every reason and the figures they rest on. Two flags are equal when every field
/// is, the reasons compared one by one (not the array's reference), and its text names them all, numbers in the invariant culture:
/// what a published page's fingerprint reads.
/// </summary>
/// <param name="Station">The station.</param>
/// <param name="Reasons">Why, in <see cref="FlagReason"/> order; never empty.</param>
/// <param name="Registered">Registered voters (main and additional lists).</param>
/// <param name="TookPart">Voters who took part (the form's participation expression).</param>
/// <param name="TurnoutPercent">100 × took part / registered; 0 with no registered voters.</param>
/// <param name="LeaderSharePercent">100 × the area leader's votes / took part; 0 when no one took part.</param>
public sealed record StationFlag(
    AreaId Station,
    ImmutableArray<FlagReason> Reasons,
    long Registered,
    long TookPart,
    double TurnoutPercent,
    double LeaderSharePercent)
{
    /// <inheritdoc/>
    public bool Equals(StationFlag? other) => other is not null
        && Station == other.Station
        && Reasons.AsSpan().SequenceEqual(other.Reasons.AsSpan())
        && Registered == other.Registered
        && TookPart == other.TookPart
        && TurnoutPercent.Equals(other.TurnoutPercent)
        && LeaderSharePercent.Equals(other.LeaderSharePercent);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Station, Reasons.Length, Registered, TookPart, TurnoutPercent, LeaderSharePercent);

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture,
            $"Station = {Station.Value}, Reasons = [{string.Join(", ", Reasons)}], Registered = {Registered}, TookPart = {TookPart}, ");
        builder.Append(CultureInfo.InvariantCulture, $"TurnoutPercent = {TurnoutPercent:R}, LeaderSharePercent = {LeaderSharePercent:R}");
        return true;
    }
}
