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
public sealed record CheckWords(
    string Control, string KeyLabel, string Checking, string OkFormat, string Mismatch, string FigureFormat, string ReportingFormat,
    string MissingFormat, string ProofFormat, string HashFormat, string Signature, string Root, string FailedFormat, string MoreFormat,
    string Everything)
{
    /// <summary>The words in <paramref name="language"/>, from its catalog (<see cref="WordCatalogs"/>).</summary>
    public static CheckWords For(string language) => WordCatalogs.For<CheckWords>(language);
}
