using Sanoo.Storage.Sql;

namespace Sanoo.Storage.Schema;

/// <summary>
/// Brings a database to the newest schema on opening, under the writer lock so that servers
/// opening together apply each version once: an empty database gets every script, a Sanoo
/// store the ones it lacks, each recorded in <c>schema_version</c>. A database of a newer
/// schema, or one that holds other tables, is refused, and the transaction that looked is
/// rolled back: nothing was changed.
/// </summary>
internal static class SchemaMigration
{
    /// <summary>The version that brought the register: a store written before it has its typed rows copied in.</summary>
    private const int RegisterVersion = 6;

    public static async Task RunAsync(SqlDialect dialect, CancellationToken cancellationToken)
    {
        var transaction = await dialect.BeginWriteAsync(cancellationToken);
        try
        {
            var writer = new SqlWriter(dialect, transaction);
            var tables = await writer.TableNamesAsync(cancellationToken);
            if (tables.Count > 0 && !tables.Contains("schema_version"))
            {
                throw new StoreException(dialect.NotAStore);
            }
            var current = tables.Count == 0 ? 0 : await writer.SchemaVersionAsync(cancellationToken);
            if (current > SchemaScripts.Latest)
            {
                throw new StoreException(SchemaScripts.TooNew(dialect.Description, current, SchemaScripts.Latest));
            }
            foreach (var (version, _, sql) in SchemaScripts.For(dialect.Backend, dialect.SchemaTypes).Where(s => s.Version > current))
            {
                await writer.ApplySchemaAsync(version, sql, cancellationToken);
            }
            if (current is > 0 and < RegisterVersion && SchemaScripts.Latest >= RegisterVersion)
            {
                await RegisterBackfill.RunAsync(writer, cancellationToken);
            }
            await writer.CommitAsync(cancellationToken);
        }
        finally
        {
            await dialect.EndWriteAsync(transaction);
        }
    }
}
