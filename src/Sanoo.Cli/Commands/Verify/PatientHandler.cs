using System.Net;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Waits and asks again when a server answers 429 (too many reads from one address) or 503 (busy, or no snapshot yet), as its
/// <c>Retry-After</c> says (one second when it says nothing, at most thirty): a verifier reads thousands of entries and images, and
/// a public server rightly limits each address; a limited read must never be mistaken for a missing or withheld one.
/// </summary>
/// <param name="patience">How long in all one request may wait before its last answer is returned as it is.</param>
public sealed class PatientHandler(TimeSpan patience) : DelegatingHandler(new SocketsHttpHandler())
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        while (true)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) || waited >= patience)
            {
                return response;
            }
            var wait = WaitOf(response);
            response.Dispose();
            await Task.Delay(wait, cancellationToken);
            waited += wait;
        }
    }

    /// <summary>The wait a limited answer asks for: its Retry-After in seconds or as a date, else one second; at most thirty.</summary>
    public static TimeSpan WaitOf(HttpResponseMessage response)
    {
        var asked = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => TimeSpan.FromSeconds(1),
        };
        return asked < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100) : asked > MaxWait ? MaxWait : asked;
    }
}
