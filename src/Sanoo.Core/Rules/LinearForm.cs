using System.Collections.Immutable;
using System.Numerics;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Rules;

/// <summary>
/// A linear expression compiled against one contest: integer coefficients on the protocol's
/// lines (in form order) and votes (in the contest's choice order), plus a constant.
/// Evaluation is a short sparse dot product with checked arithmetic.
/// </summary>
public sealed class LinearForm
{
    private readonly ImmutableArray<(int Index, long Coefficient)> _lines;
    private readonly ImmutableArray<(int Index, long Coefficient)> _votes;

    private LinearForm(ImmutableArray<(int, long)> lines, ImmutableArray<(int, long)> votes, long constant)
    {
        _lines = lines;
        _votes = votes;
        Constant = constant;
    }

    /// <summary>The words that mark a problem as belonging to one contest's choices rather than to the form.</summary>
    public const string NotAChoice = "is not a choice of the contest";

    /// <summary>The coefficients on the protocol's lines, by line index in form order.</summary>
    public IReadOnlyList<(int Index, long Coefficient)> LineTerms => _lines;

    /// <summary>The coefficients on the votes, by choice index in ballot order.</summary>
    public IReadOnlyList<(int Index, long Coefficient)> VoteTerms => _votes;

    /// <summary>The constant term; 0 for every expression the loader accepts in a relation.</summary>
    public long Constant { get; }

    /// <summary>
    /// Compiles <paramref name="terms"/> for a contest whose protocol has the given lines and
    /// choices. Problems name each unknown line or choice.
    /// </summary>
    public static LinearForm Compile(
        ImmutableArray<Term> terms,
        IReadOnlyDictionary<LineId, int> lineIndex,
        IReadOnlyDictionary<ChoiceId, int> choiceIndex,
        ICollection<string> problems)
    {
        var lines = new SortedDictionary<int, long>();
        var votes = new SortedDictionary<int, long>();
        var constant = 0L;
        foreach (var term in terms)
        {
            switch (term.Operand)
            {
                case Operand.Line line when lineIndex.TryGetValue(line.Id, out var index):
                    Add(lines, index, term.Coefficient);
                    break;
                case Operand.Line line:
                    problems.Add($"names the line '{line.Id}', which is not on the form");
                    break;
                case Operand.AllVotes:
                    foreach (var index in choiceIndex.Values)
                    {
                        Add(votes, index, term.Coefficient);
                    }
                    break;
                case Operand.ChoiceVotes choice when choiceIndex.TryGetValue(choice.Choice, out var index):
                    Add(votes, index, term.Coefficient);
                    break;
                case Operand.ChoiceVotes choice:
                    problems.Add($"names votes({choice.Choice}), but '{choice.Choice}' {NotAChoice}");
                    break;
                case Operand.One:
                    constant += term.Coefficient;
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(terms), term.Operand, "unknown operand");
            }
        }
        return new LinearForm(Pack(lines), Pack(votes), constant);
    }

    /// <summary>The subtraction of two forms, <c>left − right</c>, so a relation can be tested as one number against 0.</summary>
    public static LinearForm Difference(LinearForm left, LinearForm right)
    {
        var lines = new SortedDictionary<int, long>();
        var votes = new SortedDictionary<int, long>();
        foreach (var (i, c) in left._lines) { Add(lines, i, c); }
        foreach (var (i, c) in right._lines) { Add(lines, i, -c); }
        foreach (var (i, c) in left._votes) { Add(votes, i, c); }
        foreach (var (i, c) in right._votes) { Add(votes, i, -c); }
        return new LinearForm(Pack(lines), Pack(votes), left.Constant - right.Constant);
    }

    /// <summary>The value for one protocol's or one area's figures.</summary>
    public long Evaluate<T>(ReadOnlySpan<T> lines, ReadOnlySpan<T> votes)
        where T : IBinaryInteger<T>
    {
        var sum = Constant;
        foreach (var (index, coefficient) in _lines)
        {
            sum += coefficient * long.CreateChecked(lines[index]);
        }
        foreach (var (index, coefficient) in _votes)
        {
            sum += coefficient * long.CreateChecked(votes[index]);
        }
        return sum;
    }

    private static void Add(SortedDictionary<int, long> into, int index, long coefficient) =>
        into[index] = into.GetValueOrDefault(index) + coefficient;

    private static ImmutableArray<(int, long)> Pack(SortedDictionary<int, long> terms) =>
        [.. terms.Where(t => t.Value != 0).Select(t => (t.Key, t.Value))];
}
