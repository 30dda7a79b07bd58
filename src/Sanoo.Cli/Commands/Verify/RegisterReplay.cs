using System.Globalization;
using static System.FormattableString;
using Sanoo.Core.Definitions;
using Sanoo.Core.Register;
using Sanoo.Log;
using Sanoo.Storage.Access;
using Sanoo.Web.Access;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// The verifier's replay of the register beside the protocol log: each record takes effect for the log entries after its
/// <see cref="RegisterRecord.LogSize"/>, so every entry is judged by what the register said when it was appended, never by the
/// server's clock. It decides which device key was each station's at each entry, which operators were enrolled (and not yet
/// revoked) and where they may act, which hand counts were matched by two operators (their commitments opened), and holds the commission's acts to
/// their rules. Every problem names the entry or record; nothing is taken from the server's own view.
/// Records are added as they are fetched (<see cref="Add"/>), and a replay goes on from round to round of <c>--follow</c>: each
/// round costs what the records and entries added since cost. Not thread-safe: one replay per verification.
/// </summary>
internal sealed class RegisterReplay
{
    private readonly Election _election;
    private readonly Jurisdiction _jurisdiction;
    private readonly Queue<Pending> _pending = [];
    private readonly PendingKeys _pendingKeys = new();
    private readonly List<DefinitionRecord> _definitions = [];
    private readonly DeviceKeyBook _lastKeys;
    private readonly Dictionary<string, SingleEntries> _singleEntries = new(StringComparer.Ordinal);
    private readonly List<string> _problems;
    private readonly DeviceKeyBook _keys;
    private readonly Dictionary<string, List<(byte[] Key, string Ended)>> _endedKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Operator> _operators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OperatorRevokedRecord> _revokedOperators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _revokedWitnesses = new(StringComparer.Ordinal);
    private readonly Dictionary<long, HandEntryRecord> _handEntries = [];
    private readonly Dictionary<(string, string, string, int, string), HandEntryRecord> _matched = [];
    private readonly Dictionary<long, bool> _pairsChecked = [];
    private readonly Dictionary<long, RecountOrderRecord> _orders = [];
    private readonly Dictionary<(string, string), long> _openOrders = [];
    private readonly Dictionary<string, string> _witnesses = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, WordCatalogRecord> _wordCatalogs = new(StringComparer.Ordinal);
    private int _wordCatalogRecords;
    private readonly List<Storage.Acts.Certification> _certified = [];
    private readonly List<Storage.Acts.RecountOrder> _recounts = [];
    private readonly List<Storage.Acts.RecountOutcome> _findings = [];
    private readonly SortedSet<string> _witnessesBy = new(StringComparer.Ordinal);
    private readonly ReportReplay _reports;
    private readonly AuditReplay _audit;
    private readonly Core.Turnout.TurnoutBook _turnout;
    private readonly List<(int Record, int Station, int Time, long Voters)> _turnoutAdded = []; // each report the book took, compactly
    private int _count;
    private long _lastLogSize;
    private int _enrolments;
    private int _replacements;
    private int _revocations;
    private int _outcomes;
    private int _certifications;

    /// <summary>The earliest log position the commission certified the result at; null before any certification.</summary>
    public long? CertifiedFrom { get; private set; }

    /// <summary>The turnout reports replayed so far, each held to the day's earlier ones: what the published turnout must add up to.</summary>
    public Core.Turnout.TurnoutBook Turnout => _turnout;

    /// <summary>How many turnout records the register holds so far, refused ones included (a server adds up the same records).</summary>
    public int TurnoutRecords { get; private set; }

    /// <summary>
    /// The turnout as the register's first <paramref name="records"/> turnout records give it: a server's answer read from fewer records
    /// than the head covers (its acts were read just before the head was signed) is held to the reports it was read from.
    /// </summary>
    public Core.Turnout.TurnoutBook TurnoutOf(int records)
    {
        if (records >= TurnoutRecords)
        {
            return _turnout;
        }
        var book = new Core.Turnout.TurnoutBook(_election);
        var times = _election.Definition.TurnoutTimes;
        foreach (var (record, station, time, voters) in _turnoutAdded)
        {
            if (record >= records)
            {
                break;
            }
            var report = new Core.Turnout.TurnoutReport(_election.Id, _election.Station(station).Id, times[time], voters);
            book.Add(report, out _);
        }
        return book;
    }
    private int _imported;

    /// <summary>A replay under <paramref name="election"/> of no records yet.</summary>
    /// <param name="election">The election.</param>
    /// <param name="problems">Where problems are added.</param>
    /// <param name="reported">The verifier's tally of the log entries replayed so far (for the audit's plan); none: an empty tally.</param>
    public RegisterReplay(Election election, List<string> problems, Func<Core.Tally.Snapshot>? reported = null)
    {
        _election = election;
        _jurisdiction = new Jurisdiction(election);
        _problems = problems;
        _keys = new DeviceKeyBook(election);
        _lastKeys = new DeviceKeyBook(election);
        _reports = new ReportReplay(election, _operators, _orders, problems);
        _audit = new AuditReplay(election, _operators, reported ?? new Core.Tally.TallyEngine(election).Freeze, problems);
        _turnout = new Core.Turnout.TurnoutBook(election);
    }

