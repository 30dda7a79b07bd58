using Sanoo.Web.Catalogs;

namespace Sanoo.Web.Turnout;

/// <summary>
/// The words of the turnout-through-the-day page, in one language. Official terms follow the terminology research (turnout: явка
/// избирателей / шайлоочулардын катышуусу; at a time: «на 10:00» / «саат 10:00 боюнча», the suffix-free Kyrgyz form a template can
/// use); the sentences are proposals.
/// </summary>
/// <param name="Title">The page's heading and the link to it; {0} is the area's name.</param>
/// <param name="Link">The link from an area's page.</param>
/// <param name="Intro">What the figures are, in a sentence.</param>
/// <param name="None">Said before any station has reported.</param>
/// <param name="Time">Column: the report time.</param>
/// <param name="Reporting">Column: stations that reported.</param>
/// <param name="Voters">Column: voters who had taken part.</param>
/// <param name="Percent">Column: turnout.</param>
/// <param name="AtFormat">Turnout at a time, e.g. "Turnout at 10:00: 12.5%"; {0} the time, {1} the percentage.</param>
/// <param name="Below">The heading of the areas below, at the latest time.</param>
/// <param name="Flagged">The heading of the stations whose count has fewer voters than their last report.</param>
/// <param name="FlaggedIntro">What a flagged station means.</param>
/// <param name="FlagFormat">One flagged station: {0} the count's source, {1} voters in its protocol, {2} voters reported, {3} the time.</param>
public sealed record TurnoutWords(
    string Title, string Link, string Intro, string None, string Time, string Reporting, string Voters, string Percent, string AtFormat,
    string Below, string Flagged, string FlaggedIntro, string FlagFormat)
{
    /// <summary>The words in <paramref name="language"/>, from its catalog (<see cref="WordCatalogs"/>).</summary>
    public static TurnoutWords For(string language) => WordCatalogs.For<TurnoutWords>(language);
}
