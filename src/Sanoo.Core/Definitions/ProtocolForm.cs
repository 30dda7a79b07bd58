using System.Collections.Immutable;

namespace Sanoo.Core.Definitions;

/// <summary>
/// The paper protocol's layout: its lines in printed order, the control relations that tie
/// them to each other and to the votes, and how many voters took part.
/// Invariants: line ids are unique; every relation names only lines of this form (and, through
/// <c>votes(…)</c>, choices of each contest that uses the form).
/// </summary>
/// <param name="Id">The form's id.</param>
/// <param name="Lines">The lines, in the order a protocol lists them.</param>
/// <param name="Relations">The control relations.</param>
/// <param name="Participation">
/// An expression over the lines counting the voters who took part (e.g. <c>valid + invalid</c>):
/// the base of shares and of turnout.
/// </param>
public sealed record ProtocolForm(
    FormId Id,
    ImmutableArray<FormLine> Lines,
    ImmutableArray<RelationSpec> Relations,
    string Participation);
