using System.Globalization;
using System.Text.Json;

namespace Sanoo.Core.Json;

/// <summary>
/// The properties of one JSON object, read strictly: a property that is not expected, or
/// appears twice, is a problem; each getter reports a missing or mistyped value at its path
/// and returns a default so that reading goes on and every problem is found in one pass.
/// </summary>
public sealed class JsonFields
{
    private readonly Dictionary<string, JsonElement> _values;
    private readonly ICollection<JsonProblem> _problems;

    private JsonFields(string path, Dictionary<string, JsonElement> values, ICollection<JsonProblem> problems)
    {
        Path = path;
        _values = values;
        _problems = problems;
    }

    /// <summary>Where problems found while reading this object go.</summary>
    public ICollection<JsonProblem> Problems => _problems;

    /// <summary>The object's JSON path.</summary>
    public string Path { get; }

    /// <summary>Reads an object's properties; null (with a problem) when it is not an object.</summary>
    public static JsonFields? Of(JsonElement element, string path, ICollection<JsonProblem> problems, params ReadOnlySpan<string> allowed)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new JsonProblem(path, $"expected an object, found {Describe(element)}"));
            return null;
        }
        var values = new Dictionary<string, JsonElement>(allowed.Length, StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var known = false;
            foreach (var name in allowed)
            {
                known |= name == property.Name;
            }
            if (!known)
            {
                problems.Add(new JsonProblem(
                    $"{path}.{property.Name}",
                    $"unknown field '{property.Name}' (expected one of: {string.Join(", ", allowed.ToArray())})"));
            }
            else if (!values.TryAdd(property.Name, property.Value))
            {
                problems.Add(new JsonProblem($"{path}.{property.Name}", "appears twice"));
            }
        }
        return new JsonFields(path, values, problems);
    }

    /// <summary>Whether the property is present and not null.</summary>
    public bool Has(string name) => _values.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>The raw value of a present property.</summary>
    public JsonElement? Raw(string name) => Has(name) ? _values[name] : null;

    /// <summary>The path of a property.</summary>
    public string PathOf(string name) => $"{Path}.{name}";

    /// <summary>A required string.</summary>
    public string String(string name) => OptionalString(name) ?? Missing(name, "a string", string.Empty);

    /// <summary>An optional string; null when absent.</summary>
    public string? OptionalString(string name)
    {
        if (!Has(name))
        {
            return null;
        }
        var value = _values[name];
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }
        _problems.Add(new JsonProblem(PathOf(name), $"expected a string, found {Describe(value)}"));
        return null;
    }

    /// <summary>A required string that must be one of the given words; <paramref name="fallback"/> otherwise.</summary>
    public T OneOf<T>(string name, T fallback, params ReadOnlySpan<(string Word, T Value)> options)
    {
        var word = String(name);
        foreach (var (candidate, value) in options)
        {
            if (candidate == word)
            {
                return value;
            }
        }
        if (word.Length > 0)
        {
            var expected = new List<string>();
            foreach (var option in options)
            {
                expected.Add($"\"{option.Word}\"");
            }
            Problem(name, $"expected one of {string.Join(", ", expected)}, found \"{Shorten(word)}\"");
        }
        return fallback;
    }

    /// <summary>A required whole number in [min, max].</summary>
    public long Integer(string name, long min = 0, long max = int.MaxValue) =>
        OptionalInteger(name, min, max) ?? Missing(name, "a whole number", min);

    /// <summary>An optional whole number in [min, max]; null when absent or wrong.</summary>
    public long? OptionalInteger(string name, long min = 0, long max = int.MaxValue)
    {
        if (!Has(name))
        {
            return null;
        }
        return ReadInteger(_values[name], PathOf(name), _problems, min, max);
    }

    /// <summary>Reads a whole number in [min, max] at a path, reporting what is wrong otherwise.</summary>
    public static long? ReadInteger(JsonElement value, string path, ICollection<JsonProblem> problems, long min = 0, long max = int.MaxValue)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            problems.Add(new JsonProblem(path, $"expected a whole number, found {Describe(value)}"));
            return null;
        }
        if (!value.TryGetInt64(out var number))
        {
            problems.Add(new JsonProblem(path, value.TryGetDecimal(out var d) && decimal.Truncate(d) != d
                ? $"expected a whole number, found {value.GetRawText()}"
                : $"the number {value.GetRawText()} is too large (at most {max.ToString(CultureInfo.InvariantCulture)})"));
            return null;
        }
        if (number < min)
        {
            problems.Add(new JsonProblem(path, number < 0 && min == 0
                ? $"must not be negative, found {number}"
                : $"must be at least {min}, found {number}"));
            return null;
        }
        if (number > max)
        {
            problems.Add(new JsonProblem(path, $"the number {number} is too large (at most {max.ToString(CultureInfo.InvariantCulture)})"));
            return null;
        }
        return number;
    }

    /// <summary>An optional exact decimal number; null when absent or wrong.</summary>
    public decimal? OptionalDecimal(string name)
    {
        if (!Has(name))
        {
            return null;
        }
        var value = _values[name];
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }
        _problems.Add(new JsonProblem(PathOf(name), $"expected a number, found {Describe(value)}"));
        return null;
    }

    /// <summary>An optional boolean; null when absent or wrong.</summary>
    public bool? OptionalBool(string name)
    {
        if (!Has(name))
        {
            return null;
        }
        var value = _values[name];
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }
        _problems.Add(new JsonProblem(PathOf(name), $"expected true or false, found {Describe(value)}"));
        return null;
    }

    /// <summary>A required array's items with their paths; empty (with a problem) when absent or not an array.</summary>
    public IEnumerable<(JsonElement Item, string Path)> Array(string name, bool required = true)
    {
        if (!Has(name))
        {
            if (required)
            {
                _problems.Add(new JsonProblem(PathOf(name), "is missing (expected an array)"));
            }
            return [];
        }
        var value = _values[name];
        if (value.ValueKind != JsonValueKind.Array)
        {
            _problems.Add(new JsonProblem(PathOf(name), $"expected an array, found {Describe(value)}"));
            return [];
        }
        var path = PathOf(name);
        return value.EnumerateArray().Select((item, i) => (item, $"{path}[{i}]"));
    }

    /// <summary>An optional nested object's fields.</summary>
    public JsonFields? Object(string name, params ReadOnlySpan<string> allowed) =>
        Has(name) ? Of(_values[name], PathOf(name), _problems, allowed) : null;

    /// <summary>Records a problem at a property of this object.</summary>
    public void Problem(string name, string message) => _problems.Add(new JsonProblem(PathOf(name), message));

    /// <summary>How a JSON value is named in messages.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{Shorten(value.GetString() ?? string.Empty)}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private T Missing<T>(string name, string what, T fallback)
    {
        if (!_values.TryGetValue(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            _problems.Add(new JsonProblem(PathOf(name), $"is missing (expected {what})"));
        }
        return fallback;
    }
}
