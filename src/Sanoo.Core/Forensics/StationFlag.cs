using System.Collections.Immutable;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Forensics;

/// <summary>A station flagged by the forensic checks, with every reason and the figures they rest on.</summary>
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
    double LeaderSharePercent);
