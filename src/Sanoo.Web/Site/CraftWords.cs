using Sanoo.Web.Catalogs;

namespace Sanoo.Web.Site;

/// <summary>
/// The words of the footer's publication time and of a page's share card (the title, description and preview image a link shows
/// when shared), in one language. See docs/site.md for the terms.
/// </summary>
/// <param name="SnapshotFormat">The footer's proof line: {0} the snapshot's log position, {1} when it was published, in the
/// election's time zone with its offset from UTC.</param>
/// <param name="LeadsFormat">A share card's title: {0} the area, {1} the leading choice, {2} its share.</param>
/// <param name="PreviewAlt">The preview image's text alternative: {0} the area.</param>
/// <param name="OtherChoicesFormat">Under the preview's bars: {0} how many more choices are not drawn.</param>
public sealed record CraftWords(string SnapshotFormat, string LeadsFormat, string PreviewAlt, string OtherChoicesFormat)
{
    /// <summary>The words in <paramref name="language"/>, from its catalog (<see cref="WordCatalogs"/>).</summary>
    public static CraftWords For(string language) => WordCatalogs.For<CraftWords>(language);
}
