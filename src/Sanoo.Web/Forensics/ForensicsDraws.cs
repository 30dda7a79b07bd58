using System.Runtime.CompilerServices;
using Sanoo.Core.Definitions;
using Sanoo.Core.Forensics;
using Sanoo.Core.Tally;

namespace Sanoo.Web.Forensics;

/// <summary>
/// The integer tests' null draws over a whole contest (<see cref="ForensicsAnalysis.Draws"/>), one book per contest, count source and
/// test, kept from one snapshot to the next in this process (the server, <c>sanoo publish --watch</c>): a new snapshot draws only
/// the stations whose figures changed. A station's draws are a function of its figures and the parameters alone, so what is kept
/// changes how fast a report is made, never what it says (a refresh says what a full publish of the same snapshot says).
/// </summary>
public sealed class ForensicsDraws
{
    private static readonly ConditionalWeakTable<Election, ForensicsDraws> ByElection = new();

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Contest, string Source, int Stream), (Snapshot Snapshot, NullDraws Book)> _latest = [];

    /// <summary>The books of <paramref name="election"/>'s snapshots.</summary>
    public static ForensicsDraws For(Election election) => ByElection.GetValue(election, _ => new ForensicsDraws());

    /// <summary>
    /// The book of one test over the whole contest at <paramref name="snapshot"/>: the one last made when it is of this snapshot,
    /// else made from it (its unchanged stations kept), the draws spread over the cores.
    /// </summary>
    public NullDraws Of(Snapshot snapshot, ContestPlan plan, SourceId source, int stream, ForensicsParameters parameters)
    {
        var key = (plan.Contest.Id.Value, source.Value, stream);
        lock (_gate)
        {
            if (_latest.TryGetValue(key, out var latest) && ReferenceEquals(latest.Snapshot, snapshot) && latest.Book.Parameters == parameters)
            {
                return latest.Book;
            }
            var book = ForensicsAnalysis.Draws(snapshot, plan, source, stream, parameters, ForensicsJson.Parallel, latest.Book);
            _latest[key] = (snapshot, book);
            return book;
        }
    }

    /// <summary>
    /// Whether the book of one test over the whole contest kept here is the one of <paramref name="snapshot"/>: what a test of
    /// <c>Published.PrepareForensics</c> observes (nothing else needs to ask).
    /// </summary>
    internal bool Holds(Snapshot snapshot, ContestPlan plan, SourceId source, int stream)
    {
        lock (_gate)
        {
            return _latest.TryGetValue((plan.Contest.Id.Value, source.Value, stream), out var latest) && ReferenceEquals(latest.Snapshot, snapshot);
        }
    }

    /// <summary>
    /// The books for the report of <paramref name="area"/>, where it holds a tenth of the contest's stations or more (a book is made
    /// over all of them, so a small area draws its own stations rather than wait for it); null otherwise.
    /// </summary>
    public static Func<int, NullDraws?>? For(Snapshot snapshot, ContestPlan plan, SourceId source, AreaId area, ForensicsParameters parameters)
    {
        var election = snapshot.Election;
        var whole = election.StationCountOf(election.AreaIndex(plan.Contest.Area));
        return election.StationCountOf(election.AreaIndex(area)) * 10L < whole
            ? null
            : stream => For(election).Of(snapshot, plan, source, stream, parameters);
    }
}
