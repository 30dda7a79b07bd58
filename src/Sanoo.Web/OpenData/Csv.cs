using System.Globalization;
using System.Text;

namespace Sanoo.Web.OpenData;

/// <summary>
/// Writes CSV as RFC 4180 says: comma-separated, CRLF line ends, fields quoted when they hold a
/// comma, quote or line break. Numbers are written invariantly (no grouping, '.' for decimals) so
/// any spreadsheet or script reads them the same. UTF-8 without a byte-order mark. Text that a
/// spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return: a
/// party name or a correction's reason typed by anyone) is written with a leading apostrophe, as
/// OWASP advises against CSV injection; numbers are never changed.
/// </summary>
public sealed class Csv(TextWriter writer)
{
    /// <summary>The encoding of every CSV file the site serves.</summary>
    public static readonly Encoding Encoding = new UTF8Encoding(false);

    /// <summary>Writes one record.</summary>
    public void Row(IEnumerable<object?> fields)
    {
        var first = true;
        Span<char> digits = stackalloc char[64];
        foreach (var field in fields)
        {
            if (!first)
            {
                writer.Write(',');
            }
            first = false;
            // A number is written straight from its digits (invariant: no comma, quote or line break to quote), not as a string:
            // an area's CSV has some 20 fields a row and 30,000 rows a district.
            if (field is int or long or decimal && ((ISpanFormattable)field).TryFormat(digits, out var n, default, CultureInfo.InvariantCulture))
            {
                writer.Write(digits[..n]);
                continue;
            }
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
            string s => Neutralised(s),
            _ => Neutralised(value.ToString() ?? ""),
        };
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>Text a spreadsheet would not run: a leading formula character is preceded by an apostrophe.</summary>
    public static string Neutralised(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
