using System.Collections.Immutable;
using System.Globalization;
using nietras.SeparatedValues;

namespace Sanoo.Cli.Input;

/// <summary>One row of a votes file: a choice's name as written (quotes undone, outer spaces trimmed) and its votes.</summary>
/// <param name="Name">The choice's name; never empty.</param>
/// <param name="Votes">Its votes; whole and non-negative.</param>
/// <param name="Line">The line it starts on, from 1, for messages.</param>
public sealed record VoteRow(string Name, long Votes, int Line);

/// <summary>What reading a votes file gives: every row, or the first reason it cannot be read, worded for the person who wrote it.</summary>
public abstract record VotesCsvResult
{
    private VotesCsvResult()
    {
    }

    /// <summary>The file's rows in file order, and the separator its fields use.</summary>
    public sealed record Read(ImmutableArray<VoteRow> Rows, char Separator) : VotesCsvResult;

    /// <summary>The file cannot be read as a votes file; <paramref name="Message"/> names the line and what was expected.</summary>
    public sealed record Refused(string Message) : VotesCsvResult;
}

/// <summary>
/// Reads the votes file of <c>sanoo seats</c>: RFC 4180 CSV through Sep (quotes, doubled quotes and separators inside quoted
/// names), with a header row that must name exactly the columns <c>party</c> and <c>votes</c> (any case, any order). Fields are
/// separated by <c>,</c>, <c>;</c> or a tab, told by the header row unless given. Votes may group thousands as a locale writes
/// them (<c>1 234 567</c>, <c>1,234,567</c>, <c>1.234.567</c>, <c>1'234'567</c>) when that cannot mean anything else: groups of
/// exactly three digits, one grouping character for the whole file; a vote count is whole, so no grouping character is ever
/// read as a decimal point.
/// </summary>
public static class VotesCsv
{
    /// <summary>The columns a votes file has, in the order its header usually names them.</summary>
    public static readonly ImmutableArray<string> Columns = ["party", "votes"];

    /// <summary>The field separators told apart by the header row.</summary>
    public static readonly ImmutableArray<char> Separators = [',', ';', '\t'];

    /// <summary>Characters a locale groups thousands with: space, no-break spaces, comma, full stop, apostrophes.</summary>
    private static readonly ImmutableArray<char> GroupCharacters = [' ', '\u00A0', '\u202F', ',', '.', '\'', '\u2019'];

    /// <summary>Reads <paramref name="path"/> (UTF-8), named <paramref name="name"/> in messages; <paramref name="separator"/> when given.</summary>
    public static VotesCsvResult Read(string path, string name, char? separator)
    {
        var text = File.ReadAllText(path);
        var header = text.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
        if (header is null)
        {
            return Refuse($"{name} is empty: expected a header row ({Expected(separator ?? ',')}) and a row per party.");
        }
        var sep = separator ?? Detect(header);
        if (sep is not { } s)
        {
            return Refuse($"{name}:1: cannot tell how fields are separated in the header \"{header}\": expected {Expected(',')}, "
                + $"{Expected(';')} or the same with a tab; or say which with --separator.");
        }
        using var reader = Sep.New(s).Reader(o => o with
        {
            HasHeader = false, Unescape = true, Trim = SepTrim.All, DisableColCountCheck = true,
        }).FromText(text);
        int[]? order = null;
        var rows = ImmutableArray.CreateBuilder<VoteRow>();
        var grouping = (Character: (char?)null, Line: 0);
        var next = 1;
        foreach (var row in reader)
        {
            // Sep 0.17.1 gives the first row's LineNumberFrom as its LineNumberToExcl: each row starts where the one before ended.
            var line = next;
            next = row.LineNumberToExcl;
            var fields = new string[row.ColCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = row[i].ToString();
            }
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            if (order is null)
            {
                (order, var refusal) = ReadHeader(fields, name, line, s);
                if (refusal is not null)
                {
                    return Refuse(refusal);
                }
                continue;
            }
            if (fields.Length != Columns.Length)
            {
                return Refuse($"{name}:{line}: {fields.Length} field(s), expected {Columns.Length} ({string.Join(", ", Columns)}), found "
                    + $"{Quoted(fields)}; a name holding '{Shown(s)}' must be in double quotes.");
            }
            var (party, votes) = (fields[order[0]], fields[order[1]]);
            if (party.Length == 0)
            {
                return Refuse($"{name}:{line}: the party has no name.");
            }
            if (!TryVotes(votes, out var count, out var group))
            {
                return Refuse($"{name}:{line}: expected a whole, non-negative number of votes for '{party}' "
                    + $"(e.g. 1234567, 1 234 567 or 1,234,567), found '{votes}'.");
            }
            if (group is { } g)
            {
                if (grouping.Character is { } other && other != g)
                {
                    return Refuse($"{name}:{line}: '{votes}' groups thousands with '{Shown(g)}' but line {grouping.Line} with "
                        + $"'{Shown(other)}': a file groups them one way, so this is ambiguous.");
                }
                grouping = (g, line);
            }
            if (rows.FirstOrDefault(r => r.Name == party) is { } twice)
            {
                return Refuse($"{name}:{line}: '{party}' appears twice (first on line {twice.Line}).");
            }
            rows.Add(new VoteRow(party, count, line));
        }
        return order is null || rows.Count == 0
            ? Refuse($"{name} has no party rows after its header.")
            : new VotesCsvResult.Read(rows.ToImmutable(), s);
    }

