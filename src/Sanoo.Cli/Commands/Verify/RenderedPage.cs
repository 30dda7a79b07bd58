using Sanoo.Web.Site;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// A page whose HTML the verifier renders itself, from the page model it built from its verified snapshot, to hold the published page
/// to (<see cref="AreaHtmlCheck"/>): an area's page in either order, or the single-member districts' page.
/// </summary>
internal abstract record RenderedPage
{
    private RenderedPage()
    {
    }

    /// <summary>An area's page: <c>index.html</c>, or its twin in ballot order <c>ballot.html</c> where <paramref name="Ballot"/>.</summary>
    /// <param name="Page">The page as the verifier built it, its frame as yet of the head.</param>
    /// <param name="Area">The page's area.</param>
    /// <param name="Ballot">Whether it is the page in ballot order.</param>
    public sealed record OfArea(AreaPage Page, Core.Definitions.Area Area, bool Ballot) : RenderedPage;

    /// <summary>The single-member districts' page, <c>/{lang}/single-member/index.html</c>.</summary>
    /// <param name="Page">The page as the verifier built it, its frame as yet of the head.</param>
    public sealed record Districts(SingleMemberPage Page) : RenderedPage;
}
