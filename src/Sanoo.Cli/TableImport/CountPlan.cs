using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Sanoo.Cli.TableImport;

/// <summary>
/// One count's mapping bound to the tables: each line of its contest's form as terms over columns, and its votes in the contest's
/// choice order, from columns of the row or from long tables read beforehand.
/// </summary>
internal sealed class CountPlan
{
    private readonly CountMap _count;
    private readonly ImmutableArray<(LineTerm Term, ColumnRef? Column)[]> _lines;
    private readonly ImmutableArray<ColumnRef> _voteColumns;
    private readonly ImmutableArray<Dictionary<string, int[]>> _longVotes;
    private readonly ColumnRef? _stationKey;
    private readonly int _choices;

    private CountPlan(
        CountMap count, ImmutableArray<(LineTerm, ColumnRef?)[]> lines, ImmutableArray<ColumnRef> voteColumns,
        ImmutableArray<Dictionary<string, int[]>> longVotes, ColumnRef? stationKey, int choices)
    {
        _count = count;
        _lines = lines;
        _voteColumns = voteColumns;
        _longVotes = longVotes;
        _stationKey = stationKey;
        _choices = choices;
    }

    /// <summary>Binds <paramref name="count"/>; choices made from a run of header cells are added to <paramref name="madeChoices"/>.</summary>
    public static CountPlan Of(CountMap count, TableMap map, TableFile main, Columns columns, string folder, List<JsonObject> madeChoices)
    {
        var contest = (map.Election["contests"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(c => (string?)c["id"] == count.Contest)
            ?? throw new FormatException($"{count.Path}.contest: $.election.contests has no contest \"{count.Contest}\"");
        var choices = (contest["choices"] as JsonArray ?? []).Select(c => (string?)c ?? "").ToList();
        var formId = (string?)contest["form"];
        var form = (map.Election["forms"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(f => (string?)f["id"] == formId)
            ?? throw new FormatException($"{count.Path}.contest: the contest's form \"{formId}\" is not in $.election.forms");
        var lineIds = (form["lines"] as JsonArray ?? []).OfType<JsonObject>().Select(l => (string?)l["id"] ?? "").ToList();
        if (lineIds.FirstOrDefault(l => !count.Lines.Any(c => c.Line == l)) is { } missing)
        {
            throw new FormatException($"{count.Path}.lines: no expression for the line \"{missing}\" of the form \"{formId}\" "
                + $"(its lines: {string.Join(", ", lineIds)})");
        }
        if (count.Lines.FirstOrDefault(c => !lineIds.Contains(c.Line)) is { Expression: not null } extra)
        {
            throw new FormatException(
                $"{extra.Expression.Path}: the form \"{formId}\" has no line \"{extra.Line}\" (its lines: {string.Join(", ", lineIds)})");
        }
        var lines = lineIds
            .Select(l => count.Lines.First(c => c.Line == l).Expression)
            .Select(e => e.Terms.Select(t => (t, t is LineTerm.Column c ? columns.Find(c.Name, e.Path) : (ColumnRef?)null)).ToArray())
            .ToImmutableArray();
        var path = count.Path + ".votes";
        switch (count.Votes)
        {
            case VotesMap.Wide wide:
                Same(choices, wide.Columns.Select(c => c.Choice), path + ".columns");
                var byChoice = choices.Select(c => columns.Find(wide.Columns.First(w => w.Choice == c).Column, $"{path}.columns.{c}"));
                return new CountPlan(count, lines, [.. byChoice], [], null, choices.Count);
            case VotesMap.WideRun run:
                var (first, last) = (main.Column(run.First, path + ".columnRun.first"), main.Column(run.Last, path + ".columnRun.last"));
                var made = Enumerable.Range(first, Math.Max(0, last - first + 1)).Select(i => (Id: run.ChoiceId.Fill(p => p switch
                {
                    TemplatePart.Number n => Template.Padded(i - first + 1, n.Width),
                    _ => throw new FormatException($"{run.ChoiceId.Path}: only {{n}} may be filled in a choice id"),
                }), Column: i)).ToList();
                Same(choices, made.Select(m => m.Id), path + ".columnRun");
                foreach (var (id, column) in made.Where(m => !madeChoices.Any(c => (string?)c["id"] == m.Id)))
                {
                    var header = main.Header[column];
                    var name = (run.RemoveFromName?.Replace(header, "") ?? header).Trim();
                    var names = new JsonObject();
                    foreach (var language in run.NameLanguages)
                    {
                        names[language] = name;
                    }
                    madeChoices.Add(
                        new JsonObject { ["id"] = id, ["kind"] = run.Kind, ["ballotNumber"] = column - first + 1, ["name"] = names });
                }
                var inRun = choices.Select(c => made.First(m => m.Id == c).Column).Select(i => new ColumnRef(0, i, main.Header[i]));
                return new CountPlan(count, lines, [.. inRun], [], null, choices.Count);
            case VotesMap.Long @long:
                var key = columns.Find(map.StationKey!, "$.table.stationKey");
                return new CountPlan(count, lines, [], [.. @long.Tables.Select(t => LongVotes(t, folder, choices))], key, choices.Count);
            default:
                throw new InvalidOperationException();
        }
    }

    /// <summary>The figures of the station in the row: its lines and votes, or null when the count has no protocol for it.</summary>
    public (int[] Lines, int[] Votes)? Figures(string[][] tables, int row, string file)
    {
        var votes = new int[_choices];
        if (_stationKey is { } key)
        {
            var found = false;
            var station = key.Text(tables);
            foreach (var table in _longVotes)
            {
                if (table.TryGetValue(station, out var v))
                {
                    found = true;
                    for (var i = 0; i < votes.Length; i++)
                    {
                        votes[i] += v[i];
                    }
                }
            }
            if (!found && _count.OnlyStationsWithVotes)
            {
                return null;
            }
        }
        else
        {
            for (var i = 0; i < votes.Length; i++)
            {
                votes[i] = TableImporter.Figure(_voteColumns[i].Text(tables), file, row, _voteColumns[i].Column);
            }
        }
        var lines = new int[_lines.Length];
        for (var l = 0; l < lines.Length; l++)
        {
            var value = 0;
            foreach (var (term, column) in _lines[l])
            {
                var figure = term switch
                {
                    LineTerm.Constant c => c.Value,
                    LineTerm.AllVotes => votes.Sum(),
                    _ => TableImporter.Figure(column!.Value.Text(tables), file, row, column.Value.Column),
                };
                value += term.Negative ? -figure : figure;
            }
            lines[l] = value >= 0
                ? value
                : throw new FormatException($"{file}, row {row}: {_count.Lines[l].Expression.Path} gives {value}, below 0");
        }
        return (lines, votes);
    }

    private static void Same(List<string> contest, IEnumerable<string> given, string path)
    {
        var list = given.ToList();
        if (contest.FirstOrDefault(c => !list.Contains(c)) is { } missing)
        {
            throw new FormatException($"{path}: no votes for the contest's choice \"{missing}\"");
        }
        if (list.FirstOrDefault(c => !contest.Contains(c)) is { } extra)
        {
            throw new FormatException($"{path}: \"{extra}\" is not a choice of the contest (its choices: {string.Join(", ", contest)})");
        }
    }

    private static Dictionary<string, int[]> LongVotes(LongTable map, string folder, List<string> choices)
    {
        foreach (var (given, choice) in map.Choices.Where(c => !choices.Contains(c.Value)))
        {
            throw new FormatException(
                $"{map.Path}.choiceCodes.{given}: \"{choice}\" is not a choice of the contest (its choices: {string.Join(", ", choices)})");
        }
        var index = map.Choices.ToDictionary(c => c.Key, c => choices.IndexOf(c.Value), StringComparer.Ordinal);
        using var table = TableFile.Open(Path.Combine(folder, map.File), map.File, map.Format);
        var (station, code, count) = (table.Column(map.StationColumn, map.Path + ".stationColumn"),
            table.Column(map.CodeColumn, map.Path + ".choiceCodeColumn"), table.Column(map.VotesColumn, map.Path + ".votesColumn"));
        var votes = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (row, cells) in table.Rows())
        {
            if (!index.TryGetValue(cells[code], out var choice))
            {
                if (map.IgnoreOtherCodes)
                {
                    continue;
                }
                throw new FormatException($"{map.File}, row {row}: the choice code \"{cells[code]}\" is not in {map.Path}.choiceCodes "
                    + "(set otherCodes to \"ignore\" to leave such rows out)");
            }
            if (!votes.TryGetValue(cells[station], out var row_))
            {
                row_ = votes[cells[station]] = new int[choices.Count];
            }
            row_[choice] += TableImporter.Figure(cells[count], map.File, row, map.VotesColumn);
        }
        return votes;
    }
}
