using Microsoft.AspNetCore.Http;
using Sanoo.Core.Json;
using Sanoo.Web.Ingest;

namespace Sanoo.Web;

/// <summary>
/// The JSON bodies of the write requests that record a register record (reports, answers, turnout reports): read within the size
/// limit, strict about their members, their problems grouped by path, and the time a record takes.
/// </summary>
internal static class RequestBodies
{
    /// <summary>The body's members (only <paramref name="names"/>), or the 400 problem saying what is wrong with it.</summary>
    public static async Task<(JsonFields? Fields, IResult? Problem)> ReadAsync(
        HttpRequest request, ServerOptions options, CancellationToken cancellationToken, params string[] names)
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
