using Sanoo.Core.Protocols;
using Sanoo.Core.Register;
using Sanoo.Core.Transparency;
using Sanoo.Storage.Entries;
using Sanoo.Storage.Log;

namespace Sanoo.Log;

/// <summary>The store checked against itself and against the last tree head this server signed.</summary>
public sealed partial class ElectionLog
{
    /// <summary>The most problems a check lists; the count says how many there were.</summary>
    public const int MaxListedProblems = 20;

    /// <summary>
    /// Checks what the tally was rebuilt from, before anything is served: every entry's canonical
    /// bytes hash to its content hash, and the figures, slot and correction the tally counted are
    /// those of the signed bytes (the tally is rebuilt from the figures column, so a figure moved
    /// there alone would otherwise be published against its own log). When the tally started from a
    /// checkpoint (<see cref="Checkpoint"/>), only the entries after it: those it covers were checked
    /// before it was sealed, and their leaves and counted columns were held to it. Positions without gaps are
    /// checked by the rebuild itself. With <paramref name="lastSigned"/>, the last tree head this
    /// server signed (kept outside the database), the log must still name the same definition,
    /// hold at least as many entries, and its first entries must hash to the same root: a deleted,
    /// swapped, re-timed or rewritten row, or a changed definition, is found. Returns the problems,
    /// each naming the entry; none when the store is sound.
    /// </summary>
    public async Task<StoreCheck> CheckStoreAsync(
        TreeHead? lastSigned, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var found = 0;
        void Problem(string text)
        {
            if (++found <= MaxListedProblems)
            {
                problems.Add(text);
            }
        }
        long checkedEntries = 0;
        await foreach (var entry in _store.ReadAsync(Checkpoint.Position, withCanonical: true, cancellationToken))
        {
            CheckEntry(entry, Problem);
            if (++checkedEntries % 8192 == 0)
            {
                progress?.Report(checkedEntries);
            }
        }
        progress?.Report(checkedEntries);
        await CheckRegisterAsync(Problem, cancellationToken);
        if (lastSigned is { } head)
        {
            if (!head.DefinitionSha256.AsSpan().SequenceEqual(DefinitionSha256))
            {
                Problem($"the stored definition (SHA-256 {Convert.ToHexStringLower(DefinitionSha256)}) is not the one this server last signed "
                    + $"({Convert.ToHexStringLower(head.DefinitionSha256)}): the definition was changed in the database");
            }
            if (head.Size > Position)
            {
                Problem($"the log holds {Position} entries, but this server signed a tree head of {head.Size}: entries were deleted");
            }
            else if (!(await ReadAsync(state => state.Tree.Root(head.Size), cancellationToken)).AsSpan().SequenceEqual(head.Root))
            {
                Problem($"the first {head.Size} entries no longer hash to the root this server signed ({Convert.ToHexStringLower(head.Root)}): "
                    + "entries were rewritten, swapped, re-timed or deleted and replaced");
            }
            var registerSize = RegisterSize;
            if (head.RegisterSize > registerSize)
            {
                Problem(
                    $"the register holds {registerSize} records, but this server signed a tree head of {head.RegisterSize}: records were deleted");
            }
            else if (!(await ReadAsync(state => state.Register.Tree.Root(head.RegisterSize), cancellationToken)).AsSpan()
                .SequenceEqual(head.RegisterRoot))
            {
                Problem($"the first {head.RegisterSize} register records no longer hash to the root this server signed "
                    + $"({Convert.ToHexStringLower(head.RegisterRoot)}): keys, operators, hand entries or acts were rewritten or removed");
            }
        }
        if (found == 0 && !_vouched)
        {
            _vouched = true;
            await ResealAsync(cancellationToken);
        }
        return new StoreCheck(checkedEntries, found, problems);
    }

