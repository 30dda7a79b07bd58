using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Sanoo.Web.Catalogs;

/// <summary>
/// Every language the site has words in: the catalogs built into Sanoo (<c>en</c>, <c>ru</c>, <c>ky</c>) and those an operator
/// adds from a folder (<c>--words DIR</c>: one <c>CODE.json</c> per language), which also replace a built-in one of the same code.
/// Each record of words (<see cref="Records"/>) is bound once per language and kept. A language with no catalog is worded
/// in <see cref="Fallback"/>; <see cref="WordsLanguage"/> says which language the words are really in, for <c>lang</c>.
/// A server, a publish and the verifier put in force the catalogs the register holds (<see cref="RegisteredWords"/>).
/// </summary>
public static partial class WordCatalogs
{
    /// <summary>The language whose words stand in for a language without a catalog.</summary>
    public const string Fallback = "en";

    /// <summary>Every record whose words come from a catalog: each catalog has exactly one section for each, named after it.</summary>
    public static ImmutableArray<Type> Records { get; } =
    [
        typeof(Site.Words), typeof(Site.FoldWords), typeof(Site.MapWords), typeof(Site.PartyCopyWords), typeof(Site.VerifyPageWords),
        typeof(Site.EntryWords), typeof(Turnout.TurnoutWords), typeof(Forensics.ForensicsWords), typeof(Reports.ReportPageWords),
        typeof(SeatWording.SeatPhrases), typeof(Site.ProgressWords), typeof(Site.CraftWords), typeof(Audits.AuditWords),
        typeof(Site.CheckWords),
    ];

    private const string ResourcePrefix = "Sanoo.Web.Catalogs.";

    private static readonly Lock Writing = new();
    private static readonly ConcurrentDictionary<(Type Record, string Language), object> Bound = new();
    private static ImmutableDictionary<string, WordCatalog> catalogs = BuiltIn();

    /// <summary>Every language with a catalog, in code order.</summary>
    public static ImmutableArray<string> Languages => [.. Volatile.Read(ref catalogs).Keys.Order(StringComparer.Ordinal)];

    /// <summary>The catalog of <paramref name="language"/>, or null when it has none.</summary>
    public static WordCatalog? Catalog(string language) => Volatile.Read(ref catalogs).GetValueOrDefault(language);

    /// <summary>The language the words for <paramref name="language"/> are in: itself when it has a catalog, else <see cref="Fallback"/>.</summary>
    public static string WordsLanguage(string language) => Volatile.Read(ref catalogs).ContainsKey(language) ? language : Fallback;

    /// <summary>The words of record <typeparamref name="T"/> in <paramref name="language"/> (see <see cref="WordsLanguage"/>).</summary>
    public static T For<T>(string language)
        where T : class
    {
        var wordsLanguage = WordsLanguage(language);
        return (T)Bound.GetOrAdd((typeof(T), wordsLanguage), key => Volatile.Read(ref catalogs)[key.Language].Bind(key.Record));
    }

    /// <summary>
    /// Reads every <c>CODE.json</c> in <paramref name="folder"/>, checks that each binds every record, and only then puts them in
    /// force. Returns the languages read. Throws <see cref="WordCatalogException"/> naming the file, section and key at fault.
    /// </summary>
    public static ImmutableArray<string> AddFolder(string folder)
    {
        var read = ReadFolder(folder);
        Add(read);
        return [.. read.Select(c => c.Language)];
    }

    /// <summary>
    /// Reads every <c>CODE.json</c> in <paramref name="folder"/>, in code order, each checked to bind every record (UTF-8; a
    /// byte-order mark is not part of the text); puts none in force. Throws <see cref="WordCatalogException"/> naming the file,
    /// section and key at fault.
    /// </summary>
    public static ImmutableArray<WordCatalog> ReadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new WordCatalogException($"{folder}: no such folder of word catalogs");
        }
        var read = Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(path => WordCatalog.Parse(LanguageOf(path), path, TextOf(path)))
            .ToImmutableArray();
        foreach (var catalog in read)
        {
            Check(catalog);
        }
        return read;
    }

    /// <summary>
    /// The catalog a register record holds (<see cref="Core.Register.WordCatalogRecord"/>), checked to bind every record; throws
    /// <see cref="WordCatalogException"/> naming the record when it does not.
    /// </summary>
    public static WordCatalog Of(Core.Register.WordCatalogRecord record)
    {
        var source = $"register record {record.Sequence} (the word catalog for {record.Language})";
        if (!LanguageCode().IsMatch(record.Language))
        {
            throw new WordCatalogException($"{source}: '{record.Language}' is not a language code");
        }
        var catalog = WordCatalog.Parse(record.Language, source, record.Catalog);
        Check(catalog);
        return catalog;
    }

    /// <summary>
    /// Puts <paramref name="read"/> in force, each replacing the catalog of its language (checked: see <see cref="Check"/>); one whose
    /// text is the one in force already changes nothing (its words stay bound).
    /// </summary>
    public static void Add(IReadOnlyCollection<WordCatalog> read)
    {
        lock (Writing)
        {
            read = [.. read.Where(c => catalogs.GetValueOrDefault(c.Language)?.Text != c.Text)];
            if (read.Count == 0)
            {
                return;
            }
            Volatile.Write(ref catalogs, catalogs.SetItems(read.Select(c => KeyValuePair.Create(c.Language, c))));
            foreach (var key in Bound.Keys.Where(k => read.Any(c => c.Language == k.Language)))
            {
                Bound.TryRemove(key, out _);
            }
        }
    }

    /// <summary>
    /// A fingerprint of every catalog in force (each language and the SHA-256 of its text): a published folder whose pages were
    /// worded otherwise is rendered anew.
    /// </summary>
    public static string Fingerprint => string.Join("\n", Volatile.Read(ref catalogs).Values.OrderBy(c => c.Language, StringComparer.Ordinal)
        .Select(c => $"{c.Language} {Core.Register.WordCatalogRecord.Sha256Of(c.Text)}"));

    /// <summary>Checks that <paramref name="catalog"/> has a section for each record and no other, and that each binds.</summary>
    public static void Check(WordCatalog catalog)
    {
        var names = Records.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        if (catalog.Sections.Keys.FirstOrDefault(s => !names.Contains(s)) is { } stray)
        {
            throw new WordCatalogException($"{catalog.Source}: section \"{stray}\" words no record (records: {string.Join(", ", names)})");
        }
        foreach (var record in Records)
        {
            catalog.Bind(record);
        }
    }

    private static string LanguageOf(string path)
    {
        var code = Path.GetFileNameWithoutExtension(path);
        return LanguageCode().IsMatch(code)
            ? code
            : throw new WordCatalogException($"{path}: a catalog is named after its language code, e.g. kk.json");
    }

    private static string TextOf(string path)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            return new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(
                bytes is [0xEF, 0xBB, 0xBF, .. var rest] ? rest : bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new WordCatalogException($"{path}: a catalog is UTF-8 text");
        }
    }

    private static ImmutableDictionary<string, WordCatalog> BuiltIn()
    {
        var assembly = typeof(WordCatalogs).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                var language = name[ResourcePrefix.Length..^".json".Length];
                return WordCatalog.Parse(language, $"Catalogs/{language}.json (built in)", reader.ReadToEnd());
            })
            .ToImmutableDictionary(c => c.Language, StringComparer.Ordinal);
    }

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageCode();
}
