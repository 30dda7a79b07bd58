using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Sanoo.Web.Site;

/// <summary>
/// An address under a language of the site that is no page of it (<c>/ky/no-such-page</c>, an unknown area or station) is
/// answered 404 with a small page in that language, in the site's frame, that says so and leads to the language's home page.
/// A request that asks for JSON (<c>Accept: application/json</c>) or reads under <c>/api/</c> keeps its problem answer, and so
/// does any address whose first segment is not one of the definition's languages. A server error under a language (an
/// exception, a 5xx without a body) is answered the same way with a page saying the server failed (<see cref="ErrorPages"/>).
/// </summary>
public static class NotFoundPages
{
    /// <summary>
    /// The language to answer <paramref name="request"/> in with the page: the first segment of its path when that is one of
    /// <paramref name="languages"/>, the request reads (GET or HEAD) outside <c>/api/</c> and does not ask for JSON; else null.
    /// </summary>
    public static string? LanguageFor(HttpRequest request, IReadOnlyList<string> languages)
    {
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || AsksForJson(request))
        {
            return null;
        }
        var first = (request.Path.Value ?? "").TrimStart('/').Split('/', 2)[0];
        return languages.FirstOrDefault(language => string.Equals(language, first, StringComparison.Ordinal));
    }

    /// <summary>Whether the client's <c>Accept</c> rates JSON (<c>application/json</c> or a <c>+json</c> type) above HTML.</summary>
    public static bool AsksForJson(HttpRequest request)
    {
        double json = 0, html = 0;
        foreach (var accepted in request.GetTypedHeaders().Accept)
        {
            // Named types only: a wildcard (*/*) takes either, and then the address, a page's, decides.
            var (quality, type) = (accepted.Quality ?? 1, accepted.MediaType);
            if (Is(type, "application/json") || Is(accepted.Suffix, "json"))
            {
                json = Math.Max(json, quality);
            }
            else if (Is(type, "text/html") || Is(type, "application/xhtml+xml"))
            {
                html = Math.Max(html, quality);
            }
        }
        return json > html;

        static bool Is(Microsoft.Extensions.Primitives.StringSegment value, string name) => value.Equals(name, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The answer of a site endpoint that found no page: the page in the address's language, else <paramref name="problem"/>.</summary>
    public static IResult Or(HttpContext context, IReadOnlyList<string> languages, Func<IResult> problem) =>
        LanguageFor(context.Request, languages) is { } language ? new Page(language, StatusCodes.Status404NotFound) : problem();

    /// <summary>
    /// The answer of a site endpoint before any results are published: 503 with the page saying so in the address's language,
    /// else <paramref name="problem"/>.
    /// </summary>
    public static IResult Unpublished(HttpContext context, IReadOnlyList<string> languages, Func<IResult> problem) =>
        LanguageFor(context.Request, languages) is { } language ? new Page(language, StatusCodes.Status503ServiceUnavailable) : problem();

    /// <summary>
    /// Status code pages that answer a bodiless 404 under a language of the site (an address no route knows) with the page, and
    /// everything else as they do by default (problem details, or a line of text for a client that takes no JSON).
    /// </summary>
    public static StatusCodePagesOptions StatusCodePages(IReadOnlyList<string> languages)
    {
        var byDefault = new StatusCodePagesOptions().HandleAsync;
        return new StatusCodePagesOptions
        {
            HandleAsync = context => context.HttpContext.Response.StatusCode == StatusCodes.Status404NotFound
                && LanguageFor(context.HttpContext.Request, languages) is { } language
                    ? WriteAsync(context.HttpContext, language, StatusCodes.Status404NotFound)
                    : context.HttpContext.Response.StatusCode >= StatusCodes.Status500InternalServerError
                        && LanguageFor(context.HttpContext.Request, languages) is { } failed
                        ? WriteAsync(context.HttpContext, failed, context.HttpContext.Response.StatusCode)
                        : byDefault(context),
        };
    }

    /// <summary>
    /// Answers with the page for <paramref name="status"/> in <paramref name="language"/>: "page not found" for 404, "something went
    /// wrong" for a server error (503 saying no results are published yet when none are).
    /// </summary>
    internal static async Task WriteAsync(HttpContext context, string language, int status)
    {
        var site = context.RequestServices.GetRequiredService<SiteContent>();
        var renderer = context.RequestServices.GetRequiredService<SiteRenderer>();
        var words = SiteLanguage.Of(language).Words;
        var (title, text) = status switch
        {
            StatusCodes.Status404NotFound => (words.PageNotFound, words.PageNotFoundText),
            StatusCodes.Status503ServiceUnavailable => (words.ServerError, words.NoSnapshot),
            _ => (words.ServerError, words.ServerErrorText),
        };
        var html = await renderer.NoticeAsync(PageFrames.Notice(site.Election, SiteLanguage.Of(language), title), text);
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers.Vary = HeaderNames.Accept;
        await response.WriteAsync(html, context.RequestAborted);
    }

    private sealed class Page(string language, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, language, status);
    }
}
