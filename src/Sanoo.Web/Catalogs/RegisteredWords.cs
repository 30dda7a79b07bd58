using System.Collections.Immutable;
using Sanoo.Core.Register;
using Sanoo.Log;

namespace Sanoo.Web.Catalogs;

/// <summary>
/// The word catalogs a server or a publish words the site with are the register's (<see cref="WordCatalogRecord"/>): those given
/// with <c>--words FOLDER</c> are recorded first when they differ from the last the register holds for their language (the same
/// folder again records nothing), then the last catalog of each language in the register is put in force, given or not. The
/// built-in catalogs word every language the register holds none for. So the words a page shows are the register's, and anyone
/// reading the register sees each version of them (docs/site.md, "Words").
/// </summary>
/// <param name="Recorded">The catalogs recorded now, in order.</param>
/// <param name="InForce">The register's catalogs put in force, by language: the last recorded for each.</param>
public sealed record RegisteredWords(ImmutableArray<WordCatalogRecord> Recorded, ImmutableSortedDictionary<string, WordCatalogRecord> InForce)
{
    /// <summary>
    /// Records the catalogs of <paramref name="folder"/> (when given) that the register does not hold as they are, in
    /// <paramref name="by"/>'s name, and puts the register's catalogs in force. Throws <see cref="WordCatalogException"/> naming the
    /// file, or the register record, whose catalog does not bind this Sanoo's words; nothing is recorded from a folder with one.
    /// </summary>
    public static async Task<RegisteredWords> PutInForceAsync(
        ElectionLog log, string? folder, string by, CancellationToken cancellationToken = default)
    {
        var given = folder is null ? [] : WordCatalogs.ReadFolder(folder);
        var recorded = given.IsEmpty
            ? []
            : await log.RecordWordCatalogsAsync([.. given.Select(c => (c.Language, c.Text))], by, cancellationToken);
        return new RegisteredWords([.. recorded], await InForceAsync(log, long.MaxValue, cancellationToken));
    }

    /// <summary>
    /// Puts in force the catalogs among the register's first <paramref name="registerSize"/> records (the last of each language):
    /// the words of the pages a tree head of that register size stands for. Returns them by language.
    /// </summary>
    public static async Task<ImmutableSortedDictionary<string, WordCatalogRecord>> InForceAsync(
        ElectionLog log, long registerSize, CancellationToken cancellationToken = default)
    {
        var inForce = (await log.WordCatalogsAsync(registerSize, cancellationToken)).ToImmutableSortedDictionary(StringComparer.Ordinal);
        WordCatalogs.Add([.. inForce.Values.Select(WordCatalogs.Of)]);
        return inForce;
    }

    /// <summary>What happened, in one sentence for the operator, or null when the register holds no catalog.</summary>
    public string? Summary => InForce.IsEmpty
        ? null
        : (Recorded.IsEmpty ? "" : $"Recorded in the register: {string.Join(", ", Recorded.Select(Named))}. ")
            + $"Words in force from the register: {string.Join(", ", InForce.Values.Select(Named))}.";

    private static string Named(WordCatalogRecord r) => $"{r.Language} (record {r.Sequence}, SHA-256 {r.CatalogSha256[..16]}…)";
}