    /// <summary>An entry of a double-entry source that one person entered, not two: its number, station, source and sender.</summary>
    public sealed record SingleEntry(long Sequence, string Station, string Source, string Sender);

    /// <summary>
    /// The entries of one double-entry source that are not backed by a matched pair of hand entries (sent by an admin alone,
    /// imported from a file, or by any other sender): how many, and the first <see cref="Listed"/> in log order, or every one
    /// where each is a problem.
    /// </summary>
    public sealed class SingleEntries(bool everyOne)
    {
        /// <summary>How many are listed when they are only warned of.</summary>
        public const int Listed = 20;

        private readonly List<SingleEntry> _entries = [];

        /// <summary>How many there are.</summary>
        public int Count { get; private set; }

        /// <summary>The first <see cref="Listed"/>, or every one when each is a problem.</summary>
        public IReadOnlyList<SingleEntry> Entries => _entries;

        internal void Add(SingleEntry entry)
        {
            Count++;
            if (everyOne || _entries.Count < Listed)
            {
                _entries.Add(entry);
            }
        }
    }

    /// <summary>The entries of double-entry sources that one person entered, by source.</summary>
    public IReadOnlyDictionary<string, SingleEntries> SingleEntriesBySource => _singleEntries;

    /// <summary>Whether every single entry of a source is kept (each will be a problem), not only the first few.</summary>
    public Func<string, bool> KeepEverySingleEntry { get; init; } = _ => true;

    /// <summary>
    /// Each station's device key once every record added so far is applied (its last enrolment, unless a revocation of that key
    /// followed), with the record that enrolled it: what entries' signatures are first tried with, and what <c>/api/v1/keys</c> is
    /// compared with while the entries are checked (the replay's own keys reach the same once <see cref="Finish"/> applied all).
    /// </summary>
    public DeviceKeyBook LastKeys => _lastKeys;

    /// <summary>How many records were added.</summary>
    public int Count => _count;

    /// <summary>
    /// Adds the record fetched next (decoded, in register order); it takes effect as the entries reach it. A device key enrolment
    /// for a polling station, the commonest record, is held until then as its place, log size, station ordinal and 32 raw bytes,
    /// not as the record.
    /// </summary>
    public void Add(RegisterRecord record)
    {
        _count++;
        switch (record)
        {
            case DefinitionRecord definition:
                _definitions.Add(definition);
                break;
            case DeviceKeyRecord key:
                _lastKeys.Set(key.StationId, key.PublicKey.AsSpan(), key.Sequence);
                if (_lastKeys.Ordinal(key.StationId) is { } ordinal)
                {
                    _pending.Enqueue(new Pending(null, key.Sequence, key.LogSize, ordinal, _pendingKeys.Add(key.PublicKey.AsSpan())));
                    return;
                }
                break;
            case DeviceKeyRevokedRecord revoked when _lastKeys.Key(revoked.StationId).SequenceEqual(revoked.PublicKey.AsSpan()):
                _lastKeys.Remove(revoked.StationId);
                break;
            case WordCatalogRecord words:
                // The site is worded as the register's last catalog of each language says, whatever the log's position.
                _wordCatalogs[words.Language] = words;
                _wordCatalogRecords++;
                break;
        }
        _pending.Enqueue(new Pending(record, record.Sequence, record.LogSize, -1, -1));
    }

    /// <summary>
    /// The commission's acts the pages state, as the records applied so far give them: the certifications (the stage in words and the
    /// statement quoted), the audit plan (whether the audit page is linked), and the recounts with their findings and the observers'
    /// reports with their answers (a station's page lists its own); the server reads the same records into its pages.
    /// </summary>
    public Web.Publishing.CommissionRecord CommissionActs => new([.. _recounts], [.. _findings], [.. _certified])
    {
        Reports = _reports.Reports,
        Audit = Core.Audits.AuditBook.Of(_audit.PlanRecorded is { } plan ? [plan] : []),
    };

    /// <summary>
    /// The word catalogs the register holds so far, by language: the last recorded for each, which the site's pages in that language
    /// must be worded with (a language with none: the catalog built into Sanoo).
    /// </summary>
    public IReadOnlyDictionary<string, WordCatalogRecord> WordCatalogs => _wordCatalogs;

    /// <summary>The witnesses the register enrolled, by name: each one's Ed25519 public key, base64.</summary>
    public IReadOnlyDictionary<string, string> Witnesses => _witnesses;

