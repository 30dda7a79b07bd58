using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Sanoo.Cli.TableImport;

/// <summary>A piece of a <see cref="Template"/>: fixed text, or a value filled in per row.</summary>
public abstract record TemplatePart
{
    private TemplatePart()
    {
    }

    /// <summary>Text as written.</summary>
    public sealed record Literal(string Text) : TemplatePart;

    /// <summary><c>{column}</c>: the row's text in a column (<c>{table.column}</c> for a joined table's).</summary>
    public sealed record Column(string Name) : TemplatePart;

    /// <summary><c>{n}</c>, <c>{n:000}</c>: the area's number among its parent's, from 1 in the order first met, padded to the zeros' width.
    /// </summary>
    public sealed record Number(int Width) : TemplatePart;

    /// <summary><c>{row}</c>: the row's number in its file, the header being row 1.</summary>
    public sealed record Row : TemplatePart;

    /// <summary><c>{id}</c>: the area's own id (in a name).</summary>
    public sealed record OwnId : TemplatePart;

    /// <summary>A <see cref="Column"/> once found: the table (0 the main one) and the column's position in it.</summary>
    public sealed record BoundColumn(int Table, int Index) : TemplatePart;

    /// <summary><c>{area:LEVEL}</c>: the id of the row's area at that level above.</summary>
    public sealed record AreaAt(string Level) : TemplatePart;
}

/// <summary>
/// Text with values filled in per row, as a mapping writes ids and names: <c>rik{rik_code}</c>, <c>{rik_code} {riks.rik_name}</c>,
/// <c>r{n:00}</c>, <c>{area:region}-{uik_number}</c>. Braces always open a placeholder.
/// </summary>
/// <param name="Text">As written in the mapping.</param>
/// <param name="Parts">Its pieces in order.</param>
/// <param name="Path">Where in the mapping it is.</param>
public sealed record Template(string Text, ImmutableArray<TemplatePart> Parts, string Path)
{
    /// <summary>The columns it names.</summary>
    public IEnumerable<string> Columns => Parts.OfType<TemplatePart.Column>().Select(c => c.Name);

    /// <summary>Reads <paramref name="text"/>; a problem (an unclosed brace, an empty placeholder) is added to <paramref name="problems"/>.</summary>
    public static Template Parse(string text, string path, List<string> problems)
    {
        var parts = ImmutableArray.CreateBuilder<TemplatePart>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '{')
            {
                literal.Append(text[i]);
                continue;
            }
            var end = text.IndexOf('}', i);
            if (end < 0)
            {
                problems.Add($"{path}: \"{text}\" opens a {{ that is not closed");
                break;
            }
            if (literal.Length > 0)
            {
                parts.Add(new TemplatePart.Literal(literal.ToString()));
                literal.Clear();
            }
            var inside = text[(i + 1)..end];
            parts.Add(inside switch
            {
                "" => Problem(problems, $"{path}: \"{text}\" has an empty {{}}"),
                "n" => new TemplatePart.Number(1),
                "row" => new TemplatePart.Row(),
                "id" => new TemplatePart.OwnId(),
                _ when inside.StartsWith("n:", StringComparison.Ordinal) && inside.Length > 2 && inside[2..].All(c => c == '0') =>
                    new TemplatePart.Number(inside.Length - 2),
                _ when inside.StartsWith("area:", StringComparison.Ordinal) => new TemplatePart.AreaAt(inside[5..]),
                _ => new TemplatePart.Column(inside),
            });
            i = end;
        }
        if (literal.Length > 0)
        {
            parts.Add(new TemplatePart.Literal(literal.ToString()));
        }
        return new Template(text, parts.ToImmutable(), path);
    }

    /// <summary>The text with every placeholder filled by <paramref name="value"/>.</summary>
    public string Fill(Func<TemplatePart, string> value)
    {
        if (Parts.Length == 1 && Parts[0] is TemplatePart.Literal only)
        {
            return only.Text;
        }
        var text = new StringBuilder();
        foreach (var part in Parts)
        {
            text.Append(part is TemplatePart.Literal l ? l.Text : value(part));
        }
        return text.ToString();
    }

    /// <summary>A number as <c>{n:000}</c> writes it.</summary>
    public static string Padded(int number, int width) => number.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');

    private static TemplatePart.Literal Problem(List<string> problems, string problem)
    {
        problems.Add(problem);
        return new TemplatePart.Literal("");
    }
}
