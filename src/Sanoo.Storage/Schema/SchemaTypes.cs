namespace Sanoo.Storage.Schema;

/// <summary>
/// How one database spells the types that the shared schema scripts write as words in braces,
/// so that each table is written once for both backends.
/// </summary>
/// <param name="Int64">For <c>{int64}</c>, a 64-bit integer (sequences, Unix milliseconds).</param>
/// <param name="Bytes">For <c>{bytes}</c>, a byte string (hashes, canonical bytes, keys).</param>
/// <param name="Strict">For <c>{strict}</c>, what follows a table's closing parenthesis (SQLite: STRICT typing).</param>
internal sealed record SchemaTypes(string Int64, string Bytes, string Strict)
{
    /// <summary>The script with every type word spelled this database's way.</summary>
    public string Spell(string script) => script
        .Replace("{int64}", Int64, StringComparison.Ordinal)
        .Replace("{bytes}", Bytes, StringComparison.Ordinal)
        .Replace("{strict}", Strict, StringComparison.Ordinal);
}
