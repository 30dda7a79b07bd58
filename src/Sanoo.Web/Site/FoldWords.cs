using Sanoo.Web.Catalogs;

namespace Sanoo.Web.Site;

/// <summary>
/// The words of the summary above the fold, the whole parliament and the single-member districts' page, in one language.
/// Terms follow the commission's usage where it has one (see docs/site.md for those proposed here).
/// </summary>
public sealed record FoldWords(
    string Leading,
    string LeaderSeatsFormat,
    string Projected,
    string CountedFormat,
    string AsOfFormat,
    string Order,
    string ByVotes,
    string BallotOrder,
    string WholeParliamentFormat,
    string Undecided,
    string Independent,
    string SingleMemberDistricts,
    string District,
    string RunnerUp,
    string RepeatElection,
    string NotCountedYet,
    string ProgressFormat)
{
    /// <summary>The words in <paramref name="language"/>, from its catalog (<see cref="WordCatalogs"/>).</summary>
    public static FoldWords For(string language) => WordCatalogs.For<FoldWords>(language);
}
