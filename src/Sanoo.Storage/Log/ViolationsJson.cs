using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Sanoo.Core.Definitions;
using Sanoo.Core.Rules;

namespace Sanoo.Storage.Log;

/// <summary>Broken relations as stored in the log: a JSON array of objects with every field of <see cref="Violation"/>.</summary>
public static class ViolationsJson
{
    /// <summary>The JSON, or null when there are none.</summary>
    public static string? Write(ImmutableArray<Violation> violations)
    {
        if (violations.IsDefaultOrEmpty)
        {
            return null;
        }
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var v in violations)
            {
                json.WriteStartObject();
                json.WriteString("relation", v.Relation.Value);
                json.WriteString("rule", v.Rule);
                json.WriteString("severity", v.Severity == Severity.Error ? "error" : "warning");
                json.WriteString("leftText", v.LeftText);
                json.WriteNumber("left", v.Left);
                json.WriteString("comparison", v.Comparison.Symbol());
                json.WriteString("rightText", v.RightText);
                json.WriteNumber("right", v.Right);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The violations of stored JSON (empty for null).</summary>
    public static ImmutableArray<Violation> Read(string? json)
    {
        if (json is null)
        {
            return [];
        }
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(v => new Violation(
            new RelationId(v.GetProperty("relation").GetString()!),
            v.GetProperty("rule").GetString()!,
            v.GetProperty("severity").GetString() == "error" ? Severity.Error : Severity.Warning,
            v.GetProperty("leftText").GetString()!,
            v.GetProperty("left").GetInt64(),
            Enum.GetValues<Comparison>().First(c => c.Symbol() == v.GetProperty("comparison").GetString()),
            v.GetProperty("rightText").GetString()!,
            v.GetProperty("right").GetInt64()))];
    }
}
