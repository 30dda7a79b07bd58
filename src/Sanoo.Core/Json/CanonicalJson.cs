using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sanoo.Core.Json;

/// <summary>
/// The JSON Canonicalization Scheme of RFC 8785 (JCS): the one byte form of a JSON value that a
/// device in any language can reproduce before it signs. Object members are sorted by the UTF-16
/// code units of their names; strings escape only <c>"</c>, <c>\</c> and control characters
/// (<c>\b \t \n \f \r</c>, the rest as <c>\u00xx</c> in lower case), everything else is written as
/// UTF-8; numbers are written as ECMAScript writes an IEEE 754 double; no white space. Input that
/// JCS cannot represent (duplicate member names, lone surrogates, numbers beyond a double) is
/// refused with <see cref="FormatException"/>.
/// </summary>
public static class CanonicalJson
{
    private static readonly JsonDocumentOptions Strict = new() { MaxDepth = 64 };

    /// <summary>The canonical form of the JSON text <paramref name="json"/> (UTF-8).</summary>
    public static byte[] Canonicalize(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Strict);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not JSON: {e.Message}", e);
        }
        using (document)
        {
            var buffer = new ArrayBufferWriter<byte>(json.Length);
            Write(buffer, document.RootElement);
            return buffer.WrittenSpan.ToArray();
        }
    }

    /// <summary>Writes <paramref name="value"/> in canonical form.</summary>
    public static void Write(IBufferWriter<byte> output, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new List<(string Name, JsonElement Value)>();
                foreach (var property in value.EnumerateObject())
                {
                    members.Add((NameOf(property), property.Value));
                }
                members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                for (var i = 1; i < members.Count; i++)
                {
                    if (members[i].Name == members[i - 1].Name)
                    {
                        throw new FormatException($"the member name \"{members[i].Name}\" appears twice in one object");
                    }
                }
                Raw(output, "{");
                for (var i = 0; i < members.Count; i++)
                {
                    Raw(output, i == 0 ? "" : ",");
                    WriteString(output, members[i].Name);
                    Raw(output, ":");
                    Write(output, members[i].Value);
                }
                Raw(output, "}");
                break;
            case JsonValueKind.Array:
                Raw(output, "[");
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    Raw(output, first ? "" : ",");
                    first = false;
                    Write(output, item);
                }
                Raw(output, "]");
                break;
            case JsonValueKind.String:
                WriteString(output, StringOf(value));
                break;
            case JsonValueKind.Number:
                Raw(output, Number(value.GetDouble()));
                break;
            case JsonValueKind.True:
                Raw(output, "true");
                break;
            case JsonValueKind.False:
                Raw(output, "false");
                break;
            case JsonValueKind.Null:
                Raw(output, "null");
                break;
            default:
                throw new FormatException($"a JSON value of kind {value.ValueKind} has no canonical form");
        }
    }

    /// <summary>The characters <see cref="WriteString"/> escapes or checks: controls, quote, backslash and surrogates.</summary>
    private static readonly SearchValues<char> NeedsCare = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Select(c => (char)c)) + "\"\\" + string.Concat(Enumerable.Range(0xD800, 0x800).Select(c => (char)c)));

    /// <summary>Writes <paramref name="text"/> as a canonical JSON string (quoted, minimally escaped, UTF-8).</summary>
    public static void WriteString(IBufferWriter<byte> output, string text)
    {
        if (text.AsSpan().IndexOfAny(NeedsCare) < 0)
        {
            // Nothing to escape and no surrogate to check (most names and ids): encoded where it lies, between its quotes.
            var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length) + 2);
            span[0] = (byte)'"';
            var length = Encoding.UTF8.GetBytes(text, span[1..]);
            span[length + 1] = (byte)'"';
            output.Advance(length + 2);
            return;
        }
        var escaped = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                escaped.Append(c).Append(text[++i]);
                continue;
            }
            if (char.IsSurrogate(c))
            {
                throw new FormatException($"a lone surrogate (U+{(int)c:X4}) at character {i} is not Unicode text");
            }
            _ = c switch
            {
                '"' => escaped.Append("\\\""),
                '\\' => escaped.Append("\\\\"),
                '\b' => escaped.Append("\\b"),
                '\f' => escaped.Append("\\f"),
                '\n' => escaped.Append("\\n"),
                '\r' => escaped.Append("\\r"),
                '\t' => escaped.Append("\\t"),
                < ' ' => escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => escaped.Append(c),
            };
        }
        Raw(output, escaped.Append('"').ToString());
    }

    /// <summary>
    /// <paramref name="value"/> as ECMAScript's Number.prototype.toString writes it (ECMA-262,
    /// Number::toString): the shortest digits that read back as the same double, in plain
    /// notation from 1e-6 up to 1e21 and in exponent notation outside it; -0 is "0".
    /// </summary>
    public static string Number(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new FormatException($"{value} is not a JSON number");
        }
        if (value == 0)
        {
            return "0";
        }
        if (value < 0)
        {
            return "-" + Number(-value);
        }
        var (digits, n) = ShortestDigits(value);
        var k = digits.Length;
        if (k <= n && n <= 21)
        {
            return digits + new string('0', n - k);
        }
        if (0 < n && n <= 21)
        {
            return $"{digits[..n]}.{digits[n..]}";
        }
        if (-6 < n && n <= 0)
        {
            return $"0.{new string('0', -n)}{digits}";
        }
        var exponent = n - 1 < 0 ? $"e-{1 - n}" : $"e+{n - 1}";
        return k == 1 ? digits + exponent : $"{digits[0]}.{digits[1..]}{exponent}";
    }

    /// <summary>
    /// The shortest decimal digits s (no leading or trailing zeros) and the exponent n with
    /// value = 0.s × 10^n, from .NET's shortest round-trip formatting.
    /// </summary>
    private static (string Digits, int N) ShortestDigits(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOfAny(['E', 'e']);
        var exponent = e < 0 ? 0 : int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? text : text[..e];
        var point = mantissa.IndexOf('.', StringComparison.Ordinal);
        var before = point < 0 ? mantissa.Length : point;
        var digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        var leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        return (digits, before - leading + exponent);
    }

    private static string NameOf(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException($"a member name is not Unicode text: {e.Message}", e);
        }
    }

    private static string StringOf(JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw new FormatException($"a string is not Unicode text: {e.Message}", e);
        }
    }

    private static void Raw(IBufferWriter<byte> output, string text)
    {
        if (text.Length == 0)
        {
            return;
        }
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }
}
