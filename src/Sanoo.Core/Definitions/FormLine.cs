namespace Sanoo.Core.Definitions;

/// <summary>One numbered line of a paper protocol, e.g. "number of valid ballots". Units: ballots or voters.</summary>
/// <param name="Id">The line's id, used in control relations and protocol files.</param>
/// <param name="Name">The label printed on the protocol.</param>
public sealed record FormLine(LineId Id, LocalizedText Name);
