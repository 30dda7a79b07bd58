using System.Collections.Immutable;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Seats;

/// <summary>
/// A runoff contest (<see cref="Contest.RunoffOf"/>) against its first round's outcome: the law puts the first round's two
/// finalists on the runoff ballot, and the definition was written before anyone knew who they would be.
/// </summary>
/// <param name="Finalists">The first round's finalists, most votes first.</param>
/// <param name="CandidatesMatch">Whether the runoff's candidates are exactly those finalists.</param>
public sealed record RunoffLink(ImmutableArray<Choice> Finalists, bool CandidatesMatch);
