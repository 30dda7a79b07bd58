using System.Collections.Immutable;

namespace Sanoo.Cli.TableImport;

/// <summary>A column found: its table (0 the main one, then the joined tables, then the extracted columns) and position.</summary>
/// <param name="Table">The table's position.</param>
/// <param name="Index">The column's position in it.</param>
/// <param name="Column">The column's name, for messages.</param>
internal readonly record struct ColumnRef(int Table, int Index, string Column)
{
    /// <summary>The row's text in this column.</summary>
    public string Text(string[][] tables) => tables[Table][Index];
}

/// <summary>
/// Every column a mapping may name in a row: the main table's by name, a joined table's by name where the main table has none of that
/// name and always as <c>table.column</c>, and the extracted columns.
/// </summary>
internal sealed class Columns
{
    private readonly Dictionary<string, ColumnRef> _byName = new(StringComparer.Ordinal);
    private readonly string _described;

    public Columns(TableFile main, TableMap map, IReadOnlyList<TableImporter.JoinedRows> joined)
    {
        for (var i = 0; i < main.Header.Length; i++)
        {
            _byName.TryAdd(main.Header[i], new ColumnRef(0, i, main.Header[i]));
        }
        for (var j = 0; j < joined.Count; j++)
        {
            for (var i = 0; i < joined[j].Header.Length; i++)
            {
                var column = joined[j].Header[i];
                _byName.TryAdd($"{map.Joins[j].Name}.{column}", new ColumnRef(j + 1, i, column));
                _byName.TryAdd(column, new ColumnRef(j + 1, i, column));
            }
        }
        for (var k = 0; k < map.Extracted.Length; k++)
        {
            _byName.TryAdd(map.Extracted[k].Name, new ColumnRef(joined.Count + 1, k, map.Extracted[k].Name));
        }
        _described = $"{main.Name} has {main.Columns()}" + string.Concat(joined.Select(j =>
            $"; {j.Name} has {string.Join(", ", j.Header.Select(h => $"\"{h}\""))}"));
    }

    /// <summary>The column called <paramref name="name"/>, found only among the first <paramref name="tables"/> tables if given; otherwise
    /// an error naming the mapping's field <paramref name="path"/> and the columns there are.</summary>
    public ColumnRef Find(string name, string path, int tables = int.MaxValue) =>
        _byName.TryGetValue(name, out var column) && column.Table < tables
            ? column
            : throw new FormatException($"{path}: no column \"{name}\" ({_described})");

    /// <summary>The template with each column it names found.</summary>
    public Template Bind(Template template) => template with
    {
        Parts = [.. template.Parts.Select(p => p is TemplatePart.Column c ? Bound(Find(c.Name, template.Path)) : p)],
    };

    private static TemplatePart.BoundColumn Bound(ColumnRef column) => new(column.Table, column.Index);

    /// <summary>Every column name known, for tests and messages.</summary>
    public ImmutableArray<string> Names => [.. _byName.Keys];
}
