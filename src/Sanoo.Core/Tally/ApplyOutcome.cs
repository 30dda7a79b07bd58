using System.Collections.Immutable;
using Sanoo.Core.Protocols;
using Sanoo.Core.Rules;

namespace Sanoo.Core.Tally;

/// <summary>
/// What applying one protocol version did. Only <see cref="Accepted"/> changes a total;
/// every other outcome leaves the tally exactly as it was.
/// </summary>
public abstract record ApplyOutcome
{
    private ApplyOutcome()
    {
    }

    /// <summary>Counted: it is now the station's current version for its contest and source.</summary>
    /// <param name="Protocol">The protocol now counted.</param>
    /// <param name="SupersededVersion">The version it replaced, if any.</param>
    /// <param name="Warnings">Warning-level relations it breaks: counted, and flagged.</param>
    public sealed record Accepted(Protocol Protocol, int? SupersededVersion, ImmutableArray<Violation> Warnings) : ApplyOutcome
    {
        /// <summary>Where the engine keeps it: what the night's timeline holds instead of the protocol.</summary>
        public CountedRef Counted { get; init; }

        /// <summary>Where the engine keeps the version it replaced, in the same <see cref="CountedFigures"/>; −1 for none.</summary>
        public int SupersededIndex { get; init; } = -1;

        /// <summary>The version it replaced, whose figures were taken out of the sums, made anew; null for the station's first.</summary>
        public Protocol? Superseded => SupersededIndex < 0 ? null : Counted.Kept.Protocol(SupersededIndex);

        /// <summary>It on the night's timeline: counted at log position <paramref name="position"/>, received at
        /// <paramref name="receivedAt"/> (Unix milliseconds).</summary>
        public Progress.CountedVersion At(long position, long receivedAt) =>
            new(position, receivedAt, Counted.Kept, Counted.Index, SupersededIndex);
    }

    /// <summary>The same version with the same content is already counted: a retry, counted once.</summary>
    public sealed record Duplicate(Protocol Current) : ApplyOutcome;

    /// <summary>The same version number with other content: not counted; the first one stands.</summary>
    public sealed record Conflict(Protocol Current) : ApplyOutcome;

    /// <summary>An older version than the one counted (it arrived late): kept in history, not counted.</summary>
    public sealed record Stale(int CurrentVersion) : ApplyOutcome;

    /// <summary>Breaks error-level control relations: never counted. Lists every violation, warnings too.</summary>
    public sealed record Rejected(ImmutableArray<Violation> Violations) : ApplyOutcome;
}
