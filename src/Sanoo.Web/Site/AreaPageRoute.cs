using Microsoft.AspNetCore.Http;
using Sanoo.Core.Definitions;
using Sanoo.Core.Tally;
using Sanoo.Web.PublicApi;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Site;

/// <summary>
/// Serves one file of a page an area above the stations has beside its own (its reports, turnout, forensics): the language, the
/// file and the area checked (a page of this site that is not there is the 404 page), then the file from the published snapshot,
/// cached with it and tagged with its ETag.
/// </summary>
public static class AreaPageRoute
{
    /// <summary>
    /// The file <paramref name="file"/> (one of <paramref name="files"/>; none named: the first) of the page <paramref name="name"/>
    /// of the area <paramref name="id"/> (none: <paramref name="fallback"/>), made by <paramref name="make"/>; 404 when the page has
    /// no such file, area or language, or <paramref name="make"/> has nothing.
    /// </summary>
    public static async Task<IResult> ServeAsync(
        HttpContext context, SnapshotPublisher publisher, SiteContent site, string lang, string? id, Area fallback, string? file,
        IReadOnlyList<string> files, string name, Func<Published, Snapshot, Area, string, Task<byte[]?>> make)
    {
        var election = site.Election;
        var languages = election.Definition.Languages;
        var area = id is null ? fallback : AreaId.TryParse(id, out var areaId) ? election.Area(areaId) : null;
        IResult NotFound() => NotFoundPages.Or(context, languages, () =>
            Problems.Status(404, "Not found", $"'{context.Request.Path}' is not a page of this site; start at /{languages[0]}/."));
        file ??= files[0];
        if (!languages.Contains(lang) || !files.Contains(file) || area is null || area.IsStation)
        {
            return NotFound();
        }
        var published = publisher.Current;
        if (published.Snapshot is not { } snapshot)
        {
            return NotFoundPages.Unpublished(context, languages, () => Problems.Unavailable(SiteLanguage.Of(lang).Words.NoSnapshot));
        }
        return await SnapshotResponse.CachedBytesAsync(context, published, $"site/{lang}/{area.Id}/{name}/{file}", SiteContent.ContentType(file),
            () => make(published, snapshot, area, file), NotFound);
    }
}
