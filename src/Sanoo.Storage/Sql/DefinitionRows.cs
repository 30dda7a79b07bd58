using System.Data.Common;

namespace Sanoo.Storage.Sql;

/// <summary>How the <see cref="StoredDefinition"/> maps to the <c>election</c> table (one row, written once).</summary>
internal static class DefinitionRows
{
    public const string Select = "SELECT id, definition FROM election";

    public const string SelectId = "SELECT id FROM election";

    public const string Insert = "INSERT INTO election (id, definition, definition_sha256, stored_at) VALUES ($1, $2, $3, $4)";

    public static SqlArg[] Values(StoredDefinition definition) =>
        [definition.ElectionId, definition.Definition, System.Security.Cryptography.SHA256.HashData(definition.Definition), DateTimeOffset.UtcNow];

    public static StoredDefinition Read(DbDataReader r) => new(r.GetString(0), (byte[])r.GetValue(1));
}
