using Sanoo.Web.Catalogs;

namespace Sanoo.Web.Audits;

/// <summary>
/// The words of the risk-limiting audit's page (docs/audits.md), in one language. Recount, hand count, polling station and protocol
/// follow the terminology research; the audit's own terms (risk limit, sample, seed) have no official wording yet and are proposals.
/// </summary>
/// <param name="Title">The page's heading and the header link.</param>
/// <param name="Intro">What an audit is, in two sentences.</param>
/// <param name="PlanHeading">The heading of the plan.</param>
/// <param name="PlanFormat">
/// The plan in a sentence: {0} the count audited, {1} the contests, {2} the risk limit, {3} stations, {4} the log position.
/// </param>
/// <param name="RiskLimitHeading">The heading of what the risk limit means.</param>
/// <param name="RiskLimitFormat">What the risk limit means; {0} the risk limit.</param>
/// <param name="SeedHeading">The heading of the seed.</param>
/// <param name="SeedText">How the seed was made and that anyone can redraw the sample from it.</param>
/// <param name="Redraw">What the command does.</param>
/// <param name="AssertionsHeading">The heading of what the audit checks.</param>
/// <param name="Assertion">Column: the claim.</param>
/// <param name="Margin">Column: its reported margin.</param>
/// <param name="BeatsFormat">The claim that a winner leads: {0} the contest, {1} the winner, {2} the loser.</param>
/// <param name="OverFormat">The claim that a party is over the threshold: {0} the contest, {1} the party.</param>
/// <param name="UnderFormat">The claim that a party stays under the threshold: {0} the contest, {1} the party.</param>
/// <param name="ErrorBoundFormat">The total error bound in a sentence; {0} U.</param>
/// <param name="RoundFormat">A round's heading: {0} its number, {1} draws, {2} stations.</param>
/// <param name="Station">Column: the station.</param>
/// <param name="Times">Column: how many draws picked it.</param>
/// <param name="Reported">Column: the count audited.</param>
/// <param name="Recount">Column: the hand recount.</param>
/// <param name="Comparison">Column: the recount against the count.</param>
/// <param name="CountFormat">A station's figures: {0} ballots, {1} votes per choice.</param>
/// <param name="Agrees">The recount agrees with the count.</param>
/// <param name="Understated">The recount found the count understated the reported margins.</param>
/// <param name="Overstated">The recount found the count overstated them; {0} the taint.</param>
/// <param name="NotRecounted">No agreed recount yet; {0} entries made so far.</param>
/// <param name="RiskFormat">The measured risk after a round; {0} the risk, {1} the risk limit.</param>
/// <param name="Waiting">Said of a round whose stations are not all recounted yet.</param>
/// <param name="NextRound">The decision to draw more stations; {0} the draws all rounds reach.</param>
/// <param name="DecisionHeading">The heading of the decision.</param>
/// <param name="ConfirmedFormat">The decision that confirms the outcome; {0} the risk limit.</param>
/// <param name="FullCount">The decision that escalates to a full hand count.</param>
/// <param name="Recounting">Said while the audit goes on.</param>
/// <param name="NotCoveredHeading">The heading of what the audit does not cover.</param>
/// <param name="NotCovered">What a confirmed audit says nothing about.</param>
/// <param name="Data">Where the audit's data is.</param>
public sealed record AuditWords(
    string Title, string Intro, string PlanHeading, string PlanFormat, string RiskLimitHeading, string RiskLimitFormat, string SeedHeading,
    string SeedText, string Redraw, string AssertionsHeading, string Assertion, string Margin, string BeatsFormat, string OverFormat,
    string UnderFormat, string ErrorBoundFormat, string RoundFormat,
    string Station, string Times, string Reported, string Recount, string Comparison, string CountFormat, string Agrees, string Understated,
    string Overstated, string NotRecounted, string RiskFormat, string Waiting, string NextRound, string DecisionHeading,
    string ConfirmedFormat, string FullCount, string Recounting, string NotCoveredHeading, string NotCovered, string Data)
{
    /// <summary>The words in <paramref name="language"/>, from its catalog (<see cref="WordCatalogs"/>).</summary>
    public static AuditWords For(string language) => WordCatalogs.For<AuditWords>(language);
}
