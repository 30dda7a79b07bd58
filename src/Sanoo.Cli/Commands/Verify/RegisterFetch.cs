using Sanoo.Contracts;
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
    /// The register's records after the <paramref name="frontier"/>'s size (every one on a first round), decoded and in order (those
    /// that do not decode are left out, each a problem); each record's leaf is appended to the frontier, which must then give the
    /// signed register root.
    /// </summary>
    public static async Task<List<Core.Register.RegisterRecord>> FetchAsync(
        VerifyCommand.IPublished origin,
        Contracts.TreeHead head,
        VerifiedHead? saved,
        MerkleFrontier frontier,
        ProgressTask task,
        List<string> problems,
        CancellationToken cancellationToken)
    {
        var records = new List<Core.Register.RegisterRecord>();
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
        while (frontier.Size < size)
        {
            var page = await origin.JsonAsync(
                $"/api/v1/register?after={frontier.Size}&limit=1000", WireJson.Default.RegisterPage, cancellationToken);
            if (page.Records.Count == 0)
            {
                problems.Add($"the server served {frontier.Size} register records of the {size} its tree head claims");
                break;
            }
            foreach (var served in page.Records.TakeWhile(_ => frontier.Size < size))
            {
                var place = frontier.Size + 1;
                byte[] bytes;
                try
                {
                    bytes = Convert.FromBase64String(served.Bytes);
                }
                catch (FormatException)
                {
                    problems.Add($"register record {place}: its bytes are not base64");
                    bytes = [];
                }
                var leaf = MerkleHash.Leaf(bytes);
                frontier.Append(leaf);
                HoldToSaved();
                if (served.Sequence != place || served.LeafHash != Convert.ToHexStringLower(leaf))
                {
                    problems.Add($"register record {place}: served as record {served.Sequence} with leaf hash {served.LeafHash}, "
                        + $"but its bytes hash to {Convert.ToHexStringLower(leaf)}");
                }
                try
                {
                    var record = Core.Register.RegisterRecord.Decode(bytes);
                    if (record.Sequence != place || record.Kind != served.Kind)
                    {
                        problems.Add($"register record {place} says it is {record.Kind} {record.Sequence}; it is served as {served.Kind}");
                    }
                    records.Add(record);
                }
                catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
                {
                    problems.Add($"register record {place} does not read: {e.Message}");
                }
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
        return records;
    }
}
