using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sanoo.Core.Tally;
using Sanoo.Web.PublicApi;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Site;

/// <summary>The "how to check these numbers" page.</summary>
/// <param name="Frame">The page's frame.</param>
/// <param name="Words">Its words in the page's language.</param>
/// <param name="Key">The commission's public key, base64; null where the copy does not carry it.</param>
/// <param name="Head">The log's published state in words; empty before the first signed head.</param>
/// <param name="Witnessed">The witnesses who cosigned it, in words.</param>
public sealed record VerifyPage(PageFrame Frame, VerifyPageWords Words, string? Key, string Head, string Witnessed)
{
    /// <summary>The command that checks everything, with <c>KEY</c> filled in when the key is known.</summary>
    public string VerifyCommand => $"sanoo verify --url URL --commission-key {Key ?? "KEY"}";

    /// <summary>The command that keeps checking.</summary>
    public string FollowCommand => $"{VerifyCommand} --follow";

    /// <summary>The command that checks a photographed protocol sheet.</summary>
    public string SheetCommand => $"sanoo check-sheet PHOTO.jpg --url URL --commission-key {Key ?? "KEY"}";
}

/// <summary>Builds and serves the page at <c>/{lang}/verify/</c>, live and in the static copy.</summary>
public static class VerifyPages
{
    /// <summary>The page's address.</summary>
    public static string Path(string language) => $"/{language}/verify/";

    /// <summary>The page in <paramref name="language"/>; <paramref name="key"/> is the commission's public key when known.</summary>
    public static VerifyPage Of(Published published, Snapshot snapshot, byte[]? key, SiteLanguage language)
    {
        var words = VerifyPageWords.For(language.Code);
        var root = snapshot.Election.Areas[0];
        var frame = PageFrames.Of(published, snapshot, root, language) with
        {
            Title = words.Title,
            PathAfterLanguage = Path(language.Code)[(language.Code.Length + 1)..],
            Crumbs = [new Link(root.DisplayName(language.Code), SitePaths.Area(language.Code, root))],
            DataFiles = false,
        };
        var head = published.TreeHead?.Head is { } h
            ? string.Format(language.Culture, words.HeadFormat, language.Number(h.Size), Convert.ToHexStringLower(h.Root),
                language.Number(h.RegisterSize), Convert.ToHexStringLower(h.RegisterRoot),
                h.Timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
            : "";
        var witnessed = published.Witnesses is { Count: > 0 } witnesses
            ? string.Format(language.Culture, words.Witnesses, string.Join(", ", witnesses.Select(w => w.Witness)))
            : words.NoWitness;
        return new VerifyPage(frame, words, key is null ? null : Convert.ToBase64String(key), head, witnessed);
    }

    /// <summary>Maps the live page.</summary>
    public static void MapVerifyPage(this IEndpointRouteBuilder app) =>
        app.MapRead("/{lang}/verify/{file?}", PageAsync).ExcludeFromDescription();

    private static async Task<IResult> PageAsync(
        HttpContext context, SnapshotPublisher publisher, SiteContent site, CommissionKey commission, string lang, string? file)
    {
        var languages = site.Election.Definition.Languages;
        IResult NotFound() => NotFoundPages.Or(context, languages, () =>
            Problems.Status(404, "Not found", $"'{context.Request.Path}' is not a page of this site; start at /{languages[0]}/."));
        if (!languages.Contains(lang) || (file ?? "index.html") != "index.html")
        {
            return NotFound();
        }
        var published = publisher.Current;
        if (published.Snapshot is not { } snapshot)
        {
            return Problems.Unavailable(SiteLanguage.Of(lang).Words.NoSnapshot);
        }
        // The page shows the signed head: kept by the register it covers (a new record, a witness or a key, signs a new head at
        // once), not by its time, which the interval renews every few seconds; a page of the same register may show an earlier signing.
        return await SnapshotResponse.CachedHeadBytesAsync(context, published, $"site/{lang}/verify", "text/html; charset=utf-8",
            async () => await site.VerifyFileAsync(published, snapshot, commission.PublicKey, lang), NotFound);
    }
}
