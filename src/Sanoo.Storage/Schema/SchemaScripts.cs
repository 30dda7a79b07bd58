namespace Sanoo.Storage.Schema;

/// <summary>
/// The schema as numbered .sql files per backend (Schema/sqlite, Schema/postgres), embedded in
/// this assembly. A database records each version it has applied in <c>schema_version</c>; on
/// opening, missing versions are applied in order and a newer database is refused.
/// </summary>
internal static class SchemaScripts
{
    /// <summary>The scripts of a backend ("sqlite" or "postgres") by version, in order.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> For(string backend)
    {
        var assembly = typeof(SchemaScripts).Assembly;
        var prefix = $"Sanoo.Storage.Schema.{backend}";
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[(prefix.Length + 1)..];
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (int.Parse(file[..3], System.Globalization.CultureInfo.InvariantCulture), file, reader.ReadToEnd());
            })
            .OrderBy(s => s.Item1)];
    }

    /// <summary>The newest schema version this Sanoo knows for a backend.</summary>
    public static int Latest(string backend) => For(backend)[^1].Version;

    /// <summary>The message for a database written by a newer Sanoo.</summary>
    public static string TooNew(string description, int found, int known) =>
        $"{description} has schema version {found}, written by a newer Sanoo; this Sanoo knows versions up to {known}. Use a newer Sanoo; the database was not changed.";
}
