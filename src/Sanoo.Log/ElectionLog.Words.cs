using Sanoo.Core.Register;

namespace Sanoo.Log;

/// <summary>The word catalogs the results site is worded with, kept in the register (docs/site.md, "Words").</summary>
public sealed partial class ElectionLog
{
    /// <summary>
    /// Records each of <paramref name="catalogs"/> (language code and the catalog's text) whose text is not the last one the register
    /// holds for its language, in the order given, decided under the writer lock over the register's word catalogs: the same folder
    /// given again (a restart, a second server) records nothing. Returns the records made.
    /// </summary>
    public Task<IReadOnlyList<WordCatalogRecord>> RecordWordCatalogsAsync(
        IReadOnlyList<(string Language, string Catalog)> catalogs, string by, CancellationToken cancellationToken = default) =>
        AfterRecordingAsync(_store.RecordOverKindsAsync<IReadOnlyList<WordCatalogRecord>>([WordCatalogRecord.Word], (earlier, slot) =>
        {
            var last = LastOfEachLanguage(earlier.OfType<WordCatalogRecord>());
            var at = Millisecond(_time.GetUtcNow());
            var records = new List<WordCatalogRecord>();
            foreach (var (language, catalog) in catalogs)
            {
                if (last.GetValueOrDefault(language)?.Catalog != catalog)
                {
                    var record = new WordCatalogRecord(slot.Next + records.Count, slot.LogSize, at, by, language, catalog);
                    records.Add(record);
                    last[language] = record;
                }
            }
            return ([.. records], records);
        }, cancellationToken), cancellationToken);

    /// <summary>
    /// The word catalog in force for each language among the register's first <paramref name="registerSize"/> records (the last
    /// recorded for it), by language code.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, WordCatalogRecord>> WordCatalogsAsync(
        long registerSize = long.MaxValue, CancellationToken cancellationToken = default) =>
        LastOfEachLanguage((await RecordsOfKindsAsync([WordCatalogRecord.Word], registerSize, cancellationToken)).Cast<WordCatalogRecord>());

    private static Dictionary<string, WordCatalogRecord> LastOfEachLanguage(IEnumerable<WordCatalogRecord> records)
    {
        var last = new Dictionary<string, WordCatalogRecord>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            last[record.Language] = record;
        }
        return last;
    }
}
