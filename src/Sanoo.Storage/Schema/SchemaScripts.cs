using System.Globalization;

namespace Sanoo.Storage.Schema;

/// <summary>
/// The schema as numbered .sql files embedded in this assembly. Each version has one script
/// that both backends share (Schema/NNN_name.sql: tables and indexes, with <c>{int64}</c>,
/// <c>{bytes}</c> and <c>{strict}</c> standing for the types each database spells its own
/// way) and, where the databases differ, a script of each backend's own that runs after it
/// (Schema/sqlite, Schema/postgres: the triggers that keep every table append-only). A database
/// records each version it has applied in <c>schema_version</c>; on opening, missing versions
/// are applied in order and a newer database is refused.
/// </summary>
internal static class SchemaScripts
{
    private const string Prefix = "Sanoo.Storage.Schema.";

    /// <summary>
    /// The scripts of a backend ("sqlite" or "postgres") by version, in order, with its
    /// spelling of the types put in.
    /// </summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> For(string backend, SchemaTypes types)
    {
        var own = Scripts($"{backend}/");
        return [.. Scripts("").Values.Select(shared =>
        {
            var sql = types.Spell(shared.Sql);
            if (sql.Contains('{', StringComparison.Ordinal))
            {
                var word = sql[sql.IndexOf('{', StringComparison.Ordinal)..];
                throw new InvalidOperationException($"{shared.Name} holds a type word {backend} does not spell: {word}");
            }
            return (shared.Version, shared.Name, own.TryGetValue(shared.Version, out var extra) ? sql + "\n" + extra.Sql : sql);
        })];
    }

    /// <summary>The newest schema version this Sanoo knows.</summary>
    public static int Latest => Scripts("").Keys.Max();

    /// <summary>The message for a database written by a newer Sanoo.</summary>
    public static string TooNew(string description, int found, int known) =>
        $"{description} has schema version {found}, written by a newer Sanoo; this Sanoo knows versions up to {known}. " +
        "Use a newer Sanoo; the database was not changed.";

    /// <summary>The embedded scripts directly in <paramref name="folder"/> ("" or "sqlite/"), by version.</summary>
    private static SortedDictionary<int, (int Version, string Name, string Sql)> Scripts(string folder)
    {
        var assembly = typeof(SchemaScripts).Assembly;
        var scripts = new SortedDictionary<int, (int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix + folder, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }
            var file = resource[(Prefix.Length + folder.Length)..];
            if (file.Contains('/', StringComparison.Ordinal))
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var version = int.Parse(file[..3], CultureInfo.InvariantCulture);
            scripts.Add(version, (version, file, reader.ReadToEnd()));
        }
        return scripts;
    }
}
