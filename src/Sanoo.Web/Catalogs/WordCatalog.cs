using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Sanoo.Web.Catalogs;

/// <summary>
/// The site's own words in one language, as read from one catalog file (<c>ky.json</c>): a JSON object whose sections are named
/// after the records that hold the words in code (<c>"Words"</c>, <c>"FoldWords"</c>, …), each an object of the record's
/// constructor parameters. A record binds only when its section has exactly its parameters: a word missing, or a word no
/// parameter takes, fails with the file, the section and the key. A parameter named <c>Code</c> is not a word: it takes the
/// catalog's language code.
/// </summary>
/// <param name="Language">The language code, the file's name without <c>.json</c>.</param>
/// <param name="Source">Where the catalog was read from, for messages.</param>
/// <param name="Sections">Each section by name.</param>
/// <param name="Text">The catalog's JSON text as read: what the register records (<see cref="Core.Register.WordCatalogRecord"/>).</param>
public sealed record WordCatalog(string Language, string Source, ImmutableDictionary<string, JsonElement> Sections, string Text)
{
    /// <summary>Reads a catalog from <paramref name="json"/>; <paramref name="source"/> names it in errors.</summary>
    public static WordCatalog Parse(string language, string source, string json)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false }).RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new WordCatalogException($"{source}: not JSON: {e.Message}");
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new WordCatalogException($"{source}: a catalog is one JSON object of sections");
        }
        var sections = ImmutableDictionary.CreateBuilder<string, JsonElement>(StringComparer.Ordinal);
        foreach (var section in root.EnumerateObject())
        {
            if (section.Value.ValueKind != JsonValueKind.Object)
            {
                throw new WordCatalogException($"{source}: section \"{section.Name}\" is not an object of words");
            }
            if (!sections.TryAdd(section.Name, section.Value))
            {
                throw new WordCatalogException($"{source}: section \"{section.Name}\" is given twice");
            }
        }
        return new WordCatalog(language, source, sections.ToImmutable(), json);
    }

    /// <summary>The record <paramref name="record"/> made from its section; throws <see cref="WordCatalogException"/> when they differ.</summary>
    public object Bind(Type record)
    {
        var constructor = Constructor(record);
        if (!Sections.TryGetValue(record.Name, out var section))
        {
            throw new WordCatalogException($"{Source}: section \"{record.Name}\" is missing");
        }
        var parameters = constructor.GetParameters();
        var words = Parameters(constructor).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in section.EnumerateObject())
        {
            if (!words.Contains(word.Name))
            {
                throw new WordCatalogException($"{Source}: section \"{record.Name}\" has \"{word.Name}\", a word {record.Name} does not have");
            }
            if (!seen.Add(word.Name))
            {
                throw new WordCatalogException($"{Source}: section \"{record.Name}\" gives \"{word.Name}\" twice");
            }
        }
        var values = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (parameter.Name == CodeParameter)
            {
                values[i] = Language;
                continue;
            }
            if (!section.TryGetProperty(parameter.Name!, out var value))
            {
                throw new WordCatalogException($"{Source}: section \"{record.Name}\" lacks \"{parameter.Name}\"");
            }
            values[i] = Value(parameter.ParameterType, value, $"{Source}: section \"{record.Name}\", \"{parameter.Name}\"");
        }
        return constructor.Invoke(values);
    }

    /// <summary>The words <paramref name="record"/> takes from a catalog: its constructor's parameters but <c>Code</c>.</summary>
    public static IEnumerable<string> Parameters(Type record) => Parameters(Constructor(record));

    private const string CodeParameter = "Code";

    private static IEnumerable<string> Parameters(ConstructorInfo constructor) =>
        constructor.GetParameters().Select(p => p.Name!).Where(name => name != CodeParameter);

    /// <summary>The record's primary constructor: the public one with the most parameters.</summary>
    private static ConstructorInfo Constructor(Type record) =>
        record.GetConstructors().MaxBy(c => c.GetParameters().Length)
        ?? throw new InvalidOperationException($"{record.Name} has no public constructor to bind words to");

    private static object Value(Type type, JsonElement value, string where)
    {
        if (type == typeof(string))
        {
            return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Wrong("a string");
        }
        if (type == typeof(IReadOnlyList<string>))
        {
            return value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String)
                ? value.EnumerateArray().Select(v => v.GetString()!).ToImmutableArray()
                : throw Wrong("an array of strings");
        }
        if (type == typeof(ImmutableDictionary<string, string>))
        {
            return value.ValueKind == JsonValueKind.Object && value.EnumerateObject().All(v => v.Value.ValueKind == JsonValueKind.String)
                ? value.EnumerateObject().ToImmutableDictionary(v => v.Name, v => v.Value.GetString()!, StringComparer.Ordinal)
                : throw Wrong("an object of strings");
        }
        if (type == typeof(NumberFormatInfo))
        {
            return value.ValueKind == JsonValueKind.Object
                && value.TryGetProperty("Group", out var group) && group.ValueKind == JsonValueKind.String
                && value.TryGetProperty("Decimal", out var mark) && mark.ValueKind == JsonValueKind.String
                && value.EnumerateObject().Count() == 2
                ? NumberFormatInfo.ReadOnly(new NumberFormatInfo
                {
                    NumberGroupSeparator = group.GetString()!,
                    NumberDecimalSeparator = mark.GetString()!,
                    NumberGroupSizes = [3],
                })
                : throw Wrong("an object of \"Group\" and \"Decimal\" (the number group separator and decimal mark)");
        }
        throw new InvalidOperationException($"{where}: words of type {type.Name} cannot come from a catalog");

        WordCatalogException Wrong(string expected) => new($"{where} is not {expected}");
    }
}
