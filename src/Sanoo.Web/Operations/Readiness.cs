using Sanoo.Web.Publishing;

namespace Sanoo.Web.Operations;

/// <summary>
/// Whether the server should be sent traffic: a snapshot is published, the store answered the last freeze, and the writer's
/// last group commit went through. A halted publication is still ready: the last good snapshot stays shown, and
/// <c>sanoo_publication_halted</c> raises the alarm, while taking every server out of a balancer would hide the results too.
/// </summary>
public static class Readiness
{
    /// <summary>Why the server is not ready, in one sentence; null when it is.</summary>
    /// <param name="published">What the publisher shows now.</param>
    /// <param name="readFailure">Why the publisher's last freeze failed (the store unreachable); null when it succeeded.</param>
    /// <param name="writeFailure">Why the writer's last group commit failed (the disk full, the store unreachable); null when it succeeded.</param>
    public static string? NotReady(Published published, string? readFailure, string? writeFailure) =>
        published.Snapshot is null ? "no snapshot is published yet"
        : writeFailure is not null ? $"the store refused the last write: {writeFailure}"
        : readFailure is not null ? $"the store cannot be read: {readFailure}"
        : null;
}
