using System.Text;

namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// A published CSV read back into its records (RFC 4180, as <see cref="Web.OpenData.Csv"/> writes it: quoted fields may hold commas,
/// quotes and line breaks) and held to the CSV the verifier writes with the site's own writer, record by record: the first record
/// that differs is named by its first fields and the column that differs.
/// </summary>
internal static class CsvRecords
{
    /// <summary>The records of <paramref name="text"/>, each a list of fields; only the first <paramref name="most"/> when given.</summary>
    public static List<string[]> Read(string text, int most = int.MaxValue)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                if (records.Count == most)
                {
                    return records;
                }
            }
            else
            {
                field.Append(c);
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }
        return records;
    }

    /// <summary>
    /// Holds <paramref name="published"/> to <paramref name="expected"/> record by record; the first record that differs is told to
    /// <paramref name="problems"/> as <paramref name="path"/>'s, named by the first <paramref name="key"/> fields.
    /// </summary>
    public static void Compare(string path, string published, string expected, int key, FigureProblems problems)
    {
        var got = Read(published);
        var want = Read(expected);
        var header = want.Count > 0 ? want[0] : [];
        for (var i = 0; i < Math.Max(got.Count, want.Count); i++)
        {
            if (i >= got.Count)
            {
                problems.Add($"{path}: ends at row {i:N0}, but the verified protocols give more rows, the next being: {string.Join(',', want[i])}");
                return;
            }
            if (i >= want.Count)
            {
                problems.Add($"{path}: row {i + 1:N0} is one more than the verified protocols give: {string.Join(',', got[i])}");
                return;
            }
            var (g, w) = (got[i], want[i]);
            if (g.AsSpan().SequenceEqual(w))
            {
                continue;
            }
            var row = i == 0 ? "the header" : $"the row of {string.Join(' ', w.Take(key))}";
            var column = Enumerable.Range(0, Math.Min(g.Length, w.Length)).FirstOrDefault(c => g[c] != w[c], -1);
            if (g.Length != w.Length || column < 0)
            {
                problems.Add($"{path}: {row} is published as {string.Join(',', g)}, but the verified protocols give {string.Join(',', w)}");
            }
            else
            {
                problems.Differs($"{path}: {row}", column < header.Length ? header[column] : $"column {column + 1}", g[column], w[column]);
            }
            return;
        }
    }
}
