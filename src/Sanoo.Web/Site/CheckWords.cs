using Sanoo.Web.Catalogs;

namespace Sanoo.Web.Site;

/// <summary>
/// The words of a results page's own check ("check these numbers"), in one language: the control, and what the check says when it
/// has run, plainly naming the figure or the station that did not match. The terms follow the terminology research (docs/site.md).
/// </summary>
/// <param name="Control">The control's label (a link to the verification page without script, a button with it).</param>
/// <param name="KeyLabel">Before the commission's key the check holds the signed log to.</param>
/// <param name="Checking">Said while the check runs.</param>
/// <param name="OkFormat">All matched: {0} figures compared, {1} protocol versions in the signed log.</param>
/// <param name="Mismatch">The heading of what did not match.</param>
/// <param name="FigureFormat">A figure that is not the sum of the entries: {0} the choice or line, {1} the count, {2} the page's figure,
/// {3} the entries' sum.</param>
/// <param name="ReportingFormat">Stations counted: {0} the count, {1} the page's figure, {2} the number the log gives.</param>
/// <param name="MissingFormat">A station's count shown as version {1} of which the log has no such version: {0} the count.</param>
/// <param name="ProofFormat">An entry not in the signed log: {0} the station, {1} its log position, {2} the count, {3} its version.</param>
/// <param name="HashFormat">An entry whose protocol does not hash to the hash its leaf names: {0} the station, {1} its log position.</param>
/// <param name="Signature">The tree head is not signed with the key on the page.</param>
/// <param name="Root">The signed log does not contain the state the page was made from.</param>
/// <param name="FailedFormat">The check could not run to its end: {0} why.</param>
/// <param name="MoreFormat">After the first problems listed: {0} how many more.</param>
/// <param name="Everything">The link to the verification page, for checking everything.</param>
/// <param name="RuleFormat">A figure that does not follow from the entries by the election's rules: {0} the figure, {1} the count, {2} the
/// page's figure, {3} what the rules give.</param>
/// <param name="PartialFormat">All that was checked matched, but not everything could be: {0} figures compared, {1} protocol versions.</param>
/// <param name="NotCheckedFormat">A figure the browser does not re-run: {0} the contest, {1} the rule of the definition.</param>
/// <param name="Definition">The election definition served is not the one the signed tree head names.</param>
/// <param name="KeptFormat">An earlier signed head the page relies on is not proved a part of the newest: {0} its size.</param>
/// <param name="SeatsFormat">The seats of {0} (a party).</param>
/// <param name="ShareFormat">The share of {0} (a choice).</param>
/// <param name="ThresholdFormat">Whether {0} (a party) passed the threshold.</param>
/// <param name="Passed">Over the threshold.</param>
/// <param name="Below">Below the threshold.</param>
/// <param name="OutcomeFormat">The outcome of {0} (a single-member contest).</param>
/// <param name="WinnerFormat">The winner of {0}.</param>
/// <param name="RunnerUpFormat">The runner-up of {0}.</param>
/// <param name="MarginFormat">The winner's margin in {0}.</param>
/// <param name="Counted">Stations counted (and of how many, and the share).</param>
/// <param name="Participation">Voters who took part.</param>
/// <param name="Valid">Valid votes.</param>
/// <param name="Registered">Voters on the lists of the stations counted.</param>
/// <param name="Turnout">Turnout.</param>
public sealed record CheckWords(
    string Control, string KeyLabel, string Checking, string OkFormat, string Mismatch, string FigureFormat, string ReportingFormat,
    string MissingFormat, string ProofFormat, string HashFormat, string Signature, string Root, string FailedFormat, string MoreFormat,
    string Everything, string RuleFormat, string PartialFormat, string NotCheckedFormat, string Definition, string KeptFormat,
    string SeatsFormat, string ShareFormat, string ThresholdFormat, string Passed, string Below, string OutcomeFormat, string WinnerFormat,
    string RunnerUpFormat, string MarginFormat, string Counted, string Participation, string Valid, string Registered, string Turnout)
{
    /// <summary>The words in <paramref name="language"/>, from its catalog (<see cref="WordCatalogs"/>).</summary>
    public static CheckWords For(string language) => WordCatalogs.For<CheckWords>(language);
}
