using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Sanoo.Core.Definitions;
using Sanoo.Web.PublicApi;
using Sanoo.Web.Publishing;

namespace Sanoo.Web.Site;

/// <summary>
/// The results site on the live server: <c>/</c> picks a language from the browser, every page
/// is a folder with <c>index.html</c>, <c>data.csv</c> and <c>data.json</c>, all answered from the
/// published snapshot with its ETag, and cached per snapshot.
/// </summary>
public static class SiteEndpoints
{
    /// <summary>Maps the site.</summary>
    public static void MapSite(this IEndpointRouteBuilder app)
    {
        app.MapRead("/", Home).ExcludeFromDescription();
        app.MapRead(SitePaths.SnapshotJson, (HttpContext context, SnapshotPublisher publisher) =>
        {
            context.Response.Headers.CacheControl = "no-cache";
            return Results.Bytes(SiteContent.SnapshotMarker(publisher.Current), "application/json; charset=utf-8");
        }).ExcludeFromDescription();
        app.MapRead(SitePaths.Protocols, ProtocolsAsync).ExcludeFromDescription();
        MapAsset(app, SiteAssets.CssPath, () => SiteAssets.Css, "text/css; charset=utf-8");
        MapAsset(app, SiteAssets.ScriptPath, () => SiteAssets.Script, ScriptType);
        app.MapRead("/{lang}/", (HttpContext c, SnapshotPublisher p, SiteContent s, string lang, CancellationToken ct) =>
            PageAsync(c, p, s, lang, null, false, "index.html", ct)).ExcludeFromDescription();
        app.MapRead("/{lang}/{file}", (HttpContext c, SnapshotPublisher p, SiteContent s, string lang, string file, CancellationToken ct) =>
            PageAsync(c, p, s, lang, null, false, file, ct)).ExcludeFromDescription();
        app.MapRead("/{lang}/discrepancies/{file?}", LedgerAsync).ExcludeFromDescription();
        app.MapRead("/{lang}/single-member/{file?}", SingleMemberAsync).ExcludeFromDescription();
        app.MapRead("/{lang}/search/", SearchAsync).ExcludeFromDescription();
        app.MapRead("/{lang}/search/" + SearchPages.IndexFile, SearchIndex).ExcludeFromDescription();
        MapAsset(app, SiteAssets.CheckScriptPath, () => SiteAssets.CheckScript, ScriptType);
        MapAsset(app, SiteAssets.EntryScriptPath, () => SiteAssets.EntryScript, ScriptType);
        app.MapRead("/{lang}/enter/", (HttpContext c, SiteContent s, SiteRenderer r, string lang) => EntryAsync(c, s, r, lang, null))
            .ExcludeFromDescription();
        app.MapRead("/{lang}/enter/queue/", QueueAsync).ExcludeFromDescription();
        app.MapRead("/{lang}/enter/{station}/", EntryAsync).ExcludeFromDescription();
        app.MapRead(
            "/{lang}/area/{id}/{file?}",
            (HttpContext c, SnapshotPublisher p, SiteContent s, string lang, string id, string? file, CancellationToken ct) =>
                PageAsync(c, p, s, lang, id, false, file, ct)).ExcludeFromDescription();
        app.MapRead(
            "/{lang}/station/{id}/{file?}",
            (HttpContext c, SnapshotPublisher p, SiteContent s, string lang, string id, string? file, CancellationToken ct) =>
                PageAsync(c, p, s, lang, id, true, file, ct)).ExcludeFromDescription();
    }

    /// <summary>
    /// The operators' entry page: a station's paper forms, or a prompt for a station
    /// (<c>?station=ID</c> goes to its page). Holds no results, so it is not cached by snapshot.
    /// </summary>
    private static async Task<IResult> EntryAsync(HttpContext context, SiteContent site, SiteRenderer renderer, string lang, string? station)
    {
        if (!Languages(site).Contains(lang))
        {
            return Results.NotFound();
        }
        if (station is null && context.Request.Query["station"].ToString().Trim() is { Length: > 0 } asked)
        {
            return Results.Redirect($"/{lang}/enter/{Uri.EscapeDataString(asked)}/");
        }
        var area = AreaId.TryParse(station, out var stationId) ? site.Election.Area(stationId) : null;
        if (station is not null && area is not { IsStation: true })
        {
            return NotFoundPages.Or(context, Languages(site), () => Problems.Status(
                404,
                "Unknown station",
                $"'{station}' is not a polling station of this election; open /{lang}/enter/ and type a station's id."));
        }
        context.Response.Headers.CacheControl = "no-store";
        return Html(await renderer.EntryAsync(EntryPages.Of(site.Election, area, SiteLanguage.Of(lang))));
    }

    /// <summary>The supervisor's queue page; the queue itself is fetched by its script with the operator's token.</summary>
    private static async Task<IResult> QueueAsync(HttpContext context, SiteContent site, SiteRenderer renderer, string lang)
    {
        if (!Languages(site).Contains(lang))
        {
            return Results.NotFound();
        }
        var page = EntryPages.Of(site.Election, null, SiteLanguage.Of(lang));
        context.Response.Headers.CacheControl = "no-store";
        return Html(await renderer.QueueAsync(
            page with { Frame = page.Frame with { Title = page.Entry.Queue, PathAfterLanguage = "/enter/queue/" } }));
    }

    private static IResult Html(string html) => Results.Content(html, "text/html; charset=utf-8");

    /// <summary>The style sheet or script: pages link them with a content hash, so a year's cache life is safe.</summary>
    private const string ScriptType = "text/javascript; charset=utf-8";