    /// <summary>The witnesses the register revoked, by name: the register record that revoked each (<c>witness-revoked</c>).</summary>
    public IReadOnlyDictionary<string, long> RevokedWitnesses => _revokedWitnesses;

    /// <summary>
    /// Holds the register's definition record to the signed tree head: exactly one, record 1, naming the head's election and
    /// definition SHA-256.
    /// </summary>
    public void CheckDefinition(Contracts.TreeHead head)
    {
        if (_definitions.Count != 1)
        {
            _problems.Add($"the register holds {_definitions.Count} definition records; it must hold exactly one");
        }
        foreach (var d in _definitions)
        {
            var sha = Convert.ToHexStringLower(d.DefinitionSha256.AsSpan());
            if (d.Sequence != 1 || d.Election != head.Election || d.Election != _election.Id.Value || sha != head.DefinitionSha256)
            {
                _problems.Add($"register record {d.Sequence} names election {d.Election} with definition {sha}; the signed tree head "
                    + $"names {head.Election} with {head.DefinitionSha256}, and it must be record 1");
            }
        }
    }

    /// <summary>
    /// Applies the records that take effect before the <paramref name="prepared"/> entry, then holds the entry to them: its device
    /// signature to the key the register made current for the station, its sender to the register's operators and matched
    /// hand entries.
    /// </summary>
    public void CheckEntry(PreparedEntry prepared)
    {
        var (e, canonical, signature) = (prepared.Entry, prepared.Canonical, prepared.Signature);
        ApplyBefore(e.Sequence);
        var signed = SourceId.TryParse(e.Source, out var sourceId) && _election.TrySourceIndex(sourceId, out var index)
            ? _election.Sources[index]
            : null;
        if (signature.Length > 0)
        {
            CheckSignature(e, canonical, signature, prepared.Signed);
        }
        var sender = Sender.Parse(e.Sender);
        foreach (var name in sender.Operators)
        {
            if (_revokedOperators.TryGetValue(name, out var revoked))
            {
                _problems.Add($"entry {e.Sequence}: sent by operator {name} ({e.Sender}), whose token register record {revoked.Sequence} "
                    + "revoked before it");
            }
        }
        if (signed is { DoubleEntry: true } && sender is not (Sender.DoubleEntry or Sender.MatchedEntry))
        {
            if (!_singleEntries.TryGetValue(e.Source, out var single))
            {
                _singleEntries[e.Source] = single = new SingleEntries(KeepEverySingleEntry(e.Source));
            }
            single.Add(new SingleEntry(e.Sequence, e.Station, e.Source, e.Sender));
        }
        if (signed?.PartyCopy is { } party && sender is not Sender.Operator)
        {
            _problems.Add($"entry {e.Sequence}: party {party}'s copy ({e.Source}) of station {e.Station} is recorded as sent by {e.Sender}; "
                + "only the party's agents send its copies, each as an operator");
        }
        switch (sender)
        {
            case Sender.Device device:
                if (device.Station.Value != e.Station || signed is not { Signed: true })
                {
                    _problems.Add($"entry {e.Sequence}: sent by the device of {device.Station}, but it is station {e.Station}'s "
                        + $"{e.Source} count, which {(signed is { Signed: true } ? "that device may not send" : "no device signs")}");
                }
                break;
            case Sender.Operator op:
                CheckOperator(e, op.Name, signed);
                break;
            case Sender.DoubleEntry pair:
                CheckMatched(e, canonical, [pair.First, pair.Second]);
                break;
            case Sender.MatchedEntry again:
                CheckMatched(e, canonical, [again.Name]);
                break;
            default:
                if (signature.Length == 0 && signed is not { Signed: true })
                {
                    _imported++;
                }
                break;
        }
    }

