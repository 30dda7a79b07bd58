namespace Sanoo.Core.Definitions;

/// <summary>
/// A control relation as the definition states it, e.g. <c>valid = votes(*)</c>; compiled
/// into <see cref="Rules.ControlRules"/> when the definition is loaded.
/// </summary>
/// <param name="Id">The relation's name, quoted in every violation.</param>
/// <param name="Rule">The relation in the expression language of docs/definition-format.md.</param>
/// <param name="Severity">Error (reject) or warning (count and flag).</param>
/// <param name="Description">An explanation for commissions, optional.</param>
public sealed record RelationSpec(RelationId Id, string Rule, Severity Severity, LocalizedText? Description);
