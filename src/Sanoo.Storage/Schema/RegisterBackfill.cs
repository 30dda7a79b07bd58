using System.Collections.Immutable;
using System.Security.Cryptography;
using Sanoo.Core.Register;
using Sanoo.Storage.Entries;
using Sanoo.Storage.Sql;

namespace Sanoo.Storage.Schema;

/// <summary>
/// When schema 6 is applied to a store written before it: the definition and every row of the typed tables of versions 2,
/// 4 and 5 (device keys, operators, hand entries, recount orders and outcomes, certifications) become register records, in
/// the order they were recorded (by their times; a table's own order among equal times), each with the protocol log's size
/// at that time. Nothing is lost; from then on the register alone is read and written.
/// </summary>
internal static class RegisterBackfill
{
    public static async Task RunAsync(SqlWriter writer, CancellationToken cancellationToken)
    {
        var received = await writer.QueryAsync("SELECT received_at FROM protocol_version ORDER BY seq", r => r.GetInt64(0), cancellationToken);
        var old = new List<(long At, int Table, long Order, Func<long, long, RegisterRecord> Make)>();
        void Add(long at, int table, long order, Func<long, long, RegisterRecord> make) => old.Add((at, table, order, make));
        foreach (var d in await writer.QueryAsync(
            "SELECT id, definition, stored_at FROM election", r => (r.GetString(0), (byte[])r.GetValue(1), r.GetInt64(2)), cancellationToken))
        {
            Add(d.Item3, 0, 0, (seq, size) => new DefinitionRecord(seq, size, At(d.Item3), "sanoo", d.Item1, [.. SHA256.HashData(d.Item2)]));
        }
        foreach (var k in await writer.QueryAsync(
            "SELECT seq, station, public_key, enrolled_at, enrolled_by FROM device_key ORDER BY seq",
            r => (r.GetInt64(0), r.GetString(1), (byte[])r.GetValue(2), r.GetInt64(3), r.GetString(4)), cancellationToken))
        {
            Add(k.Item4, 1, k.Item1, (seq, size) => new DeviceKeyRecord(seq, size, At(k.Item4), k.Item5, k.Item2, [.. k.Item3]));
        }
        foreach (var o in await writer.QueryAsync(
            "SELECT seq, name, role, district, token_sha256, created_at FROM operator ORDER BY seq",
            r => (r.GetInt64(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), (byte[])r.GetValue(4), r.GetInt64(5)),
            cancellationToken))
        {
            Add(o.Item6, 2, o.Item1, (seq, size) =>
                new OperatorRecord(seq, size, At(o.Item6), "commission", o.Item2, o.Item3, o.Item4, [.. o.Item5]));
        }
        var entries = await writer.QueryAsync(HandEntryRows.SelectAll, HandEntryRows.Read, cancellationToken);
        foreach (var e in entries)
        {
            var at = e.EnteredAt.ToUnixTimeMilliseconds();
            Add(at, 3, e.Sequence, (seq, size) => Entry(e, entries, seq, size));
        }
        foreach (var o in await writer.QueryAsync(
            "SELECT seq, station, contest, reason, ordered_by, ordered_at FROM recount_order ORDER BY seq",
            r => (r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt64(5)), cancellationToken))
        {
            Add(o.Item6, 4, o.Item1, (seq, size) => new RecountOrderRecord(seq, size, At(o.Item6), o.Item5, o.Item1, o.Item2, o.Item3, o.Item4));
        }
        foreach (var o in await writer.QueryAsync(
            "SELECT seq, recount, outcome, recorded_by, recorded_at FROM recount_outcome ORDER BY seq",
            r => (r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetInt64(4)), cancellationToken))
        {
            Add(o.Item5, 5, o.Item1, (seq, size) => new RecountOutcomeRecord(seq, size, At(o.Item5), o.Item4, o.Item1, o.Item2, o.Item3));
        }
        foreach (var c in await writer.QueryAsync(
            "SELECT seq, position, statement, certified_by, certified_at FROM certification ORDER BY seq",
            r => (r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetInt64(4)), cancellationToken))
        {
            Add(c.Item5, 6, c.Item1, (seq, size) => new CertificationRecord(seq, size, At(c.Item5), c.Item4, c.Item1, c.Item2, c.Item3));
        }
        var records = old.OrderBy(o => o.At).ThenBy(o => o.Table).ThenBy(o => o.Order)
            .Select((o, i) => o.Make(i + 1, LogSizeAt(received, o.At)))
            .ToList();
        await writer.AppendRecordsAsync(records, cancellationToken);
    }

    private static DateTimeOffset At(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);

    /// <summary>How many protocol log entries had been received by <paramref name="at"/> (received times only grow with the log).</summary>
    private static long LogSizeAt(List<long> received, long at)
    {
        var (low, high) = (0, received.Count);
        while (low < high)
        {
            var mid = (low + high) / 2;
            (low, high) = received[mid] <= at ? (mid + 1, high) : (low, mid);
        }
        return low;
    }

    /// <summary>An old hand entry as a register record: its salt is <see cref="HandEntry.NoSalt"/>; a matched one opens its pair.</summary>
    private static HandEntryRecord Entry(HandEntry e, List<HandEntry> all, long seq, long size)
    {
        ImmutableArray<Opening> opens = [];
        ImmutableArray<byte>? content = null;
        if (e.Status == Core.Entries.EntryStatus.Matched
            && all.LastOrDefault(p => p.Sequence < e.Sequence && p.ContentHash == e.ContentHash && p.Operator != e.Operator
                && p.Station == e.Station && p.Contest == e.Contest && p.Source == e.Source && p.Version == e.Version) is { } partner)
        {
            opens = [new Opening(partner.Sequence, partner.Salt), new Opening(e.Sequence, e.Salt)];
            content = [.. Convert.FromHexString(e.ContentHash)];
        }
        return new HandEntryRecord(
            seq, size, e.EnteredAt, e.Operator, e.Sequence, e.Station.Value, e.Contest.Value, e.Source.Value, e.Version,
            HandEntry.StatusText(e.Status), [.. e.Commitment()], opens, content);
    }
}
