using System.Globalization;
using System.Text;
using System.Xml;
using Sanoo.Core.Err;

namespace Sanoo.Web.OpenData;

/// <summary>
/// Writes an ERR report (<see cref="ErrExport"/>) in NIST's XML form (namespace <see cref="Namespace"/>): a field is an element of
/// its name, an object's id the <c>ObjectId</c> attribute, an object held where the schema declares an abstract type names its type
/// with <c>xsi:type</c>, id references are space-separated, and a text in a language is <c>&lt;Text Language="ky"&gt;</c>. A field
/// that leads (the report's snapshot) is also stated in a comment before the root element, as the XSD puts it after the counts. It
/// streams like <see cref="ErrJson"/>.
/// </summary>
public static class ErrXml
{
    /// <summary>The namespace of NIST SP 1500-100 v2.</summary>
    public const string Namespace = "http://itl.nist.gov/ns/voting/1500-100/v2";

    /// <summary>The media type of the XML form.</summary>
    public const string ContentType = "application/xml; charset=utf-8";

    private const string Instance = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Writes <paramref name="report"/> to <paramref name="stream"/> as UTF-8 XML.</summary>
    public static void Write(Stream stream, ErrObject report)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, CloseOutput = false };
        using var writer = XmlWriter.Create(stream, settings);
        writer.WriteStartDocument();
        foreach (var field in report.Fields)
        {
            if (field is { Leads: true, Value: { } value })
            {
                writer.WriteComment($"{field.Name}: {string.Join(' ', Texts(value))}");
            }
        }
        writer.WriteStartElement(report.Type, Namespace);
        writer.WriteAttributeString("xmlns", "xsi", null, Instance);
        Content(writer, report);
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    private static void Content(XmlWriter writer, ErrObject node)
    {
        if (node.Id is { } id)
        {
            writer.WriteAttributeString("ObjectId", id);
        }
        foreach (var field in node.Fields)
        {
            if (field.Value is { } value)
            {
                Field(writer, field.Name, value);
            }
        }
    }

    private static void Field(XmlWriter writer, string name, ErrValue value)
    {
        if (value is ErrList list)
        {
            foreach (var item in list.Items)
            {
                Field(writer, name, item);
            }
            return;
        }
        writer.WriteStartElement(name, Namespace);
        switch (value)
        {
            case ErrText text:
                writer.WriteString(text.Text);
                break;
            case ErrNumber number:
                writer.WriteString(number.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case ErrBoolean boolean:
                writer.WriteString(boolean.Value ? "true" : "false");
                break;
            case ErrRefs refs:
                writer.WriteString(string.Join(' ', refs.Ids));
                break;
            case ErrObject { Type: "LanguageString" } text:
                writer.WriteAttributeString("Language", Scalar(text, "Language"));
                writer.WriteString(Scalar(text, "Content"));
                break;
            case ErrObject node:
                if (node.Derived)
                {
                    writer.WriteAttributeString("type", Instance, node.Type);
                }
                Content(writer, node);
                break;
            default:
                throw new InvalidOperationException($"unknown ERR value {value.GetType().Name}");
        }
        writer.WriteEndElement();
    }

    /// <summary>The texts and numbers within <paramref name="value"/>, in order: what a comment states of a leading field.</summary>
    private static IEnumerable<string> Texts(ErrValue value) => value switch
    {
        ErrText text => [text.Text],
        ErrNumber number => [number.Value.ToString(CultureInfo.InvariantCulture)],
        ErrBoolean boolean => [boolean.Value ? "true" : "false"],
        ErrRefs refs => refs.Ids,
        ErrList list => list.Items.SelectMany(Texts),
        ErrObject node => node.Fields.SelectMany(f => f.Value is { } field ? Texts(field) : []),
        _ => throw new InvalidOperationException($"unknown ERR value {value.GetType().Name}"),
    };

    private static string Scalar(ErrObject node, string field) =>
        node.Fields.First(f => f.Name == field).Value is ErrText text ? text.Text : throw new InvalidOperationException($"{field} is no text");
}
