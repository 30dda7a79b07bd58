using System.Text.Json;
using System.Xml.Linq;

namespace Sanoo.Cli.ErrImport;

/// <summary>
/// One object of an ERR report as read, the same whether the file was JSON or XML: its class, its id, and its fields by name.
/// </summary>
public abstract class ErrNode
{
    /// <summary>The class without the <c>ElectionResults.</c> prefix (from <c>@type</c> or <c>xsi:type</c>); null where the file
    /// does not say (an XML element of a concrete type).</summary>
    public abstract string? Type { get; }

    /// <summary>The <c>@id</c> (XML: <c>ObjectId</c>), or null.</summary>
    public abstract string? Id { get; }

    /// <summary>The objects of a field (one or many; none when absent).</summary>
    public abstract IEnumerable<ErrNode> Objects(string field);

    /// <summary>The text of a scalar field (a string, number or boolean as written), or null when absent.</summary>
    public abstract string? Text(string field);

    /// <summary>The ids of a reference field (a JSON array, an XML list separated by spaces, or one id); empty when absent.</summary>
    public abstract IReadOnlyList<string> Refs(string field);

    /// <summary>The texts of an <c>InternationalizedText</c> field by language, in the file's order; empty when absent.</summary>
    public abstract IReadOnlyList<(string Language, string Text)> Texts(string field);

    /// <summary>The first object of a field, or null.</summary>
    public ErrNode? Object(string field) => Objects(field).FirstOrDefault();

    /// <summary>A whole-number field, or null when absent or not a whole number.</summary>
    public long? Number(string field) =>
        double.TryParse(Text(field), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
        && value == Math.Floor(value) && Math.Abs(value) < 9e15
            ? (long)value
            : null;

    /// <summary>The value of the first external identifier of type <c>other</c> with this <c>OtherType</c>, or null.</summary>
    public string? External(string otherType) =>
        Objects("ExternalIdentifier").FirstOrDefault(e => e.Text("OtherType") == otherType)?.Text("Value");

    /// <summary>A report read from JSON.</summary>
    public static ErrNode Of(JsonElement element) => new JsonNode(element);

    /// <summary>A report read from XML.</summary>
    public static ErrNode Of(XElement element) => new XmlNode(element);

    private sealed class JsonNode(JsonElement element) : ErrNode
    {
        public override string? Type => Field("@type") is { ValueKind: JsonValueKind.String } type
            ? type.GetString()!.Replace("ElectionResults.", "", StringComparison.Ordinal)
            : null;

        public override string? Id => Text("@id");

        public override IEnumerable<ErrNode> Objects(string field) => Field(field) switch
        {
            { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
                .Select(e => (ErrNode)new JsonNode(e)),
            { ValueKind: JsonValueKind.Object } one => [new JsonNode(one)],
            _ => [],
        };

        public override string? Text(string field) => Field(field) switch
        {
            { ValueKind: JsonValueKind.String } text => text.GetString(),
            { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } scalar => scalar.GetRawText(),
            _ => null,
        };

        public override IReadOnlyList<string> Refs(string field) => Field(field) switch
        {
            { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String)
                .Select(e => e.GetString()!)],
            { ValueKind: JsonValueKind.String } one => [one.GetString()!],
            _ => [],
        };

        public override IReadOnlyList<(string Language, string Text)> Texts(string field) =>
            [.. Objects(field).SelectMany(t => t.Objects("Text")).Select(s => (s.Text("Language") ?? "", s.Text("Content") ?? ""))];

        private JsonElement? Field(string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;
    }

    private sealed class XmlNode(XElement element) : ErrNode
    {
        private static readonly XNamespace Instance = "http://www.w3.org/2001/XMLSchema-instance";

        public override string? Type =>
            element.Attribute(Instance + "type")?.Value is { } type ? type[(type.IndexOf(':', StringComparison.Ordinal) + 1)..] : null;

        public override string? Id => element.Attribute("ObjectId")?.Value;

        public override IEnumerable<ErrNode> Objects(string field) =>
            element.Elements(element.Name.Namespace + field).Select(e => (ErrNode)new XmlNode(e));

        public override string? Text(string field) => element.Element(element.Name.Namespace + field)?.Value.Trim();

        public override IReadOnlyList<string> Refs(string field) =>
            Text(field)?.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) ?? [];

        public override IReadOnlyList<(string Language, string Text)> Texts(string field) =>
            [.. element.Elements(element.Name.Namespace + field).SelectMany(t => t.Elements(element.Name.Namespace + "Text"))
                .Select(s => (s.Attribute("Language")?.Value ?? "", s.Value))];
    }
}