    /// <summary>
    /// Applies the records after the last entry (up to <paramref name="treeSize"/> entries) and says, in short lines, what the
    /// register held.
    /// </summary>
    public IReadOnlyList<string> Finish(long treeSize)
    {
        var lateRecords = _pending.Where(r => r.LogSize > treeSize).Take(20).ToList();
        ApplyBefore(long.MaxValue);
        foreach (var late in lateRecords)
        {
            _problems.Add($"register record {late.Sequence} says the log held {late.LogSize} entries when it was recorded; "
                + $"the signed tree head has {treeSize}");
        }
        var unopened = _matched.Values.Count(m => !_pairsChecked.ContainsKey(m.Sequence));
        List<string> lines =
        [
            Invariant($"the register holds {_count:N0} records"),
            Invariant($"device keys: {_enrolments:N0} enrolled ({_replacements:N0} replacing a station's earlier key), {_revocations:N0} revoked"),
            Invariant($"operators: {_operators.Count:N0}")
                + (_revokedOperators.Count > 0 ? Invariant($" ({_revokedOperators.Count:N0} of them revoked)") : ""),
            Invariant($"hand entries: {_handEntries.Count:N0}; matched pairs checked against their commitments: {_pairsChecked.Count:N0}")
                + (unopened > 0 ? Invariant($" ({unopened:N0} more not yet in the log)") : ""),
            Invariant($"acts: {_orders.Count:N0} recount orders, {_outcomes:N0} outcomes, {_certifications:N0} certifications"),
            _reports.Summary(),
            _audit.Summary(),
            Invariant($"turnout reports: {_turnout.Count:N0}"),
            _wordCatalogs.Count == 0
                ? "word catalogs: none recorded (the site is worded with the catalogs built into Sanoo)"
                : Invariant($"word catalogs: {_wordCatalogRecords:N0} recorded; in force: ")
                    + string.Join(", ", _wordCatalogs.Values.Select(w =>
                        Invariant($"{w.Language} (record {w.Sequence}, SHA-256 {w.CatalogSha256[..16]}…)"))),
            Invariant($"witnesses: {_witnesses.Count:N0}")
                + (_revokedWitnesses.Count > 0 ? Invariant($" ({_revokedWitnesses.Count:N0} of them revoked)") : "")
                + (_witnessesBy.Count > 0 ? $" (enrolled by {string.Join(", ", _witnessesBy)}, as the enrolling command named them)" : ""),
        ];
        if (_imported > 0)
        {
            lines.Add(Invariant($"{_imported:N0} entries imported from files by the commission (no device or operator signed them)"));
        }
        return lines;
    }

    /// <summary>Each station's current device key as the records applied so far leave it (after <see cref="Finish"/>: every record).</summary>
    public DeviceKeyBook CurrentKeys => _keys;

    private void ApplyBefore(long sequence)
    {
        var drained = false;
        while (_pending.TryPeek(out var pending) && pending.LogSize < sequence)
        {
            _pending.Dequeue();
            drained = true;
            Ordered(pending.Sequence, pending.LogSize);
            if (pending.Record is { } record)
            {
                Apply(record);
            }
            else
            {
                ApplyKey(pending.Sequence, _lastKeys.IdOf(pending.Ordinal), _pendingKeys.Take(pending.Key));
            }
        }
        if (drained && _pending.Count == 0)
        {
            _pending.TrimExcess(); // a million enrolments before the first entry left a 32 MB queue behind for the whole verification
        }
    }

    /// <summary>A record's log size is never smaller than an earlier record's.</summary>
    private void Ordered(long sequence, long logSize)
    {
        if (logSize < _lastLogSize)
        {
            _problems.Add($"register record {sequence} says the log held {logSize} entries, fewer than an earlier record did "
                + $"({_lastLogSize}): records were reordered or back-dated");
        }
        _lastLogSize = Math.Max(_lastLogSize, logSize);
    }

    private void Apply(RegisterRecord record)
    {
        CheckLanguages(record);
        if (record.ActingOperator is { } actor && _revokedOperators.TryGetValue(actor, out var revokedActor))
        {
            // A revoked operator stays among the enrolled, so that this one problem, not a second, names what is wrong.
            _problems.Add($"register record {record.Sequence} ({record.Kind}) is an act of operator {actor}, whose token register "
                + $"record {revokedActor.Sequence} revoked before it");
        }
        switch (record)
        {
            case DeviceKeyRecord key:
                ApplyKey(key.Sequence, key.StationId, key.PublicKey.AsSpan());
                break;
            case DeviceKeyRevokedRecord revoked:
                ApplyRevocation(revoked);
                break;
            case OperatorRecord op:
                ApplyOperator(op);
                _reports.Enrolled(op);
                break;
            case OperatorRevokedRecord revoked:
                ApplyOperatorRevocation(revoked);
                break;
            case ReportRecord report:
                _reports.Apply(report);
                break;
            case ReportAnswerRecord answer:
                _reports.Apply(answer);
                break;
            case TurnoutRecord turnout:
                ApplyTurnout(turnout);
                TurnoutRecords++;
                break;
            case HandEntryRecord entry:
                ApplyHandEntry(entry);
                break;
            case RecountOrderRecord order:
                ApplyOrder(order);
                break;
            case RecountOutcomeRecord outcome:
                ApplyOutcome(outcome);
                break;
            case CertificationRecord certification:
                Numbered(certification, "certification", certification.Number, ++_certifications);
                CertifiedFrom = Math.Min(CertifiedFrom ?? long.MaxValue, certification.Position);
                _certified.Add(new(certification.Number, certification.Position, certification.Statement, certification.By,
                    certification.At, certification.Translations));
                if (!_operators.TryGetValue(certification.By, out var certifier) || certifier.Role != OperatorRole.Admin)
                {
                    _problems.Add($"register record {certification.Sequence}: certification {certification.Number} is by {certification.By}, "
                        + "who was not then an enrolled admin");
                }
                if (certification.Position > certification.LogSize)
                {
                    _problems.Add($"register record {certification.Sequence} certifies the result at log position {certification.Position}, "
                        + $"but the log held only {certification.LogSize} entries then");
                }
                break;
            case AuditPlanRecord or AuditRoundRecord or AuditRecountRecord or AuditResultRecord:
                _audit.Apply(record);
                break;
            case WitnessRecord witness:
                // `sanoo witnesses enrol` records who enrolled a witness as --by says (the OS user by default), not an operator:
                // it is shown in the summary, not held to the operators.
                _witnessesBy.Add(witness.By);
                if (!_witnesses.TryAdd(witness.Name, Convert.ToBase64String(witness.PublicKey.AsSpan())))
                {
                    _problems.Add($"register record {witness.Sequence} enrols witness {witness.Name} a second time");
                }
                break;
            case WitnessRevokedRecord revoked:
                ApplyWitnessRevocation(revoked);
                break;
        }
    }

