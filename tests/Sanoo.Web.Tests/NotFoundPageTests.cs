using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sanoo.Web.Site;

namespace Sanoo.Web.Tests;

/// <summary>
/// An address under a language of the site that is no page answers 404 with a small page in that language, in the site's frame,
/// leading to the language's home page; clients that ask for JSON and the API keep their problem answers.
/// </summary>
public class NotFoundPageTests(ServerFixture server) : IClassFixture<ServerFixture>
{
    private static readonly string[] Languages = [.. ServerFixture.Sample.Election.Definition.Languages];

    private const string Browser = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8";

    /// <summary>Addresses that are no page: no route at all, an unknown page file, area or station, an area asked as a station.</summary>
    public static TheoryData<string> Missing => new()
    {
        "/{0}/no-such-page", "/{0}/areas/NOPE", "/{0}/area/NOPE/", "/{0}/station/NOPE/", "/{0}/station/d01/", "/{0}/area/s0001/",
        "/{0}/station/s0001/page.pdf", "/{0}/enter/NOPE/", "/{0}/a/b/c/d",
    };

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? accept)
    {
        var request = new HttpRequestMessage(method, path);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }
        return await server.Client.SendAsync(request);
    }

    [Theory]
    [MemberData(nameof(Missing))]
    public async Task An_address_that_is_no_page_answers_404_with_a_page_in_its_language_leading_home(string pattern)
    {
        foreach (var language in Languages)
        {
            var words = Words.For(language);
            foreach (var accept in new[] { Browser, null })
            {
                var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern, language);
                var response = await SendAsync(HttpMethod.Get, path, accept);
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
                var html = await response.Content.ReadAsStringAsync();
                Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
                Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
                Assert.Contains($"<h1>{words.PageNotFound}</h1>", html, StringComparison.Ordinal);
                Assert.Contains(words.PageNotFoundText, html, StringComparison.Ordinal);
                Assert.Contains($"<a href=\"/{language}/\">{words.ToHomePage}</a>", html, StringComparison.Ordinal);
                Assert.Contains(ServerFixture.Sample.Election.Definition.Name.In(language), html, StringComparison.Ordinal);
                Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
                Assert.DoesNotContain(words.Download, html, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Head_of_an_address_that_is_no_page_answers_404_as_html_without_a_body()
    {
        var head = await SendAsync(HttpMethod.Head, "/ru/areas/NOPE", Browser);
        Assert.Equal(HttpStatusCode.NotFound, head.StatusCode);
        Assert.Equal("text/html", head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/ky/no-such-page", "application/json")]
    [InlineData("/ru/areas/NOPE", "application/json")]
    [InlineData("/ru/station/NOPE/", "application/json, text/html;q=0.5")]
    [InlineData("/ky/area/NOPE/", "application/problem+json")]
    [InlineData("/api/v1/no-such-read", null)]
    [InlineData("/api/v1/stations/NOPE", Browser)]
    [InlineData("/xx/no-such-page", null)]
    [InlineData("/xx/area/NOPE/", Browser)]
    public async Task Json_clients_the_api_and_addresses_outside_the_languages_keep_the_problem_answer(string path, string? accept)
    {
        var response = await SendAsync(HttpMethod.Get, path, accept);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
        if (accept is null || accept.Contains("json", StringComparison.Ordinal))
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(404, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        }
    }

    [Fact]
    public async Task A_page_that_exists_is_untouched_and_a_write_to_a_page_address_is_still_refused_as_before()
    {
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/ky/", Browser)).StatusCode);
        var post = await server.Client.PostAsync("/ky/no-such-page", new StringContent("x"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.NotEqual("text/html", post.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void Every_language_of_the_definition_has_its_own_words_for_a_missing_page()
    {
        foreach (var language in Languages.Where(l => l != "en"))
        {
            var words = Words.For(language);
            Assert.False(
                words.LanguageName == Words.For("en").LanguageName,
                $"the word catalog has no words for '{language}': it falls back to English");
            foreach (var text in new[] { words.PageNotFound, words.PageNotFoundText, words.ToHomePage })
            {
                Assert.False(string.IsNullOrWhiteSpace(text), $"{language}: a missing page's words are empty");
            }
            Assert.NotEqual(Words.For("en").PageNotFound, words.PageNotFound);
            Assert.NotEqual(Words.For("en").PageNotFoundText, words.PageNotFoundText);
            Assert.NotEqual(Words.For("en").ToHomePage, words.ToHomePage);
        }
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("*/*", false)]
    [InlineData(Browser, false)]
    [InlineData("application/json", true)]
    [InlineData("application/problem+json", true)]
    [InlineData("text/html;q=0.9, application/json", true)]
    [InlineData("application/json;q=0.5, text/html", false)]
    public void Asking_for_json_is_rating_it_above_html(string? accept, bool json)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        if (accept is not null)
        {
            context.Request.Headers.Accept = accept;
        }
        Assert.Equal(json, NotFoundPages.AsksForJson(context.Request));
    }
}
