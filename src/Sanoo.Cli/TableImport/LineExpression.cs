using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Sanoo.Cli.TableImport;

/// <summary>One term of a <see cref="LineExpression"/>, added or taken away.</summary>
public abstract record LineTerm(bool Negative)
{
    /// <summary>A column's count.</summary>
    public sealed record Column(string Name, bool Negative) : LineTerm(Negative);

    /// <summary>A whole number as written (<c>0</c> for a line the table does not have).</summary>
    public sealed record Constant(int Value, bool Negative) : LineTerm(Negative);

    /// <summary><c>votes(*)</c>: the sum of the count's votes, for a table that states no total.</summary>
    public sealed record AllVotes(bool Negative) : LineTerm(Negative);
}

/// <summary>
/// How a protocol line is made from a row: a column's name, or columns, whole numbers and <c>votes(*)</c> added and taken away with
/// " + " and " - " (spaces around the sign, so column names may hold spaces and hyphens): <c>valid_paper + valid_machine</c>.
/// </summary>
/// <param name="Text">As written in the mapping.</param>
/// <param name="Terms">Its terms in order.</param>
/// <param name="Path">Where in the mapping it is.</param>
public sealed partial record LineExpression(string Text, ImmutableArray<LineTerm> Terms, string Path)
{
    /// <summary>Reads <paramref name="text"/>.</summary>
    public static LineExpression Parse(string text, string path)
    {
        var pieces = Sign().Split(" " + text.Trim());
        var terms = ImmutableArray.CreateBuilder<LineTerm>();
        var negative = false;
        foreach (var piece in pieces.Where(p => p.Length > 0))
        {
            if (piece is "+" or "-")
            {
                negative = piece == "-";
                continue;
            }
            var term = piece.Trim();
            terms.Add(term == "votes(*)" ? new LineTerm.AllVotes(negative)
                : int.TryParse(term, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? new LineTerm.Constant(value, negative)
                : new LineTerm.Column(term, negative));
            negative = false;
        }
        return new LineExpression(text, terms.ToImmutable(), path);
    }

    /// <summary>The columns it names.</summary>
    public IEnumerable<string> Columns => Terms.OfType<LineTerm.Column>().Select(c => c.Name);

    [GeneratedRegex(@"\s+([+-])\s+")]
    private static partial Regex Sign();
}
