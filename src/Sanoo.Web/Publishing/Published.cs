using Sanoo.Core.Definitions;
using Sanoo.Core.Forensics;
using Sanoo.Core.Tally;

namespace Sanoo.Web.Publishing;

/// <summary>
/// What the public sees: the last snapshot that passed every invariant, its ETag, when it was
/// published, and, when a newer snapshot failed its check, why publication is halted.
/// </summary>
/// <param name="Snapshot">The snapshot every public response is answered from; null before the first.</param>
/// <param name="ETag">
/// Its entity tag: the log position (and the count of the commission's acts), as a weak tag
/// <c>W/"4929"</c>: the gzip, brotli and identity encodings of one answer are the same content,
/// not the same bytes, so a strong tag would be wrong for all but one of them.
/// </param>
/// <param name="PublishedAt">When it was published.</param>
/// <param name="Halted">Why publication stopped at this snapshot, or null while live.</param>
/// <param name="TreeHead">The transparency log's tree head at the snapshot's position, and the commission's signature of it.</param>
public sealed record Published(Snapshot? Snapshot, string ETag, DateTimeOffset PublishedAt, string? Halted, SignedTreeHead? TreeHead = null)
{
    /// <summary>
    /// Response bodies already serialized from this snapshot, by validated query. A snapshot never
    /// changes, so neither do its answers; the cache goes with the snapshot when a newer one is published.
    /// </summary>
    public ResponseCache Responses { get; } = new(ResponseCache.DefaultMaxBytes);

    /// <summary>
    /// The entity tag of answers that carry the signed tree head (status, tree head): <see cref="RegisterETag"/> and the head's
    /// time, so a head signed afresh over the same log is a new version (two heads of one millisecond too, when a register record
    /// came between them).
    /// </summary>
    public string HeadETag => TreeHead is { Head: var head } ? $"{RegisterETag[..^1]}.{head.Timestamp.ToUnixTimeMilliseconds()}\"" : ETag;

    /// <summary>
    /// The entity tag of a page that shows the signed head but not when it was signed again (the "how to check" page): the
    /// snapshot's tag and the size of the register the head covers.
    /// </summary>
    public string RegisterETag => TreeHead is { Head: var head } ? $"{ETag[..^1]}.{head.RegisterSize}\"" : ETag;

    /// <summary>
    /// The commission's public key (raw Ed25519) that signed <see cref="TreeHead"/>, which every results page prints for its own check;
    /// null where the pages do not carry it (a folder published without the transparency files).
    /// </summary>
    public byte[]? CommissionKey { get; init; }

    /// <summary>The commission's recount orders, outcomes and certifications at publication.</summary>
    public CommissionRecord Acts { get; init; } = CommissionRecord.None;

    /// <summary>The entity tag of a snapshot with the commission's acts: a new act is a new version of every page.</summary>
    public static string ETagOf(long position, CommissionRecord acts) => acts.Count == 0 ? $"W/\"{position}\"" : $"W/\"{position}-{acts.Count}\"";

    /// <summary>
    /// The witnesses whose newest cosignature names this head's size and root, newest first; null where witnesses are not
    /// followed (a copy written by <c>sanoo publish</c>).
    /// </summary>
    public IReadOnlyList<Contracts.WitnessCosignature>? Witnesses { get; init; }

    /// <summary>The <see cref="Witnessing.CosignatureBook.Version"/> <see cref="Witnesses"/> were read at.</summary>
    public long WitnessVersion { get; init; }

    /// <summary>
    /// What is computed from the snapshot alone (its ledgers), shared by the copies of this record made with <c>with</c> (a head
    /// re-signed every few seconds over the same snapshot, a pause) as <see cref="Responses"/> is, and computed by one thread: a
    /// million stations' ledger takes longer than the interval between heads on a busy machine, and was otherwise begun again
    /// for each new head and by each request that came while it was being made.
    /// </summary>
    private readonly SnapshotDerived _derived = new();

    /// <summary>The discrepancy ledger of the snapshot, computed on first use; null before the first snapshot or with a single count.</summary>
    public Core.Reconciliation.Ledger? Ledger => Snapshot is { Election.Reconciliation: { } rule } snapshot
        ? _derived.Once(ref _derived.Ledger, () => Core.Reconciliation.Ledger.Of(snapshot, rule))
        : null;

    private Core.Turnout.TurnoutBook? _turnout;

    /// <summary>The stations' turnout reports of <see cref="Acts"/> as a book, built on first use; null before the first snapshot.</summary>
    public Core.Turnout.TurnoutBook? Turnout => Snapshot is { } snapshot
        ? LazyInitializer.EnsureInitialized(ref _turnout, () => Core.Turnout.TurnoutBook.Of(snapshot.Election, Acts.Turnout))
        : null;

    /// <summary>
    /// Each party's copy compared with the official count (the ledger's <see cref="Core.Reconciliation.Ledger.Rule"/> names the
    /// copy first), in definition order, computed on first use; empty when no party keeps a copy.
    /// </summary>
    public IReadOnlyList<Core.Reconciliation.Ledger> PartyLedgers => Snapshot is { Election.PartyCopies.IsEmpty: false } snapshot
        ? _derived.Once(ref _derived.PartyLedgers, () => Core.Reconciliation.Ledger.PartyCopiesOf(snapshot))
        : [];

