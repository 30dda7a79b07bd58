using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Sanoo.Testing;
using Sanoo.Web.Site;

namespace Sanoo.Web.Tests;

/// <summary>
/// A server error under a language of the site is a page in that language, not English JSON; the API keeps problem details.
/// Routes that fail on purpose stand in for a bug, since a sound server has none to provoke.
/// </summary>
public sealed class ErrorPageTests
{
    private static void Failing(WebApplication app)
    {
        app.MapGet("/{lang}/failing/", (string lang) => ThrowFor(lang));
        app.MapGet("/{lang}/failing-quietly/", (string lang) => Results.StatusCode(StatusCodes.Status500InternalServerError));
        app.MapGet("/api/v1/failing", () => ThrowFor("api"));
    }

    private static string ThrowFor(string where) => throw new InvalidOperationException($"a bug shown at {where}");

    [Fact]
    public async Task A_server_error_on_a_site_page_is_a_page_in_its_language_and_on_the_api_a_problem()
    {
        await using var server = await LoopbackServer.StartAsync(
            System.Text.Encoding.UTF8.GetBytes(DefinitionJson.Small), _ => Task.CompletedTask, map: Failing);
        foreach (var path in new[] { "/ru/failing/", "/ru/failing-quietly/" })
        {
            var response = await server.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var html = await response.Content.ReadAsStringAsync();
            var words = Words.For("ru");
            Assert.Contains("<html lang=\"ru\">", html, StringComparison.Ordinal);
            Assert.Contains($"<h1>{words.ServerError}</h1>", html, StringComparison.Ordinal);
            Assert.Contains(words.ServerErrorText, html, StringComparison.Ordinal);
            Assert.Contains("Маленькие выборы", html, StringComparison.Ordinal);
            Assert.DoesNotContain("a bug shown", html, StringComparison.Ordinal);
        }

        var api = await server.Client.GetAsync("/api/v1/failing");
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);

        var asJson = new HttpRequestMessage(HttpMethod.Get, "/ru/failing/");
        asJson.Headers.Accept.ParseAdd("application/json");
        var json = await server.Client.SendAsync(asJson);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);
    }
}
