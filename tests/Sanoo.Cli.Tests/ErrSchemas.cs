using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Schema;
using NJsonSchema;
using Sanoo.Testing;

namespace Sanoo.Cli.Tests;

/// <summary>
/// NIST SP 1500-100 v2's own schemas, read in place from the shared data folder: the JSON Schema (draft-04) through NJsonSchema and
/// the XSD through System.Xml.Schema. Each answers with every problem found (empty: valid).
/// </summary>
/// <remarks>
/// A report is validated against the JSON Schema in two parts, because NJsonSchema checks a <c>oneOf</c> by validating the whole
/// value against every alternative: a selection (one of three kinds) inside a contest (one of four) has its votes checked twelve
/// times, minutes for one election. The parts: the report with every contest's <c>ContestSelection</c> list emptied, against the
/// schema's root; and each selection against the definition its <c>@type</c> names. Every alternative of that <c>oneOf</c> fixes
/// <c>@type</c> by an enumeration, so a selection valid against the definition it names is valid against exactly one alternative,
/// and one of an unknown type is a problem here too: the same check, done once.
/// </remarks>
public static class ErrSchemas
{
    private const string Prefix = "ElectionResults.";

    private static readonly Lazy<JsonSchema> Json = new(() =>
        JsonSchema.FromFileAsync(SharedData.PathOf("nist_err_v2", "NIST_V2_election_results_reporting.json")).GetAwaiter().GetResult());

    private static readonly Lazy<XmlSchemaSet> Xsd = new(() =>
    {
        var set = new XmlSchemaSet();
        set.Add(null, SharedData.PathOf("nist_err_v2", "NIST_V2_election_results_reporting.xsd"));
        set.Compile();
        return set;
    });

    /// <summary>The problems of a JSON report against the JSON Schema (see the remarks).</summary>
    public static IReadOnlyList<string> JsonProblems(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var problems = Json.Value.Validate(Skeleton(root)).Select(e => $"{e.Path}: {e.Kind} {e.Property}").ToList();
        foreach (var contest in Items(root, "Election").SelectMany(e => Items(e, "Contest")))
        {
            foreach (var selection in Items(contest, "ContestSelection"))
            {
                var type = selection.TryGetProperty("@type", out var t) ? t.GetString() ?? "" : "";
                if (!type.StartsWith(Prefix, StringComparison.Ordinal)
                    || !type.EndsWith("Selection", StringComparison.Ordinal)
                    || !Json.Value.Definitions.TryGetValue(type, out var schema))
                {
                    problems.Add($"a ContestSelection of type '{type}', which is none of the schema's");
                    continue;
                }
                problems.AddRange(schema.Validate(selection.GetRawText()).Select(e => $"{type} {e.Path}: {e.Kind} {e.Property}"));
            }
        }
        return problems;
    }

    /// <summary>The problems of an XML report against the XSD (the first 20).</summary>
    public static IReadOnlyList<string> XmlProblems(Stream xml)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Xsd.Value };
        settings.ValidationEventHandler += (_, e) =>
        {
            if (problems.Count < 20)
            {
                problems.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
            }
        };
        using var reader = XmlReader.Create(xml, settings);
        while (reader.Read())
        {
        }
        return problems;
    }

    private static IEnumerable<JsonElement> Items(JsonElement element, string field) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(field, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray()
            : [];

    /// <summary>The report as written, but every <c>ContestSelection</c> list empty.</summary>
    private static string Skeleton(JsonElement root)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Copy(writer, root);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Copy(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                var isContest = element.TryGetProperty("@type", out var type)
                    && type.GetString() is { } name
                    && name.EndsWith("Contest", StringComparison.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    if (isContest && property.Name == "ContestSelection")
                    {
                        writer.WriteStartArray();
                        writer.WriteEndArray();
                    }
                    else
                    {
                        Copy(writer, property.Value);
                    }
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Copy(writer, item);
                }
                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
