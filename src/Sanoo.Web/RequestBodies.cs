using Microsoft.AspNetCore.Http;
using Sanoo.Core.Json;
using Sanoo.Core.Register;
using Sanoo.Web.Ingest;

namespace Sanoo.Web;

/// <summary>
/// The JSON bodies of the write requests that record a register record (reports, answers, turnout reports, the commission's
/// acts): read within the size limit, strict about their members, their problems grouped by path, and the time a record takes.
/// </summary>
internal static class RequestBodies
{
    /// <summary>The body's members (only <paramref name="names"/>), or the 400 problem saying what is wrong with it.</summary>
    public static Task<(JsonFields? Fields, IResult? Problem)> ReadAsync(
        HttpRequest request, ServerOptions options, CancellationToken cancellationToken, params string[] names) =>
        ReadAsync(request, options, names, [], null, cancellationToken);

    /// <summary>
    /// The body's members (exactly <paramref name="names"/>, each a string, as the commission's acts have), or the 400 problem saying
    /// what is wrong with it.
    /// </summary>
    public static Task<(JsonFields? Fields, IResult? Problem)> ReadStringsAsync(
        HttpRequest request, ServerOptions options, CancellationToken cancellationToken, params string[] names) =>
        ReadAsync(request, options, names, names, null, cancellationToken);

    /// <summary>
    /// The body's members (<paramref name="names"/>, each a string, and the free text's optional <c>language</c> and
    /// <c>translations</c> in the election's <paramref name="languages"/>), or the 400 problem saying everything wrong with it.
    /// </summary>
    public static async Task<(JsonFields? Fields, Translations? Translations, IResult? Problem)> ReadTranslatedAsync(
        HttpRequest request, ServerOptions options, IReadOnlyList<string> languages, CancellationToken cancellationToken, params string[] names)
    {
        Translations? translations = null;
        var (fields, problem) = await ReadAsync(
            request, options, [.. names, TranslationFields.Language, TranslationFields.Translations], names,
            f => translations = TranslationFields.Read(f, languages), cancellationToken);
        return (fields, translations, problem);
    }

    private static async Task<(JsonFields? Fields, IResult? Problem)> ReadAsync(
        HttpRequest request, ServerOptions options, string[] names, string[] strings, Action<JsonFields>? more,
        CancellationToken cancellationToken)
    {
        var (document, problem) = await IngestEndpoints.ReadBodyAsync(request, options, cancellationToken);
        if (document is null)
        {
            return (null, problem);
        }
        using (document)
        {
            var problems = new List<JsonProblem>();
            var fields = JsonFields.Of(document.RootElement.Clone(), "$", problems, names);
            foreach (var name in strings)
            {
                fields?.String(name);
            }
            if (fields is not null)
            {
                more?.Invoke(fields);
            }
            return problems.Count == 0 && fields is not null
                ? (fields, null)
                : (null, Problems.BadRequest("The request cannot be read; nothing was recorded.", Errors(problems)));
        }
    }

    /// <summary>Problems by path, as a problem answer's <c>errors</c>.</summary>
    public static Dictionary<string, string[]> Errors(IEnumerable<JsonProblem> problems) =>
        problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());

    /// <summary>Now, to the millisecond (what a register record holds).</summary>
    public static DateTimeOffset Now(TimeProvider time) => DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
}
