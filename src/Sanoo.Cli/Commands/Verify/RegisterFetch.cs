using Sanoo.Contracts;
using Sanoo.Core.Transparency;
using Spectre.Console;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// Fetches the whole register the signed tree head covers and checks it as a log of its own: every record's bytes read
/// strictly as the record they claim to be, at their place, with the leaf hash served; the records hash to the signed
/// register root; and the records verified on the previous run still hash to the root saved then.
/// </summary>
internal static class RegisterFetch
{
    /// <summary>The register's records, decoded and in order (those that do not decode are left out, each a problem).</summary>
    public static async Task<List<Core.Register.RegisterRecord>> FetchAsync(
        VerifyCommand.IPublished origin,
        Contracts.TreeHead head,
        VerifiedHead? saved,
        ProgressTask task,
        List<string> problems,
        CancellationToken cancellationToken)
    {
        var records = new List<Core.Register.RegisterRecord>();
        var tree = new MerkleTree();
        var size = head.RegisterSize;
        while (tree.Size < size)
        {
            var page = await origin.JsonAsync($"/api/v1/register?after={tree.Size}&limit=1000", WireJson.Default.RegisterPage, cancellationToken);
            if (page.Records.Count == 0)
            {
                problems.Add($"the server served {tree.Size} register records of the {size} its tree head claims");
                break;
            }
            foreach (var served in page.Records.TakeWhile(_ => tree.Size < size))
            {
                var place = tree.Size + 1;
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
                tree.Append(leaf);
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
            task.Value = tree.Size;
        }
        if (tree.Size == size && Convert.ToHexStringLower(tree.Root(size)) != head.RegisterRoot)
        {
            problems.Add($"the register records served do not hash to the signed register root of {size} records");
        }
        if (saved is { RegisterSize: { } before, RegisterRoot: { } root })
        {
            if (before > size)
            {
                problems.Add($"REGISTER REWRITTEN: the register shrank: {size} records now, {before} when last verified");
            }
            else if (tree.Size >= before && Convert.ToHexStringLower(tree.Root(before)) != root)
            {
                problems.Add($"REGISTER REWRITTEN: the first {before} register records (keys, operators, hand entries, acts) no longer "
                    + $"hash to the root verified earlier ({root})");
            }
        }
        return records;
    }
}