    private void ApplyKey(long sequence, string station, ReadOnlySpan<byte> key)
    {
        if (!IsStation(station))
        {
            _problems.Add($"register record {sequence} enrols a device key for {station}, which is no polling station");
        }
        _enrolments++;
        if (_keys.Key(station) is { IsEmpty: false } earlier)
        {
            _replacements++;
            Ended(station, earlier, $"replaced by register record {sequence}");
        }
        _keys.Set(station, key, sequence);
    }

    private void ApplyRevocation(DeviceKeyRevokedRecord revoked)
    {
        _revocations++;
        var current = _keys.Key(revoked.StationId);
        if (current.IsEmpty || !current.SequenceEqual(revoked.PublicKey.AsSpan()))
        {
            _problems.Add($"register record {revoked.Sequence} revokes a key that was not station {revoked.StationId}'s current key");
            return;
        }
        _keys.Remove(revoked.StationId);
        Ended(revoked.StationId, revoked.PublicKey.AsSpan(), $"revoked by register record {revoked.Sequence} ({revoked.Reason})");
    }

    private void Ended(string station, ReadOnlySpan<byte> key, string how)
    {
        if (!_endedKeys.TryGetValue(station, out var ended))
        {
            _endedKeys[station] = ended = [];
        }
        ended.Add((key.ToArray(), how));
    }

    private void ApplyOperator(OperatorRecord record)
    {
        Operator op;
        try
        {
            op = OperatorRecords.Of(record);
        }
        catch (Storage.StoreException)
        {
            _problems.Add($"register record {record.Sequence} enrols operator {record.Name} with role '{record.Role}' and no district");
            return;
        }
        if (op.District is { } district && _election.Area(district) is null)
        {
            _problems.Add($"register record {record.Sequence} enrols operator {record.Name} for district {district}, which is not in the map");
        }
        if (!_operators.TryAdd(record.Name, op))
        {
            _problems.Add($"register record {record.Sequence} enrols operator {record.Name} a second time");
        }
    }

    /// <summary>
    /// An operator's revocation: of an operator enrolled before it, not revoked already, naming the token their enrolment holds.
    /// (Who revoked is recorded as the command's <c>--by</c> said, as for a device key's revocation: not held to the operators.)
    /// </summary>
    private void ApplyOperatorRevocation(OperatorRevokedRecord revoked)
    {
        if (!_operators.TryGetValue(revoked.Name, out var op))
        {
            _problems.Add($"register record {revoked.Sequence} revokes operator {revoked.Name}, whom the register had not enrolled before it");
        }
        else if (!op.TokenHash.AsSpan().SequenceEqual(revoked.TokenSha256.AsSpan()))
        {
            _problems.Add($"register record {revoked.Sequence} revokes a token of operator {revoked.Name} other than the one enrolled");
        }
        if (!_revokedOperators.TryAdd(revoked.Name, revoked))
        {
            _problems.Add($"register record {revoked.Sequence} revokes operator {revoked.Name} a second time");
        }
    }

    /// <summary>
    /// A witness's revocation: of a witness enrolled before it, not revoked already, naming the key its enrolment holds. (Who revoked
    /// is recorded as the command's <c>--by</c> said, as for its enrolment.)
    /// </summary>
    private void ApplyWitnessRevocation(WitnessRevokedRecord revoked)
    {
        if (!_witnesses.TryGetValue(revoked.Name, out var key))
        {
            _problems.Add($"register record {revoked.Sequence} revokes witness {revoked.Name}, which the register had not enrolled before it");
        }
        else if (key != Convert.ToBase64String(revoked.PublicKey.AsSpan()))
        {
            _problems.Add($"register record {revoked.Sequence} revokes a key of witness {revoked.Name} other than the one enrolled");
        }
        if (!_revokedWitnesses.TryAdd(revoked.Name, revoked.Sequence))
        {
            _problems.Add($"register record {revoked.Sequence} revokes witness {revoked.Name} a second time");
        }
    }

