using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Sanoo.Web.Site;

/// <summary>
/// An exception while answering an address under a language of the site is answered 500 with a small page in that language that
/// says the server failed and leads home, as <see cref="NotFoundPages"/> does for a missing page; the API, JSON clients and
/// writes keep their problem answer. An act refused because its operator was revoked a moment before is answered 401, as the
/// token itself is once the server has read the revocation, and the server reads it then and there.
/// </summary>
public static class ErrorPages
{
    /// <summary>Exception handling that writes the page for site addresses and problem details for everything else.</summary>
    public static ExceptionHandlerOptions Options(IReadOnlyList<string> languages) => new()
    {
        ExceptionHandler = async context =>
        {
            if (context.Features.Get<IExceptionHandlerFeature>()?.Error is Storage.Access.OperatorRevokedException revoked)
            {
                // the store or the log refused an act of an operator revoked a moment before the server read the revocation
                await context.RequestServices.GetRequiredService<Access.WriterRegistry>().LearnRevocationAsync(context.RequestAborted);
                context.Response.Headers.WWWAuthenticate = Access.OperatorAuthentication.SchemeName;
                await Problems.Status(401, "Not authenticated", $"this needs a commission operator's token: {
                    Access.OperatorAuthentication.RevokedMessage(revoked.Name, revoked.RevokedBy, null)}").ExecuteAsync(context);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            if (NotFoundPages.LanguageFor(context.Request, languages) is { } language)
            {
                await NotFoundPages.WriteAsync(context, language, StatusCodes.Status500InternalServerError);
                return;
            }
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                Exception = context.Features.Get<IExceptionHandlerFeature>()?.Error,
            });
        },
    };
}
