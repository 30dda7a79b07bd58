using System.Text.Encodings.Web;
using System.Text.Json;
using Sanoo.Core.Err;

namespace Sanoo.Web.OpenData;

/// <summary>
/// Writes an ERR report (<see cref="ErrExport"/>) in NIST's JSON form: every object with <c>"@type": "ElectionResults.TYPE"</c>
/// and, where referenceable, <c>"@id"</c>; repeated fields as arrays; a field that leads (the report's snapshot) first. It streams:
/// a report of any size is written with a small buffer.
/// </summary>
public static class ErrJson
{
    /// <summary>The media type of the JSON form.</summary>
    public const string ContentType = "application/json; charset=utf-8";

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    /// <summary>Writes <paramref name="report"/> to <paramref name="stream"/> as UTF-8 JSON.</summary>
    public static void Write(Stream stream, ErrObject report)
    {
        using var writer = new Utf8JsonWriter(stream, Options);
        Value(writer, report);
        writer.Flush();
    }

    private static void Value(Utf8JsonWriter writer, ErrValue value)
    {
        switch (value)
        {
            case ErrText text:
                writer.WriteStringValue(text.Text);
                break;
            case ErrNumber number:
                writer.WriteNumberValue(number.Value);
                break;
            case ErrBoolean boolean:
                writer.WriteBooleanValue(boolean.Value);
                break;
            case ErrRefs refs:
                writer.WriteStartArray();
                foreach (var reference in refs.Ids)
                {
                    writer.WriteStringValue(reference);
                }
                writer.WriteEndArray();
                break;
            case ErrList list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    Value(writer, item);
                    if (writer.BytesPending > 1 << 16)
                    {
                        writer.Flush();
                    }
                }
                writer.WriteEndArray();
                break;
            case ErrObject node:
                writer.WriteStartObject();
                writer.WriteString("@type", "ElectionResults." + node.Type);
                if (node.Id is { } id)
                {
                    writer.WriteString("@id", id);
                }
                Fields(writer, node, leading: true);
                Fields(writer, node, leading: false);
                writer.WriteEndObject();
                break;
            default:
                throw new InvalidOperationException($"unknown ERR value {value.GetType().Name}");
        }
    }

    /// <summary>Writes the fields of <paramref name="node"/> that lead (<see cref="ErrField.Leads"/>), or the others.</summary>
    private static void Fields(Utf8JsonWriter writer, ErrObject node, bool leading)
    {
        foreach (var field in node.Fields)
        {
            if (field.Leads == leading && field.Value is { } value)
            {
                writer.WritePropertyName(field.Name);
                Value(writer, value);
            }
        }
    }
}