    /// <summary>The style sheet and scripts, each with its gzip and Brotli forms made once for the process's life.</summary>
    private static readonly ResponseCache Assets = new(8 * 1024 * 1024);

    private static void MapAsset(IEndpointRouteBuilder app, string path, Func<string> text, string contentType) =>
        app.MapRead(path, (HttpContext context) =>
        {
            var headers = context.Response.Headers;
            headers.CacheControl = context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "public, max-age=60";
            headers.Vary = HeaderNames.AcceptEncoding;
            return new ReadyAnswerResult(
                Assets.TryGet(path, out var kept) ? kept : Assets.Keep(path, Encoding.UTF8.GetBytes(text()), contentType));
        }).ExcludeFromDescription();

    /// <summary>No page at this address: a page saying so in the address's language, or a problem for a client that asks for JSON.</summary>
    private static IResult NotAPage(HttpContext context, SiteContent site) => NotFoundPages.Or(context, Languages(site), () =>
        Problems.Status(404, "Not found", $"'{context.Request.Path}' is not a page of this site; start at /{Languages(site)[0]}/."));

    private static IReadOnlyList<string> Languages(SiteContent site) => site.Election.Definition.Languages;

    private static IResult Home(HttpContext context, SiteContent site)
    {
        context.Response.Headers.Vary = "Accept-Language";
        return Results.Redirect($"/{SiteLanguage.Pick(context.Request.Headers.AcceptLanguage.ToString(), Languages(site))}/");
    }

    private static async Task<IResult> PageAsync(
        HttpContext context, SnapshotPublisher publisher, SiteContent site, string lang, string? id, bool station, string? file,
        CancellationToken cancellationToken)
    {
        file ??= "index.html";
        var election = site.Election;
        var area = id is null ? election.Areas.First(a => a.Parent is null) : AreaId.TryParse(id, out var areaId) ? election.Area(areaId) : null;
        if (!Languages(site).Contains(lang) || area is null || area.IsStation != station || !SiteContent.FilesOf(area).Contains(file))
        {
            return NotAPage(context, site);
        }
        var published = publisher.Current;
        if (published.Snapshot is not { } snapshot)
        {
            return NotFoundPages.Unpublished(context, Languages(site), () => Problems.Unavailable(SiteLanguage.Of(lang).Words.NoSnapshot));
        }
        return await SnapshotResponse.CachedBytesAsync(context, published, $"site/{lang}/{area.Id}/{file}", SiteContent.ContentType(file),
            async () => await site.PageFileAsync(published, snapshot, area, lang, file, cancellationToken: cancellationToken),
            () => NotAPage(context, site));
    }

    private static async Task<IResult> LedgerAsync(HttpContext context, SnapshotPublisher publisher, SiteContent site, string lang, string? file)
    {
        file ??= "index.html";
        var published = publisher.Current;
        if (!Languages(site).Contains(lang) || !SiteContent.PageFiles.Contains(file) || published.Snapshot is not { } snapshot)
        {
            return NotAPage(context, site);
        }
        return await SnapshotResponse.CachedBytesAsync(context, published, $"site/{lang}/discrepancies/{file}", SiteContent.ContentType(file),
            () => site.LedgerFileAsync(published, snapshot, lang, file),
            () => NotFoundPages.Or(context, Languages(site), () =>
                Problems.Status(404, "Not found", "This election has a single count: there is nothing to compare.")));
    }

    private static async Task<IResult> SingleMemberAsync(
        HttpContext context, SnapshotPublisher publisher, SiteContent site, string lang, string? file)
    {
        file ??= "index.html";
        var published = publisher.Current;
        if (!Languages(site).Contains(lang) || !SiteContent.PageFiles.Contains(file) || published.Snapshot is not { } snapshot)
        {
            return NotAPage(context, site);
        }
        return await SnapshotResponse.CachedBytesAsync(context, published, $"site/{lang}/single-member/{file}", SiteContent.ContentType(file),
            () => site.SingleMemberFileAsync(published, snapshot, lang, file), () => NotAPage(context, site));
    }

    /// <summary>Finding a station: the answer depends on the query, so it is made for each request from the index built once.</summary>
    private static async Task<IResult> SearchAsync(HttpContext context, SnapshotPublisher publisher, SiteContent site, string lang)
    {
        var published = publisher.Current;
        if (!Languages(site).Contains(lang) || published.Snapshot is not { } snapshot)
        {
            return NotAPage(context, site);
        }
        context.Response.Headers.CacheControl = "no-cache";
        return Results.Bytes(
            await site.SearchFileAsync(published, snapshot, lang, context.Request.Query["q"].ToString()), "text/html; charset=utf-8");
    }

    /// <summary>The index a published folder's search page reads, served live too so both copies hold the same files.</summary>
    private static IResult SearchIndex(HttpContext context, SiteContent site, string lang)
    {
        if (!Languages(site).Contains(lang))
        {
            return NotAPage(context, site);
        }
        context.Response.Headers.CacheControl = "public, max-age=300";
        return Results.Bytes(SearchPages.Index(site.Election, SiteLanguage.Of(lang)), "application/json; charset=utf-8");
    }

    private static async Task ProtocolsAsync(HttpContext context, SnapshotPublisher publisher, SiteContent site)
    {
        var published = publisher.Current;
        if (published.Snapshot is not { } snapshot)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        if (SnapshotResponse.NotModified(context, published.ETag) is not null)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        context.Response.ContentType = "text/csv; charset=utf-8";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }
        await site.WriteProtocolsAsync(context.Response.Body, snapshot, context.RequestAborted);
    }
}
