using Sanoo.Web.Site;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// A page whose HTML the verifier renders itself, from the page model it built from its verified snapshot, to hold the published page
/// to (<see cref="PageHtmlCheck"/>): an area's page in either order, the single-member districts' page, a station's page, or a page
/// of the whole election.
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

    /// <summary>A station's page, <c>/{lang}/station/{id}/index.html</c>.</summary>
    /// <param name="Page">The page as the verifier built it from the station's entries the verified log holds.</param>
    /// <param name="Station">The station.</param>
    public sealed record OfStation(StationPage Page, Core.Definitions.Area Station) : RenderedPage;

    /// <summary>
    /// A page of the whole election (the "how to check" page, the night's progress), which carries no check of its own.
    /// </summary>
    /// <param name="Frame">The page's frame as the verifier built it, as yet of the head.</param>
    /// <param name="Render">Renders the page with a frame as published.</param>
    public sealed record Whole(PageFrame Frame, Func<SiteRenderer, PageFrame, Task<string>> Render) : RenderedPage;
}