    /// <summary>The separator the header row uses: the one of <see cref="Separators"/> found most often outside quotes.</summary>
    public static char? Detect(string header)
    {
        var counts = Separators.ToDictionary(c => c, _ => 0);
        var quoted = false;
        foreach (var c in header)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && counts.TryGetValue(c, out var seen))
            {
                counts[c] = seen + 1;
            }
        }
        var best = counts.Where(c => c.Value > 0).OrderByDescending(c => c.Value).ToList();
        return best.Count == 0 || (best.Count > 1 && best[0].Value == best[1].Value) ? null : best[0].Key;
    }

    /// <summary>
    /// Reads a vote count: digits, or digits grouped in threes by one of <see cref="GroupCharacters"/> (the first group one to three
    /// digits); <paramref name="group"/> is the grouping character, null when there is none.
    /// </summary>
    public static bool TryVotes(string text, out long votes, out char? group)
    {
        votes = 0;
        group = null;
        var separators = text.Where(c => !char.IsAsciiDigit(c)).Distinct().ToList();
        if (separators.Count == 0)
        {
            return text.Length > 0 && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out votes);
        }
        if (separators.Count > 1 || !GroupCharacters.Contains(separators[0]))
        {
            return false;
        }
        var parts = text.Split(separators[0]);
        if (parts[0].Length is < 1 or > 3 || parts.Skip(1).Any(p => p.Length != 3))
        {
            return false;
        }
        group = separators[0];
        return long.TryParse(string.Concat(parts), NumberStyles.None, CultureInfo.InvariantCulture, out votes);
    }

    /// <summary>Where the header puts each of <see cref="Columns"/>, or why it is not the header of a votes file.</summary>
    private static (int[]? Order, string? Refusal) ReadHeader(string[] fields, string name, int line, char separator)
    {
        var found = fields.Select(f => f.ToLowerInvariant()).ToArray();
        var unknown = fields.Where(f => !Columns.Contains(f.ToLowerInvariant())).ToList();
        var order = Columns.Select(c => Array.IndexOf(found, c)).ToArray();
        if (unknown.Count == 0 && order.All(i => i >= 0) && fields.Length == Columns.Length)
        {
            return (order, null);
        }
        var why = unknown.Count > 0 && order.All(i => i >= 0)
            ? $"unknown column(s) {Quoted([.. unknown])}: a votes file has only the columns {string.Join(" and ", Columns)}"
            : order.Any(i => i < 0) && fields.Skip(1).Any(f => TryVotes(f, out _, out _))
                ? "the first row looks like data: the file needs a header row naming its columns"
                : "a header row names the columns";
        return (null,
            $"{name}:{line}: expected the header {Expected(separator)} (columns: {string.Join(", ", Columns)}), found {Quoted(fields)}; {why}.");
    }

    private static string Expected(char separator) => $"\"{string.Join(separator == '\t' ? "<tab>" : separator.ToString(), Columns)}\"";

    private static string Quoted(string[] fields) => string.Join(", ", fields.Select(f => $"'{f}'"));

    private static string Shown(char c) => c switch
    {
        '\t' => "<tab>",
        ' ' => "<space>",
        '\u00A0' or '\u202F' => "<no-break space>",
        _ => c.ToString(),
    };

    private static VotesCsvResult.Refused Refuse(string message) => new(message);
}
