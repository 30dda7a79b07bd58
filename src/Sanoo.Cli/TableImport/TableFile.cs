using nietras.SeparatedValues;
using Sanoo.Cli.Input;

namespace Sanoo.Cli.TableImport;

/// <summary>
/// One table file open for reading through Sep (RFC 4180: quoted fields may hold the separator, doubled quotes and line breaks):
/// its header row, then its rows one at a time, each with its row number (the header is row 1). Blank lines are passed over.
/// </summary>
internal sealed class TableFile : IDisposable
{
    private readonly TextReader _text;
    private readonly SepReader _reader;

    private TableFile(string name, TextReader text, SepReader reader, string[] header)
    {
        Name = name;
        _text = text;
        _reader = reader;
        Header = header;
    }

    /// <summary>The file's name as messages give it.</summary>
    public string Name { get; }

    /// <summary>The header row's cells.</summary>
    public string[] Header { get; }

    /// <summary>Opens <paramref name="path"/>, shown as <paramref name="name"/>, and reads its header row.</summary>
    public static TableFile Open(string path, string name, TableFormat format)
    {
        var text = TextFiles.Open(path, format.Encoding, format.ZipEntry);
        try
        {
            var reader = Sep.New(format.Separator).Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true })
                .From(text);
            var header = reader.MoveNext() ? Cells(reader.Current) : throw new FormatException($"{name} is empty: expected a header row");
            return new TableFile(name, text, reader, header);
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    /// <summary>The position of the column named <paramref name="column"/>; an error naming the mapping's field and the columns there are.
    /// </summary>
    public int Column(string column, string mappingPath)
    {
        var index = Array.IndexOf(Header, column);
        return index >= 0 ? index : throw new FormatException($"{mappingPath}: {Name} has no column \"{column}\" (it has: {Columns()})");
    }

    /// <summary>The header's columns, quoted, for messages.</summary>
    public string Columns() => string.Join(", ", Header.Select(h => $"\"{h}\""));

    /// <summary>The rows after the header, each with its number; a row with fewer cells than the header is an error.</summary>
    public IEnumerable<(int Row, string[] Cells)> Rows()
    {
        var row = 1;
        while (_reader.MoveNext())
        {
            row++;
            var cells = Cells(_reader.Current);
            if (cells.Length == 1 && cells[0].Length == 0)
            {
                continue;
            }
            if (cells.Length < Header.Length)
            {
                throw new FormatException($"{Name}, row {row}: {cells.Length} cells, but the header has {Header.Length} columns");
            }
            yield return (row, cells);
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _text.Dispose();
    }

    private static string[] Cells(SepReader.Row row)
    {
        var cells = new string[row.ColCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = row[i].ToString();
        }
        return cells;
    }
}
