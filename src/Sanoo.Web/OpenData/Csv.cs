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
/// <remarks>
/// A record is written field by field (<see cref="Field(string?)"/> and its overloads, then <see cref="End"/>), each value by its
/// type: nothing is boxed or gathered in an array, for the files of a million rows (every protocol) and the district pages of
/// 30,000 (and the verifier, which writes each again to compare). <see cref="Row(IEnumerable{object?})"/> writes a record of
/// values of any of those types, for the small files.
/// </remarks>
public sealed class Csv(TextWriter writer)
{
    /// <summary>The encoding of every CSV file the site serves.</summary>
    public static readonly Encoding Encoding = new UTF8Encoding(false);

    private bool _inRecord;

    /// <summary>Writes one record.</summary>
    public void Row(IEnumerable<object?> fields)
    {
        foreach (var field in fields)
        {
            Boxed(field);
        }
        End();
    }

    /// <summary>Writes one record.</summary>
    public void Row(params object?[] fields) => Row((IEnumerable<object?>)fields);

    /// <summary>Writes a text field (an empty one for null), quoted and neutralised as need be.</summary>
    public Csv Field(string? text)
    {
        Separate();
        if (string.IsNullOrEmpty(text))
        {
            return this;
        }
        if (text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' || text.AsSpan().IndexOfAny(",\"\r\n") >= 0)
        {
            writer.Write(Quoted(Neutralised(text)));
        }
        else
        {
            writer.Write(text);
        }
        return this;
    }

    /// <summary>Writes a whole number.</summary>
    public Csv Field(long number) => Number(number);

    /// <summary>Writes a whole number, or an empty field for null.</summary>
    public Csv Field(long? number) => number is { } n ? Field(n) : Field((string?)null);

    /// <summary>Writes a decimal number.</summary>
    public Csv Field(decimal number) => Number(number);

    /// <summary>
    /// Writes a number given in hundredths (1234 for 12.34) as a <see cref="decimal"/> of it divided by 100 writes itself: no
    /// trailing zero after the point (12.3, 0.05, 12, -0.5).
    /// </summary>
    public Csv Hundredths(long hundredths)
    {
        Separate();
        var (whole, part) = (Math.Abs(hundredths / 100), Math.Abs(hundredths % 100));
        Span<char> digits = stackalloc char[32];
        var n = 0;
        if (hundredths < 0)
        {
            digits[n++] = '-';
        }
        whole.TryFormat(digits[n..], out var written, default, CultureInfo.InvariantCulture);
        n += written;
        if (part != 0)
        {
            digits[n++] = '.';
            digits[n++] = (char)('0' + (part / 10));
            if (part % 10 != 0)
            {
                digits[n++] = (char)('0' + (part % 10));
            }
        }
        writer.Write(digits[..n]);
        return this;
    }

    /// <summary>Writes fields another <see cref="Csv"/> wrote (<see cref="Fields(Action{Csv})"/>), as they are, as this record's next.</summary>
    public Csv Fields(string written)
    {
        Separate();
        writer.Write(written);
        return this;
    }

    /// <summary>Writes fields another <see cref="Csv"/> wrote into a <see cref="StringWriter"/>, as they are, as this record's next.</summary>
    public Csv Fields(StringBuilder written)
    {
        Separate();
        writer.Write(written);
        return this;
    }

    /// <summary>The text of the fields <paramref name="write"/> writes (separated, quoted and neutralised as a record's), to be copied
    /// into records with <see cref="Fields(string)"/>: fields that many rows repeat are written once.</summary>
    public static string Fields(Action<Csv> write)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        write(new Csv(text));
        return text.ToString();
    }

    /// <summary>Writes <c>true</c> or <c>false</c>.</summary>
    public Csv Field(bool value)
    {
        Separate();
        writer.Write(value ? "true" : "false");
        return this;
    }

    /// <summary>Writes a moment in UTC, to the millisecond (<c>2021-11-28T14:00:00.000Z</c>).</summary>
    public Csv Field(DateTimeOffset moment)
    {
        Separate();
        Span<char> text = stackalloc char[32];
        moment.UtcDateTime.TryFormat(text, out var n, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        writer.Write(text[..n]);
        return this;
    }

    /// <summary>Ends the record.</summary>
    public void End()
    {
        writer.Write("\r\n");
        _inRecord = false;
    }

    /// <summary>Text a spreadsheet would not run: a leading formula character is preceded by an apostrophe.</summary>
    public static string Neutralised(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>Writes a field of any type <see cref="Field(string?)"/> and its overloads take, or of any other as its text.</summary>
    private void Boxed(object? value)
    {
        switch (value)
        {
            case null:
                Field((string?)null);
                break;
            case int or long:
                Field(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case decimal d:
                Field(d);
                break;
            case bool b:
                Field(b);
                break;
            case DateTimeOffset t:
                Field(t);
                break;
            case IFormattable f:
                var text = f.ToString(null, CultureInfo.InvariantCulture);
                Separate();
                writer.Write(text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? Quoted(text) : text);
                break;
            default:
                Field(value.ToString());
                break;
        }
    }

    /// <summary>Writes a number straight from its digits (invariant: nothing to quote), not boxed.</summary>
    private Csv Number<T>(T number)
        where T : ISpanFormattable
    {
        Separate();
        Span<char> digits = stackalloc char[64];
        number.TryFormat(digits, out var n, default, CultureInfo.InvariantCulture);
        writer.Write(digits[..n]);
        return this;
    }

    private void Separate()
    {
        if (_inRecord)
        {
            writer.Write(',');
        }
        _inRecord = true;
    }

    private static string Quoted(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
