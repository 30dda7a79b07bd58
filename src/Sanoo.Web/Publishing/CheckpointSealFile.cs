using System.Text.Json;
using Sanoo.Log.Checkpoints;

namespace Sanoo.Web.Publishing;

/// <summary>
/// The signed statement of the server's last checkpoint, kept in a file beside its kept tree head (<c>DB.checkpoint.json</c>
/// beside <c>DB.tree-head.json</c>), outside the database, and written the same way: a new file readable by its owner only,
/// flushed, renamed over the old one. A statement is believed only when it is signed by this server's commission key or by the
/// key of the kept tree head (the key of the run that wrote both, when each run makes its own).
/// </summary>
public sealed class CheckpointSealFile : ICheckpointSeal
{
    private const string Format = "sanoo-checkpoint/1";
    private readonly string _path;
    private readonly CommissionKey? _signer;
    private readonly IReadOnlyList<byte[]> _trusted;

    private CheckpointSealFile(string path, CommissionKey? signer, IReadOnlyList<byte[]> trusted)
    {
        _path = path;
        _signer = signer;
        _trusted = trusted;
    }

    /// <inheritdoc />
    public bool CanSign => _signer is not null;

    /// <summary>Where the statement is kept beside <paramref name="treeHeadFile"/>.</summary>
    public static string PathBeside(string treeHeadFile) => treeHeadFile.EndsWith(".tree-head.json", StringComparison.Ordinal)
        ? treeHeadFile[..^".tree-head.json".Length] + ".checkpoint.json"
        : treeHeadFile + ".checkpoint.json";

    /// <summary>
    /// The seal beside <paramref name="treeHeadFile"/>, signing with <paramref name="signer"/> (none: it only reads) and trusting its
    /// key and the kept tree head's.
    /// </summary>
    public static async Task<CheckpointSealFile> OpenAsync(string treeHeadFile, CommissionKey? signer, CancellationToken cancellationToken)
    {
        var trusted = new List<byte[]>();
        if (signer is not null)
        {
            trusted.Add(signer.PublicKey);
        }
        if (File.Exists(treeHeadFile))
        {
            try
            {
                using var head = JsonDocument.Parse(await File.ReadAllBytesAsync(treeHeadFile, cancellationToken));
                if (head.RootElement.TryGetProperty("publicKey", out var key) && key.ValueKind == JsonValueKind.String)
                {
                    trusted.Add(Convert.FromBase64String(key.GetString()!));
                }
            }
            catch (Exception e) when (e is JsonException or FormatException)
            {
                // A kept head that does not read is refused by the store check; it vouches for no checkpoint.
            }
        }
        return new CheckpointSealFile(PathBeside(treeHeadFile), signer, trusted);
    }

    /// <inheritdoc />
    public async Task<(CheckpointStatement? Statement, string? Refusal)> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_path))
        {
            return (null, null);
        }
        try
        {
            using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(_path, cancellationToken));
            var root = json.RootElement;
            if (root.GetProperty("format").GetString() != Format)
            {
                return (null, $"{_path} is not a checkpoint statement this Sanoo reads");
            }
            var statement = new CheckpointStatement(
                root.GetProperty("election").GetString()!,
                Convert.FromHexString(root.GetProperty("definitionSha256").GetString()!),
                root.GetProperty("position").GetInt64(),
                Convert.FromHexString(root.GetProperty("root").GetString()!),
                Convert.FromHexString(root.GetProperty("stateSha256").GetString()!));
            var key = Convert.FromBase64String(root.GetProperty("publicKey").GetString()!);
            var signature = Convert.FromBase64String(root.GetProperty("signature").GetString()!);
            if (!CommissionKey.VerifyStatement(statement.SignedBytes(), signature, key))
            {
                return (null, $"the checkpoint statement in {_path} does not verify under the key it names: it was edited");
            }
            return _trusted.Any(k => k.AsSpan().SequenceEqual(key))
                ? (statement, null)
                : (null, $"the checkpoint statement in {_path} is signed by a key that is neither this server's commission key nor the kept "
                    + "tree head's");
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, $"{_path} is not a checkpoint statement this server wrote ({e.Message})");
        }
    }

    /// <inheritdoc />
    public async Task KeepAsync(CheckpointStatement statement, CancellationToken cancellationToken)
    {
        var signer = _signer ?? throw new InvalidOperationException("this seal only reads: it has no key to sign with");
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteString("election", statement.Election);
            json.WriteString("definitionSha256", Convert.ToHexStringLower(statement.DefinitionSha256));
            json.WriteNumber("position", statement.Position);
            json.WriteString("root", Convert.ToHexStringLower(statement.Root));
            json.WriteString("stateSha256", Convert.ToHexStringLower(statement.StateSha256));
            json.WriteString("publicKey", Convert.ToBase64String(signer.PublicKey));
            json.WriteString("signature", Convert.ToBase64String(signer.SignStatement(statement.SignedBytes())));
            json.WriteEndObject();
        }
        await TreeHeadFile.WriteWholeAsync(_path, buffer.WrittenMemory, cancellationToken);
    }
}
