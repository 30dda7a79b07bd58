using System.Globalization;

namespace Sanoo.Web.Site;

/// <summary>
/// What a link to a page shows when shared (Open Graph and Twitter card meta), in the page's language.
/// </summary>
/// <param name="Title">Who leads and by what share in the page's area.</param>
/// <param name="Description">How much is counted and by which count, as of when, and the stage of the count.</param>
/// <param name="Url">The page's address: absolute when the site's public address is known, else from the site's root.</param>
/// <param name="Image">The page's preview image (<see cref="ShareCards.PreviewFile"/>), its address tied to the snapshot.</param>
/// <param name="ImageAlt">The image's text alternative.</param>
public sealed record ShareCard(string Title, string Description, string Url, string Image, string ImageAlt);

/// <summary>Builds an area page's share card; the image itself is drawn by <see cref="PreviewImage"/>.</summary>
public static class ShareCards
{
    /// <summary>The preview image's file in an area page's folder.</summary>
    public const string PreviewFile = "preview.png";

    /// <summary>The card of <paramref name="page"/>; addresses start with <paramref name="publicAddress"/> when it is known.</summary>
    public static ShareCard Of(AreaPage page, Uri? publicAddress)
    {
        var frame = page.Frame;
        var code = frame.Language.Code;
        var craft = CraftWords.For(code);
        var fold = FoldWords.For(code);
        var title = page.Summary is { Leader: { } leader, LeaderShare: { } share }
            ? string.Format(frame.Language.Culture, craft.LeadsFormat, frame.Title, leader, share)
            : $"{frame.Title}: {fold.NotCountedYet}";
        var description = page.Summary is { } summary
            ? $"{summary.Counted} ({summary.CountName}), {summary.AsOf}. {frame.Stage}"
            : frame.Stage;
        var root = publicAddress?.ToString().TrimEnd('/') ?? "";
        var snapshot = frame.Snapshot.ToString(CultureInfo.InvariantCulture);
        return new ShareCard(
            title,
            description,
            root + frame.Path,
            $"{root}{frame.Path}{PreviewFile}?s={snapshot}",
            string.Format(frame.Language.Culture, craft.PreviewAlt, frame.Title));
    }
}
