using System.Globalization;
using System.Text;

namespace Sanoo.Web.OpenData;

/// <summary>
/// Writes CSV as RFC 4180 says: comma-separated, CRLF line ends, fields quoted when they hold a
/// comma, quote or line break. Numbers are written invariantly (no grouping, '.' for decimals) so
/// any spreadsheet or script reads them the same. UTF-8 without a byte-order mark.
/// </summary>
public sealed class Csv(TextWriter writer)
{
    /// <summary>The encoding of every CSV file the site serves.</summary>
    public static readonly Encoding Encoding = new UTF8Encoding(false);

    /// <summary>Writes one record.</summary>
    public void Row(IEnumerable<object?> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                writer.Write(',');
            }
            first = false;
            writer.Write(Field(field));
        }
        writer.Write("\r\n");
    }

    /// <summary>Writes one record.</summary>
    public void Row(params object?[] fields) => Row((IEnumerable<object?>)fields);

    private static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            bool b => b ? "true" : "false",
            DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