    /// <summary>Every ledger of the snapshot: the commission's two counts (when compared), then each party's copy.</summary>
    public IEnumerable<Core.Reconciliation.Ledger> Ledgers => Ledger is { } ledger ? PartyLedgers.Prepend(ledger) : PartyLedgers;

    private Contracts.AuditStatus? _audit;

    /// <summary>The risk-limiting audit as its records add up (docs/audits.md), built on first use; null without an audit.</summary>
    public Contracts.AuditStatus? Audit => Acts is { Audit.Plan: not null, AuditComparison: { } comparison }
        ? LazyInitializer.EnsureInitialized(ref _audit, () => Audits.AuditJson.Of(Acts.Audit, comparison))
        : null;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string, string), Lazy<ForensicsReport>> _forensics = new();

    private IReadOnlyDictionary<AreaId, StationFlag>? _flags;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string, string), Lazy<Core.Progress.ProgressSeries?>> _progress =
        new();

    /// <summary>
    /// The night's progress of a contest's count by one source in an area up to this snapshot (docs/site.md), computed on first use
    /// from <paramref name="counted"/> (the log's counted versions) and kept with the snapshot; null before the first snapshot or where
    /// the contest is not tallied.
    /// </summary>
    public Core.Progress.ProgressSeries? Progress(
        ContestPlan plan, SourceId source, AreaId area, IReadOnlyList<Core.Progress.CountedVersion> counted) =>
        Snapshot is { } snapshot
            ? _progress.GetOrAdd((plan.Contest.Id.Value, source.Value, area.Value), _ => new(() => Core.Progress.NightProgress.Of(
                snapshot, plan, source, area, counted))).Value
            : null;

    /// <summary>
    /// The forensic report of a contest's count under an area (docs/forensics.md), computed on first use with the Monte Carlo spread
    /// over the cores, and kept with the snapshot; null before the first snapshot. A large area's stations take their null draws from
    /// the contest's books (<see cref="Web.Forensics.ForensicsDraws"/>), drawn once a snapshot and only for the stations that changed.
    /// </summary>
    public ForensicsReport? Forensics(ContestPlan plan, SourceId source, AreaId area) => KeptForensics(plan, source, area)?.Value;

    /// <summary>The report of <see cref="Forensics"/> as kept with the snapshot, made or not yet; null before the first snapshot.</summary>
    private Lazy<ForensicsReport>? KeptForensics(ContestPlan plan, SourceId source, AreaId area) =>
        Snapshot is { } snapshot
            ? _forensics.GetOrAdd((plan.Contest.Id.Value, source.Value, area.Value), _ => new(() => ForensicsAnalysis.Of(
                snapshot, plan, source, area, ForensicsParameters.Default, Ledger, Web.Forensics.ForensicsJson.Parallel, Turnout,
                Web.Forensics.ForensicsDraws.For(snapshot, plan, source, area, ForensicsParameters.Default))))
            : null;

    /// <summary>
    /// Makes the forensic report of the main contest's official count over its whole area, and with it the contest's books of null
    /// draws (<see cref="Web.Forensics.ForensicsDraws"/>), which the reports of the snapshots after this one start from: a process
    /// that publishes again and again (<c>sanoo publish --watch</c>) makes them once while it waits, so that its first refresh draws
    /// only the stations that changed, not all of them (at a million stations some 6 s of CPU). True when it made them now; false
    /// when this snapshot's report was made already (a publish that made the nation's page) and before the first snapshot.
    /// </summary>
    public bool PrepareForensics()
    {
        if (Snapshot is not { Election: var election }
            || KeptForensics(election.DefaultContest, election.DefaultSource.Id, election.DefaultContest.Contest.Area) is not { } report
            || report.IsValueCreated)
        {
            return false;
        }
        _ = report.Value;
        return true;
    }

    /// <summary>
    /// The flags of each flagged station in the main contest's official count over the whole map, for the station pages: the same
    /// flags as the forensics page's, without its tests and distributions (<see cref="ForensicsAnalysis.FlagsOf"/>: every publish
    /// asks for them to find the stations whose flag changed).
    /// </summary>
    public IReadOnlyDictionary<AreaId, StationFlag> StationFlags => Snapshot is { } snapshot
        ? LazyInitializer.EnsureInitialized(ref _flags, () => ForensicsAnalysis.FlagsOf(
            snapshot,
            snapshot.Election.DefaultContest,
            snapshot.Election.DefaultSource.Id,
            snapshot.Election.DefaultContest.Contest.Area,
            ForensicsParameters.Default,
            Ledger,
            Turnout).ToDictionary(f => f.Station))
        : new Dictionary<AreaId, StationFlag>();

    /// <summary>The values <see cref="_derived"/> holds, each made once.</summary>
    private sealed class SnapshotDerived
    {
        private readonly Lock _gate = new();

        public Core.Reconciliation.Ledger? Ledger;

        public IReadOnlyList<Core.Reconciliation.Ledger>? PartyLedgers;

        /// <summary><paramref name="field"/>, made by <paramref name="make"/> under the lock when it is not yet.</summary>
        public T Once<T>(ref T? field, Func<T> make)
            where T : class
        {
            if (Volatile.Read(ref field) is { } made)
            {
                return made;
            }
            lock (_gate)
            {
                return field ??= make();
            }
        }
    }
}
