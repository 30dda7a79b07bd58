using Sanoo.Contracts;
using Sanoo.Core.Definitions;
using Sanoo.Core.Progress;
using Sanoo.Core.Tally;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// What the verifier keeps of the log and the register it verified, and no more: both Merkle frontiers, the register replayed
/// beside the log, a tally engine fed every entry in log order (each station's counted version, which re-derives every outcome
/// and lets a correction take its predecessor out), its own running sums per area, the main contest's counted versions with
/// their received times (the night's progress is recomputed from them), and the images named. The entries themselves are not
/// kept: each is applied as it arrives. With <c>--follow</c> it goes on from round to round, so a new tree head costs what the
/// entries and records added since cost. Not thread-safe.
/// </summary>
internal sealed class LogReplay
{
    /// <summary>A replay of nothing yet under <paramref name="election"/>, whose definition hashes to <paramref name="definitionSha256"/>.</summary>
    public LogReplay(Election election, string definitionSha256, Func<string, bool> keepEverySingleEntry)
    {
        Election = election;
        DefinitionSha256 = definitionSha256;
        Engine = new TallyEngine(election);
        Sums = new AreaSums(election);
        StationLeaves = new StationLeaves(election);
        Register = new RegisterReplay(election, Problems, Engine.Freeze) { KeepEverySingleEntry = keepEverySingleEntry };
    }

    /// <summary>The election, as the definition verified reads.</summary>
    public Election Election { get; }

    /// <summary>The SHA-256 (hex) of the definition it was read from.</summary>
    public string DefinitionSha256 { get; }

    /// <summary>The verifier's tally engine: every entry applied in log order.</summary>
    public TallyEngine Engine { get; }

    /// <summary>The register replayed beside the log.</summary>
    public RegisterReplay Register { get; }

    /// <summary>The log's Merkle frontier: its size is how many entries were applied.</summary>
    public MerkleFrontier Entries { get; } = new();

    /// <summary>
    /// The roots wanted at given sizes of the log (a published folder's kept heads), each filled in when the entries reach its size.
    /// </summary>
    public Dictionary<long, byte[]?> RootsAt { get; } = [];

    /// <summary>
    /// The tallies wanted at given sizes of the log (those a published folder's whole-election exports state below the head), each
    /// filled in when the entries reach its size and kept from round to round while the exports still state it
    /// (<see cref="ExportSnapshots"/>).
    /// </summary>
    public Dictionary<long, FrozenTally?> FrozenAt { get; } = [];

    /// <summary>Each station's entries, as a running hash of their leaves (what its published page must list).</summary>
    public StationLeaves StationLeaves { get; }

    /// <summary>The register's Merkle frontier.</summary>
    public MerkleFrontier Records { get; } = new();

    /// <summary>The verifier's own sums per contest, source and area.</summary>
    public AreaSums Sums { get; }

    /// <summary>The main contest's counted versions in log order, with their received times.</summary>
    public List<CountedVersion> Counted { get; } = [];

    /// <summary>How many rows of <c>/data/protocols.csv</c> were held to their entries, and their SHA-256 (see
    /// <see cref="ProtocolsCsvCheck"/>); null before any were.</summary>
    public (long Rows, byte[] Hash)? ProtocolRows { get; set; }

    /// <summary>The images entries and reports name.</summary>
    public ImageFetch Images { get; } = new();

    /// <summary>Problems found by the register replay (moved into the round's list after each round).</summary>
    public List<string> Problems { get; } = [];

    /// <summary>
    /// The tally engine frozen at the entries applied so far, every invariant checked: frozen once after the last entry applied and
    /// handed to every comparison of the round (the totals, the progress, the turnout, the exports and the pages' data), instead of
    /// each freezing and checking the whole map again.
    /// </summary>
    public Snapshot Verified => _verified ??= Engine.Freeze();

    private Snapshot? _verified;

    /// <summary>The tally as it stands, frozen, with a copy of the sums: what stays of this size as the replay goes on.</summary>
    public FrozenTally Frozen() => new(Verified, Sums.Copy());

    /// <summary>
    /// Applies the next entry: the register's records before it, its signature and sender held to them, its Merkle leaf, and its
    /// outcome re-derived under the definition (a difference from the one published is a problem).
    /// </summary>
    public void Apply(PreparedEntry prepared, List<string> problems)
    {
        _verified = null;
        var e = prepared.Entry;
        if (!prepared.HashMatches)
        {
            problems.Add($"entry {e.Sequence} (station {e.Station}): the protocol served does not match its content hash");
        }
        var deviceSigned = SourceId.TryParse(e.Source, out var source)
            && Election.TrySourceIndex(source, out var index) && Election.Sources[index].Signed;
        if (deviceSigned && prepared.Signature.Length == 0)
        {
            problems.Add($"entry {e.Sequence} (station {e.Station}): a {e.Source} count must carry its device's signature, and this one has none");
        }
        Register.CheckEntry(prepared);
        Entries.Append(prepared.Leaf);
        StationLeaves.Add(e.Station, prepared.Leaf);
        if (RootsAt.Count > 0 && RootsAt.ContainsKey(Entries.Size))
        {
            RootsAt[Entries.Size] = Entries.Root();
        }
        if (prepared.Image is { } image)
        {
            Images.Note(Election, e, image);
        }
        var derived = Rederive(prepared, problems);
        if (derived is not null && derived != e.Outcome)
        {
            problems.Add($"entry {e.Sequence} (station {e.Station}): published as {WireWords.Of(e.Outcome)}, "
                + $"but the definition's rules and the versions before it make it {WireWords.Of(derived.Value)}");
        }
        if (FrozenAt.Count > 0 && FrozenAt.ContainsKey(Entries.Size))
        {
            FrozenAt[Entries.Size] = Frozen();
        }
    }

    /// <summary>
    /// What the entry's outcome must be, recomputed, never taken from the server: its protocol read
    /// under the definition and applied in log order (control relations decide accepted or rejected,
    /// version order decides conflict and stale). Null when the protocol does not even read.
    /// </summary>
    private StoredOutcome? Rederive(PreparedEntry prepared, List<string> problems)
    {
        if (prepared.Read is not { } read)
        {
            var e = prepared.Entry;
            problems.Add($"entry {e.Sequence} (station {e.Station}): its protocol does not read under the definition, or names another slot");
            return null;
        }
        var applied = Engine.Apply(read);
        if (applied is ApplyOutcome.Accepted counted)
        {
            Sums.Count(counted.Protocol, counted.Superseded);
            if (counted.Protocol.Contest == Election.DefaultContest.Contest.Id)
            {
                Counted.Add(counted.At(Engine.Position, prepared.Entry.ReceivedAt));
            }
        }
        return applied switch
        {
            ApplyOutcome.Accepted => StoredOutcome.Accepted,
            ApplyOutcome.Rejected => StoredOutcome.Rejected,
            ApplyOutcome.Conflict => StoredOutcome.Conflict,
            ApplyOutcome.Stale => StoredOutcome.Stale,
            _ => null, // an identical version again: the log never stores one (it answers with the original receipt)
        };
    }
}