    private void ApplyHandEntry(HandEntryRecord entry)
    {
        if (!Acts(entry.By, entry.StationId))
        {
            _problems.Add($"register record {entry.Sequence}: hand entry {entry.Entry} of station {entry.StationId} is by {entry.By}, "
                + "who was not then an enrolled operator acting for that station");
        }
        if (!_handEntries.TryAdd(entry.Entry, entry))
        {
            _problems.Add($"register record {entry.Sequence} records hand entry {entry.Entry} a second time");
        }
        if (entry.Status is not ("awaiting-second" or "matched" or "mismatch"))
        {
            _problems.Add($"register record {entry.Sequence}: hand entry {entry.Entry} has status '{entry.Status}'");
        }
        if (entry.Status != "matched")
        {
            return;
        }
        if (entry.ContentHash is not { } hash)
        {
            _problems.Add($"register record {entry.Sequence}: matched hand entry {entry.Entry} names no protocol (contentHash)");
            return;
        }
        var slot = (entry.StationId, entry.Contest, entry.Source, entry.Version, Convert.ToHexStringLower(hash.AsSpan()));
        if (!_matched.TryAdd(slot, entry))
        {
            _problems.Add($"register record {entry.Sequence}: a second matched pair for station {entry.StationId}, {entry.Contest}, "
                + $"{entry.Source} version {entry.Version}");
        }
    }

