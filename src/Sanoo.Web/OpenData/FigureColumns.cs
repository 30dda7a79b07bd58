using Sanoo.Core.Definitions;

namespace Sanoo.Web.OpenData;

/// <summary>
/// The figure columns every open-data CSV of protocols shares: each line id of every form, then
/// <c>votes:CHOICE</c> for each choice of the election, so one file holds every contest (a cell
/// is empty where a contest has no such line or choice).
/// </summary>
public sealed class FigureColumns(Election election)
{
    private readonly List<LineId> _lines = [.. election.Contests.SelectMany(c => c.Form.Lines.Select(l => l.Id)).Distinct()];
    private readonly List<ChoiceId> _choices = [.. election.Contests.SelectMany(c => c.Choices.Select(ch => ch.Id)).Distinct()];

    /// <summary>The columns' names.</summary>
    public IEnumerable<object?> Header => _lines.Select(l => (object?)l.Value).Concat(_choices.Select(c => (object?)("votes:" + c.Value)));

    /// <summary>
    /// Writes the cells of one contest's figures: <paramref name="line"/> and <paramref name="vote"/> give a value by index in the form
    /// and the ballot (null: an empty cell).
    /// </summary>
    public void Write<TState>(Csv csv, ContestPlan plan, TState state, Func<TState, int, long?> line, Func<TState, int, long?> vote)
    {
        foreach (var l in _lines)
        {
            csv.Field(plan.LineIndex.TryGetValue(l, out var i) ? line(state, i) : null);
        }
        foreach (var c in _choices)
        {
            csv.Field(plan.ChoiceIndex.TryGetValue(c, out var i) ? vote(state, i) : null);
        }
    }
}
