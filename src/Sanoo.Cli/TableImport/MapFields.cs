using System.Collections.Immutable;
using System.Text.Json;

namespace Sanoo.Cli.TableImport;

/// <summary>
/// The fields of one JSON object of a mapping file, read by name with its JSON path: each wrong type, missing field and unknown
/// field is added to the shared list of problems, so a mapping's mistakes are all reported in one pass.
/// </summary>
internal sealed class MapFields
{
    private readonly JsonElement _object;
    private readonly List<string> _problems;
    private readonly HashSet<string> _read = [];

    private MapFields(JsonElement element, string path, List<string> problems)
    {
        _object = element;
        Path = path;
        _problems = problems;
    }

    /// <summary>The object's JSON path.</summary>
    public string Path { get; }

    /// <summary>The fields of <paramref name="element"/>, or null (and a problem) if it is not an object.</summary>
    public static MapFields? Of(JsonElement element, string path, List<string> problems)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return new MapFields(element, path, problems);
        }
        problems.Add($"{path}: expected an object {{ … }}, found {Describe(element)}");
        return null;
    }

    /// <summary>The path of a field.</summary>
    public string At(string name) => $"{Path}.{name}";

    /// <summary>A field's value as it is, or null if absent (a problem if <paramref name="required"/>).</summary>
    public JsonElement? Value(string name, bool required)
    {
        _read.Add(name);
        if (_object.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }
        if (required)
        {
            _problems.Add($"{At(name)}: missing (required)");
        }
        return null;
    }

    /// <summary>A text field.</summary>
    public string? Text(string name, bool required = true)
    {
        var value = Value(name, required);
        if (value is not { } v)
        {
            return null;
        }
        if (v.ValueKind == JsonValueKind.String)
        {
            return v.GetString();
        }
        _problems.Add($"{At(name)}: expected text in quotes, found {Describe(v)}");
        return null;
    }

    /// <summary>A true/false field, false when absent.</summary>
    public bool Flag(string name)
    {
        var value = Value(name, false);
        if (value is { } v && v.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            _problems.Add($"{At(name)}: expected true or false, found {Describe(v)}");
            return false;
        }
        return value?.ValueKind == JsonValueKind.True;
    }

    /// <summary>An object field.</summary>
    public MapFields? Object(string name, bool required = true) => Value(name, required) is { } v ? Of(v, At(name), _problems) : null;

    /// <summary>An array field's items with their paths; empty when absent.</summary>
    public IEnumerable<(JsonElement Item, string Path)> Array(string name, bool required = false)
    {
        var value = Value(name, required);
        if (value is not { } v)
        {
            return [];
        }
        if (v.ValueKind != JsonValueKind.Array)
        {
            _problems.Add($"{At(name)}: expected a list [ … ], found {Describe(v)}");
            return [];
        }
        return v.EnumerateArray().Select((item, i) => (item, $"{At(name)}[{i}]")).ToList();
    }

    /// <summary>A list of texts; empty when absent.</summary>
    public ImmutableArray<string> Texts(string name, bool required = false) =>
    [
        .. Array(name, required).Select(p => p.Item.ValueKind == JsonValueKind.String ? p.Item.GetString()! : Wrong(p.Path, "text", p.Item))
            .Where(t => t is not null)!,
    ];

    /// <summary>An object of texts (<c>{"bg": "…", "en": "…"}</c>) as pairs in order; empty when absent.</summary>
    public ImmutableArray<(string Key, string Text, string Path)> TextsByKey(string name, bool required = true)
    {
        var fields = Object(name, required);
        if (fields is null)
        {
            return [];
        }
        var pairs = ImmutableArray.CreateBuilder<(string, string, string)>();
        foreach (var property in fields._object.EnumerateObject())
        {
            fields._read.Add(property.Name);
            if (property.Value.ValueKind == JsonValueKind.String)
            {
                pairs.Add((property.Name, property.Value.GetString()!, fields.At(property.Name)));
            }
            else
            {
                Wrong(fields.At(property.Name), "text", property.Value);
            }
        }
        return pairs.ToImmutable();
    }

    /// <summary>Adds a problem at a field.</summary>
    public void Problem(string name, string message) => _problems.Add($"{At(name)}: {message}");

    /// <summary>Reports every field that was not read: a misspelt name is a mistake, not something to ignore.</summary>
    public void NoOtherFields()
    {
        foreach (var property in _object.EnumerateObject().Where(p => !_read.Contains(p.Name)))
        {
            _problems.Add($"{At(property.Name)}: unknown field (known here: {string.Join(", ", _read)})");
        }
    }

    private string? Wrong(string path, string expected, JsonElement found)
    {
        _problems.Add($"{path}: expected {expected}, found {Describe(found)}");
        return null;
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"the text \"{element.GetString()}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => "null",
    };
}