    /// <summary>
    /// A turnout report: signed by the station's device with the key the register made current before it, or sent by an operator
    /// then acting for the station; and one the day's earlier reports allow (<see cref="Core.Turnout.TurnoutBook.Add"/>).
    /// </summary>
    private void ApplyTurnout(TurnoutRecord turnout)
    {
        var at = $"register record {turnout.Sequence} (turnout of {turnout.StationId} at {turnout.Time})";
        var report = turnout.Report(_election.Id);
        if (turnout.Signature is { } signature)
        {
            var key = _keys.Key(turnout.StationId);
            if (turnout.By != TurnoutRecord.DevicePrefix + turnout.StationId)
            {
                _problems.Add($"{at} is signed, but says it was sent by {turnout.By}, not the station's device");
            }
            else if (key.IsEmpty || !Verifies(key, report.Canonical(), [.. signature]))
            {
                _problems.Add($"{at}: the signature does not verify with the device key the register made current for the station before it");
            }
        }
        else if (!Acts(turnout.By, turnout.StationId))
        {
            _problems.Add($"{at} is unsigned and sent by {turnout.By}, who was not then an enrolled operator acting for that station");
        }
        var outcome = _turnout.Add(report, out var reason);
        if (outcome == Core.Turnout.TurnoutOutcome.Recorded
            && _election.TryAreaIndex(report.Station, out var index) && _election.TryStationOrdinal(index, out var ordinal))
        {
            _turnoutAdded.Add((TurnoutRecords, ordinal, _election.Definition.TurnoutTimes.IndexOf(report.Time), report.Voters));
        }
        else if (outcome != Core.Turnout.TurnoutOutcome.Recorded)
        {
            _problems.Add($"{at} should not have been recorded: {(outcome == Core.Turnout.TurnoutOutcome.Duplicate
                ? "the station had reported that time already" : reason)}");
        }
    }

    /// <summary>A free text's language and translations name only languages of the definition.</summary>
    private void CheckLanguages(RegisterRecord record)
    {
        var translations = record switch
        {
            RecountOrderRecord r => r.Translations,
            RecountOutcomeRecord r => r.Translations,
            CertificationRecord r => r.Translations,
            ReportAnswerRecord r => r.Translations,
            _ => null,
        };
        var languages = _election.Definition.Languages;
        foreach (var code in translations?.Codes.Where(c => !languages.Contains(c)).Distinct() ?? [])
        {
            _problems.Add($"register record {record.Sequence} ({record.Kind}) gives its text in '{code}', which is not a language of the "
                + $"election ({string.Join(", ", languages)})");
        }
    }

    private void ApplyOrder(RecountOrderRecord order)
    {
        Numbered(order, "recount order", order.Number, _orders.Count + 1);
        if (!Acts(order.By, order.StationId))
        {
            _problems.Add($"register record {order.Sequence}: recount order {order.Number} of {order.StationId} is by {order.By}, "
                + "who was not then an enrolled operator acting for that station");
        }
        _orders.TryAdd(order.Number, order);
        if (AreaId.TryParse(order.StationId, out var station) && ContestId.TryParse(order.Contest, out var ordered))
        {
            _recounts.Add(new(order.Number, station, ordered, order.Reason, order.By, order.At, order.Translations));
        }
        var plan = ContestId.TryParse(order.Contest, out var contest) ? _election.Contest(contest) : null;
        if (plan is null || !VotesIn(order.StationId, plan))
        {
            _problems.Add($"register record {order.Sequence}: recount order {order.Number} is for contest {order.Contest} at {order.StationId}, "
                + "which is no polling station voting in that contest");
        }
        if (_openOrders.TryGetValue((order.StationId, order.Contest), out var open))
        {
            _problems.Add($"register record {order.Sequence}: recount order {order.Number} of {order.StationId} in {order.Contest} "
                + $"was opened while order {open} was still open");
        }
        _openOrders[(order.StationId, order.Contest)] = order.Number;
    }

    private void ApplyOutcome(RecountOutcomeRecord outcome)
    {
        Numbered(outcome, "recount outcome", outcome.Number, ++_outcomes);
        _findings.Add(new(outcome.Number, outcome.Recount, outcome.Outcome, outcome.By, outcome.At, outcome.Translations));
        if (!_orders.TryGetValue(outcome.Recount, out var order))
        {
            _problems.Add($"register record {outcome.Sequence}: recount outcome {outcome.Number} answers order {outcome.Recount}, "
                + "which the register did not hold before it");
            return;
        }
        if (!Acts(outcome.By, order.StationId))
        {
            _problems.Add($"register record {outcome.Sequence}: recount outcome {outcome.Number} of {order.StationId} is by {outcome.By}, "
                + "who was not then an enrolled operator acting for that station");
        }
        if (_openOrders.TryGetValue((order.StationId, order.Contest), out var open) && open == order.Number)
        {
            _openOrders.Remove((order.StationId, order.Contest));
        }
    }

    private void Numbered(RegisterRecord record, string what, long number, long expected)
    {
        if (number != expected)
        {
            _problems.Add($"register record {record.Sequence} is {what} {number}; the {what}s before it make it number {expected}");
        }
    }

    /// <summary>
    /// The entry's signature held to the station's current key; <paramref name="tried"/> (the register record of the key it was tried
    /// with while the page was prepared, and whether it verified) spares a second verification when that record set the current key.
    /// </summary>
    private void CheckSignature(ServedEntry e, byte[] canonical, byte[] signature, (long Record, bool Verifies)? tried)
    {
        var current = _keys.Key(e.Station, out var record);
        if (!current.IsEmpty && (tried is { } t && t.Record == record ? t.Verifies : Verifies(current, canonical, signature)))
        {
            return;
        }
        var ended = _endedKeys.GetValueOrDefault(e.Station)?.FirstOrDefault(k => Verifies(k.Key, canonical, signature));
        if (ended is { Ended: var how })
        {
            _problems.Add($"entry {e.Sequence}: signed with a device key of station {e.Station} that the register had {how} before it");
        }
        else if (current.IsEmpty)
        {
            _problems.Add($"entry {e.Sequence}: signed, but the register made no device key current for station {e.Station} before it");
        }
        else
        {
            _problems.Add($"entry {e.Sequence}: the device signature does not verify with the key register record {record} "
                + $"made current for station {e.Station}");
        }
    }

    private static bool Verifies(ReadOnlySpan<byte> key, byte[] canonical, byte[] signature) => PreparedEntry.Verifies(key, canonical, signature);

    private void CheckOperator(ServedEntry e, string name, CountSource? source)
    {
        if (!_operators.TryGetValue(name, out var op))
        {
            _problems.Add($"entry {e.Sequence}: sent by operator {name}, whom the register had not enrolled before it");
        }
        else if (source?.PartyCopy is { } party)
        {
            if (op.Role != OperatorRole.PartyAgent || op.Party != party.Value)
            {
                _problems.Add($"entry {e.Sequence}: party {party}'s copy ({e.Source}) of station {e.Station} was sent by {name}, "
                    + "who is not one of that party's agents");
            }
            else if (!AreaId.TryParse(e.Station, out var station) || !_jurisdiction.Accredits(op, station))
            {
                _problems.Add($"entry {e.Sequence}: party agent {name} sent party {party}'s copy of station {e.Station}, "
                    + $"for which they are not accredited ({op.District?.Value ?? "the election"})");
            }
        }
        else if (op.Reports)
        {
            _problems.Add($"entry {e.Sequence}: a {e.Source} count of station {e.Station} was sent by {name}, an observer or party "
                + "agent, who enters no count of the commission");
        }
        else if (!Acts(name, e.Station))
        {
            _problems.Add($"entry {e.Sequence}: sent by operator {name} of district {op.District}, which does not hold station {e.Station}");
        }
        else if (op.Role == OperatorRole.District && source is { DoubleEntry: true })
        {
            _problems.Add($"entry {e.Sequence}: a {e.Source} count is entered twice, but district operator {name} sent it alone");
        }
    }

    /// <summary>
    /// An entry sent as a double entry: the register must hold, before it, the matched hand entry of its slot naming its
    /// content, whose two opened entries are of that slot, by two different enrolled operators (<paramref name="names"/> among
    /// them), and commit to the entry's canonical bytes.
    /// </summary>
    private void CheckMatched(ServedEntry e, byte[] canonical, string[] names)
    {
        if (!_matched.TryGetValue((e.Station, e.Contest, e.Source, e.Version, e.ContentHash), out var matched))
        {
            _problems.Add($"entry {e.Sequence}: sent as a double entry ({e.Sender}), but the register holds no matched hand entry of "
                + $"station {e.Station}, {e.Contest}, {e.Source} version {e.Version} with its content before it");
            return;
        }
        if (!_pairsChecked.TryGetValue(matched.Sequence, out var sound))
        {
            _pairsChecked[matched.Sequence] = sound = PairOpens(matched, canonical);
        }
        if (!sound)
        {
            _problems.Add($"entry {e.Sequence}: the matched pair of register record {matched.Sequence} does not open to its protocol");
            return;
        }
        var operators = matched.Opens.Select(o => _handEntries[o.Entry].By).ToHashSet(StringComparer.Ordinal);
        var expected = names.Length == 2 ? names.ToHashSet(StringComparer.Ordinal) : null;
        if (expected is not null ? !operators.SetEquals(expected) : names[0] != matched.By)
        {
            _problems.Add($"entry {e.Sequence}: sent as {e.Sender}, but register record {matched.Sequence} matched the entries of "
                + string.Join(" and ", operators));
        }
    }

    /// <summary>
    /// Whether a matched record's openings are two entries of its slot, by two operators, committing to <paramref name="canonical"/>.
    /// </summary>
    private bool PairOpens(HandEntryRecord matched, byte[] canonical)
    {
        var opened = matched.Opens.Select(o => (Opening: o, Record: _handEntries.GetValueOrDefault(o.Entry))).ToList();
        var where = $"register record {matched.Sequence} (matched hand entry {matched.Entry})";
        if (opened.Count != 2 || opened.Any(o => o.Record is null) || !opened.Any(o => o.Opening.Entry == matched.Entry))
        {
            _problems.Add($"{where} must open itself and one earlier hand entry; it opens "
                + string.Join(", ", matched.Opens.Select(o => o.Entry.ToString(CultureInfo.InvariantCulture))));
            return false;
        }
        var sound = true;
        foreach (var (opening, record) in opened)
        {
            if (record!.StationId != matched.StationId || record.Contest != matched.Contest || record.Source != matched.Source
                || record.Version != matched.Version)
            {
                _problems.Add($"{where} opens hand entry {opening.Entry}, which is of another station, contest, source or version");
                sound = false;
            }
            if (!Opening.Commit(opening.Salt.AsSpan(), canonical).AsSpan().SequenceEqual(record.Commitment.AsSpan()))
            {
                _problems.Add($"{where}: hand entry {opening.Entry}'s commitment (register record {record.Sequence}) does not open "
                    + "to the protocol the log holds with the salt given");
                sound = false;
            }
        }
        if (opened[0].Record!.By == opened[1].Record!.By)
        {
            _problems.Add($"{where}: both entries of the pair are by {opened[0].Record!.By}; double entry needs two operators");
            sound = false;
        }
        return sound;
    }

    private bool Acts(string name, string station) =>
        _operators.TryGetValue(name, out var op) && AreaId.TryParse(station, out var id) && _jurisdiction.Covers(op, id);

    private bool IsStation(string station) =>
        AreaId.TryParse(station, out var id) && _election.TryAreaIndex(id, out var index) && _election.TryStationOrdinal(index, out _);

    private bool VotesIn(string station, ContestPlan plan) => AreaId.TryParse(station, out var id) && _election.VotesIn(id, plan);

    /// <summary>
    /// A record waiting for the entries to reach it: the record itself, or (<paramref name="Record"/> null) a device key enrolment of
    /// the station at <paramref name="Ordinal"/> whose key is <paramref name="Key"/> in <see cref="PendingKeys"/>.
    /// </summary>
    private readonly record struct Pending(RegisterRecord? Record, long Sequence, long LogSize, int Ordinal, int Key);

    /// <summary>The raw keys of the enrolments waiting, 32 bytes each in blocks, given back once every one was taken.</summary>
    private sealed class PendingKeys
    {
        private const int PerBlock = 4096;
        private readonly List<byte[]> _blocks = [];
        private int _added;
        private int _taken;

        public int Add(ReadOnlySpan<byte> key)
        {
            if (_added % PerBlock == 0)
            {
                _blocks.Add(new byte[PerBlock * DeviceKeyBook.KeySize]);
            }
            key.CopyTo(Slot(_added));
            return _added++;
        }

        public ReadOnlySpan<byte> Take(int index)
        {
            var key = Slot(index);
            if (++_taken == _added)
            {
                (_added, _taken) = (0, 0);
                _blocks.Clear();
            }
            return key;
        }

        private Span<byte> Slot(int index) =>
            _blocks[index / PerBlock].AsSpan(index % PerBlock * DeviceKeyBook.KeySize, DeviceKeyBook.KeySize);
    }
}