    /// <summary>
    /// The register against itself and the log: the definition it names is the stored one, no record claims a log position not
    /// yet reached, and every hand entry's private figures and salt open to the commitment its public record holds (an entry
    /// slipped into the table, or its figures changed there, is found).
    /// </summary>
    private async Task CheckRegisterAsync(Action<string> problem, CancellationToken cancellationToken)
    {
        var records = new Dictionary<long, HandEntryRecord>();
        var definitions = 0;
        var position = Position;
        foreach (var row in await RegisterToCheckAsync(cancellationToken))
        {
            var record = RegisterRecord.Decode(row.Record.AsSpan()); // the rebuild read every record after a checkpoint already: it reads
            if (record.LogSize > position)
            {
                problem($"register record {record.Sequence} ({record.Kind}) claims log position {record.LogSize}, beyond the log's {position}");
            }
            switch (record)
            {
                case DefinitionRecord definition:
                    definitions++;
                    if (!definition.DefinitionSha256.AsSpan().SequenceEqual(DefinitionSha256) || definition.Election != Election.Id.Value)
                    {
                        var named = Convert.ToHexStringLower(definition.DefinitionSha256.AsSpan());
                        problem($"register record {record.Sequence} names definition {named} "
                            + $"of '{definition.Election}', not the stored one ({Convert.ToHexStringLower(DefinitionSha256)})");
                    }
                    break;
                case HandEntryRecord entry when !records.TryAdd(entry.Entry, entry):
                    problem($"register record {record.Sequence} records hand entry {entry.Entry} a second time");
                    break;
            }
        }
        if (definitions == 0)
        {
            problem("the register names no definition: its first record was removed");
        }
        if (await _store.CountRegisterOutsideAsync(cancellationToken) is > 0 and var outside)
        {
            problem($"{outside} register row(s) lie at places below 1, outside the register's tree: they were slipped into the database");
        }
        foreach (var entry in await _store.ReadEntriesAsync(null, cancellationToken))
        {
            if (!records.Remove(entry.Sequence, out var record))
            {
                problem($"hand entry {entry.Sequence} (station {entry.Station}, by {entry.Operator}) is in no register record: "
                    + "it was added to the database directly");
                continue;
            }
            var same = record.StationId == entry.Station.Value && record.Contest == entry.Contest.Value && record.Source == entry.Source.Value
                && record.Version == entry.Version && record.By == entry.Operator && record.Status == HandEntry.StatusText(entry.Status)
                && record.Commitment.AsSpan().SequenceEqual(entry.Commitment());
            if (!same)
            {
                problem($"hand entry {entry.Sequence} (station {entry.Station}) differs from its register record {record.Sequence}: "
                    + "its figures, slot, operator or status were changed in the database");
            }
        }
        foreach (var missing in records.Values)
        {
            problem($"register record {missing.Sequence} records hand entry {missing.Entry}, which the database no longer holds");
        }
    }

    /// <summary>
    /// The register's records to check: all of them, or, after a start from a checkpoint that covered the register's first records,
    /// those after it and, of those it covers (their leaves were held to its sealed root, and they were checked when it was sealed),
    /// only the definition and the hand entries, which the hand-entry table is held against. A row relabelled to hide from this read
    /// leaves its hand entry in no record, or the register without a definition: both problems are named.
    /// </summary>
    private async Task<IEnumerable<Storage.Register.RegisterRow>> RegisterToCheckAsync(CancellationToken cancellationToken)
    {
        var adopted = Checkpoint.RegisterSize;
        if (adopted == 0)
        {
            return await _store.ReadRegisterAsync(0, cancellationToken);
        }
        var definitions = await _store.ReadRegisterOfKindAsync(DefinitionRecord.Word, cancellationToken);
        var entries = await _store.ReadRegisterOfKindAsync(HandEntryRecord.Word, cancellationToken);
        var after = await _store.ReadRegisterAsync(adopted, cancellationToken);
        return definitions.Concat(entries).Where(row => row.Sequence <= adopted).OrderBy(row => row.Sequence).Concat(after);
    }

    private void CheckEntry(LogEntry entry, Action<string> problem)
    {
        var canonical = entry.Canonical.AsSpan();
        if (!Sha256Digest.Of(canonical).AsSpan().SequenceEqual(entry.ContentHash.AsSpan()))
        {
            problem($"entry {entry.Sequence} (station {entry.Station}): its protocol bytes do not hash to its content hash");
            return;
        }
        if (ProtocolReader.Read(Election, entry.Canonical.AsMemory()) is not ProtocolReadResult.Ok { Protocol: var protocol })
        {
            problem($"entry {entry.Sequence} (station {entry.Station}): its protocol bytes do not read under the definition");
            return;
        }
        var same = protocol.Station == entry.Station && protocol.Contest == entry.Contest && protocol.Source == entry.Source
            && protocol.Version == entry.Version
            && entry.Figures.Length == protocol.Lines.Length + protocol.Votes.Length
            && protocol.Lines.AsSpan().SequenceEqual(entry.Figures.AsSpan()[..protocol.Lines.Length])
            && protocol.Votes.AsSpan().SequenceEqual(entry.Figures.AsSpan()[protocol.Lines.Length..])
            && protocol.Correction?.Reason == entry.CorrectionReason && protocol.Correction?.Author == entry.CorrectionAuthor;
        if (!same)
        {
            problem($"entry {entry.Sequence} (station {entry.Station}): the figures, slot or correction stored for counting "
                + "differ from its signed protocol bytes");
        }
    }
}

/// <summary>What a store check found.</summary>
/// <param name="Entries">Entries checked.</param>
/// <param name="Found">Problems found.</param>
/// <param name="Problems">The first <see cref="ElectionLog.MaxListedProblems"/> of them, each naming its entry.</param>
public sealed record StoreCheck(long Entries, int Found, IReadOnlyList<string> Problems)
{
    /// <summary>Whether the store is sound.</summary>
    public bool Sound => Found == 0;

    /// <summary>The problems in one paragraph, for a refusal to serve.</summary>
    public string Summary => Sound
        ? $"{Entries:N0} entries checked: sound."
        : $"{Found} problem(s) in {Entries:N0} entries: {string.Join("; ", Problems)}{(Found > Problems.Count ? " …" : "")}";
}
