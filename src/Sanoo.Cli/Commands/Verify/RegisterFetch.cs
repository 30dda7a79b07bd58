using System.Text;
using Sanoo.Core.Transparency;
using Spectre.Console;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Fetches the whole register the signed tree head covers and checks it as a log of its own: every record's bytes read
/// strictly as the record they claim to be, at their place, with the leaf hash served; the records hash to the signed
/// register root; and the records verified on the previous run still hash to the root saved then. Only the register's Merkle
/// frontier is kept from round to round, so a round fetches the records added since the last.
/// </summary>
internal static class RegisterFetch
{
    /// <summary>
    /// Fetches the register's records after the <paramref name="frontier"/>'s size (every one on a first round) and gives each to
    /// <paramref name="add"/> as it is read, decoded and in order (those that do not decode are left out, each a problem; a page a core
    /// is read ahead, never the register); each record's leaf is appended to the frontier, which must then give the signed register
    /// root.
    /// </summary>
    public static async Task FetchAsync(
        VerifyCommand.IPublished origin,
        Contracts.TreeHead head,
        VerifiedHead? saved,
        MerkleFrontier frontier,
        Action<Core.Register.RegisterRecord> add,
        ProgressTask task,
        List<string> problems,
        CancellationToken cancellationToken)
    {
        var (kept, size) = (frontier.Size, head.RegisterSize);
        var savedRoot = saved is { RegisterSize: { } before, RegisterRoot: { } root } ? (Size: before, Root: root) : default;
        if (savedRoot.Root is not null && savedRoot.Size > size)
        {
            problems.Add($"REGISTER REWRITTEN: the register shrank: {size} records now, {savedRoot.Size} when last verified");
        }
        void HoldToSaved()
        {
            if (savedRoot.Root is not null && frontier.Size == savedRoot.Size && frontier.Size > kept
                && Convert.ToHexStringLower(frontier.Root()) != savedRoot.Root)
            {
                problems.Add($"REGISTER REWRITTEN: the first {savedRoot.Size} register records (keys, operators, hand entries, acts) no "
                    + $"longer hash to the root verified earlier ({savedRoot.Root})");
            }
        }
        HoldToSaved();
        void Apply(ServedRecord served)
        {
            if (frontier.Size >= size)
            {
                return;
            }
            var place = frontier.Size + 1;
            if (served.Missing is not null)
            {
                problems.Add($"register record {place} is served without its {served.Missing}");
            }
            if (!served.IsBase64)
            {
                problems.Add($"register record {place}: its bytes are not base64");
            }
            frontier.Append(served.Leaf);
            HoldToSaved();
            if (served.Sequence != place || served.LeafServed is not null)
            {
                problems.Add($"register record {place}: served as record {served.Sequence} with leaf hash "
                    + $"{served.LeafServed ?? Convert.ToHexStringLower(served.Leaf)}, but its bytes hash to {Convert.ToHexStringLower(served.Leaf)}");
            }
            if (served.Record is not { } record)
            {
                problems.Add($"register record {place} does not read: {served.Unread}");
                return;
            }
            if (record.Sequence != place || served.KindServed is not null)
            {
                problems.Add(
                    $"register record {place} says it is {record.Kind} {record.Sequence}; it is served as {served.KindServed ?? record.Kind}");
            }
            add(record);
        }
        // Pages are read, hashed and decoded ahead on every core while the one before is applied in order (a million device keys
        // make a national register: one page at a time, each waiting for the server's answer, left a core idle).
        var pages = PagesAhead.ReadAsync(
            frontier.Size,
            size,
            PageSize,
            from => Task.Run(() => origin.ReadAsync($"/api/v1/register?after={from}&limit={PageSize}", Prepare, cancellationToken),
                cancellationToken),
            (from, page) => from + page.Length,
            cancellationToken);
        await foreach (var page in pages)
        {
            if (page.Length == 0)
            {
                problems.Add($"the server served {frontier.Size} register records of the {size} its tree head claims");
                break;
            }
            foreach (var served in page)
            {
                Apply(served);
            }
            task.Value = frontier.Size - kept;
        }
        if (frontier.Size == size && Convert.ToHexStringLower(frontier.Root()) != head.RegisterRoot)
        {
            problems.Add(kept > 0
                ? $"REGISTER REWRITTEN: the register of {size} records does not hash to the signed register root from the {kept} "
                    + "verified earlier and the records served since"
                : $"the register records served do not hash to the signed register root of {size} records");
        }
    }

    /// <summary>Register records asked for a page.</summary>
    private const int PageSize = 1000;

    /// <summary>
    /// A record as served, checked as far as it can be without the records before it: its <paramref name="Leaf"/> hash, the leaf hash
    /// served where it differs (<paramref name="LeafServed"/>, null when the same), the record its bytes decode to (null, and
    /// <paramref name="Unread"/> saying why, when they do not) and the kind served where the record's own differs.
    /// </summary>
    private sealed record ServedRecord(
        long Sequence,
        byte[] Leaf,
        string? LeafServed,
        bool IsBase64,
        string? Missing,
        Core.Register.RegisterRecord? Record,
        string? Unread,
        string? KindServed);

    /// <summary>
    /// The records of a page of <c>/api/v1/register</c> in <paramref name="json"/>, each read as far as <see cref="ServedRecord"/> says.
    /// </summary>
    private static ServedRecord[] Prepare(ReadOnlySpan<byte> json)
    {
        var records = new List<ServedRecord>(PageSize);
        var keys = new DeviceKeyRecordReader();
        RegisterPageReader.Read(json, (sequence, kind, bytes, isBase64, leafHash, missing) =>
        {
            var leaf = MerkleHash.Leaf(bytes);
            Span<char> hex = stackalloc char[2 * MerkleHash.Size];
            Convert.TryToHexStringLower(leaf, hex, out _);
            var leafServed = Ascii.Equals(leafHash, hex) ? null : Encoding.UTF8.GetString(leafHash);
            Core.Register.RegisterRecord? record = null;
            string? unread = null;
            try
            {
                record = keys.TryRead(bytes) ?? Core.Register.RegisterRecord.Decode(bytes);
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
            {
                unread = e.Message;
            }
            var kindServed = record is null || Ascii.Equals(kind, record.Kind) ? null : Encoding.UTF8.GetString(kind);
            records.Add(new ServedRecord(sequence, leaf, leafServed, isBase64, missing, record, unread, kindServed));
        });
        return [.. records];
    }
}
