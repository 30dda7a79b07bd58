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
    /// <paramref name="add"/> as it is read, decoded and in order (those that do not decode are left out, each a problem; none is
    /// held here); each record's leaf is appended to the frontier, which must then give the signed register root.
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
        var keys = new DeviceKeyRecordReader();
        void Check(long sequence, ReadOnlySpan<byte> kind, ReadOnlySpan<byte> bytes, bool isBase64, ReadOnlySpan<byte> leafHash, string? missing)
        {
            if (frontier.Size >= size)
            {
                return;
            }
            var place = frontier.Size + 1;
            if (missing is not null)
            {
                problems.Add($"register record {place} is served without its {missing}");
            }
            if (!isBase64)
            {
                problems.Add($"register record {place}: its bytes are not base64");
            }
            var leaf = MerkleHash.Leaf(bytes);
            frontier.Append(leaf);
            HoldToSaved();
            Span<char> hex = stackalloc char[2 * MerkleHash.Size];
            Convert.TryToHexStringLower(leaf, hex, out _);
            if (sequence != place || !Ascii.Equals(leafHash, hex))
            {
                problems.Add($"register record {place}: served as record {sequence} with leaf hash {Encoding.UTF8.GetString(leafHash)}, "
                    + $"but its bytes hash to {hex}");
            }
            try
            {
                var record = keys.TryRead(bytes) ?? Core.Register.RegisterRecord.Decode(bytes);
                if (record.Sequence != place || !Ascii.Equals(kind, record.Kind))
                {
                    problems.Add($"register record {place} says it is {record.Kind} {record.Sequence}; it is served as "
                        + Encoding.UTF8.GetString(kind));
                }
                add(record);
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
            {
                problems.Add($"register record {place} does not read: {e.Message}");
            }
        }
        while (frontier.Size < size)
        {
            var served = await origin.ReadAsync(
                $"/api/v1/register?after={frontier.Size}&limit=1000", json => RegisterPageReader.Read(json, Check), cancellationToken);
            if (served == 0)
            {
                problems.Add($"the server served {frontier.Size} register records of the {size} its tree head claims");
                break;
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
}
