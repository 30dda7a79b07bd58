using System.Collections.Immutable;
using System.Globalization;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Rules;

/// <summary>
/// Parses the control-relation language (docs/definition-format.md):
/// <code>
/// relation := sum comparison sum          comparison := = | &lt;= | &gt;= | &lt; | &gt;
/// sum      := ["-"] product (("+" | "-") product)*
/// product  := integer ["*" atom] | atom
/// atom     := line | "votes(*)" | "votes(" choice ")"
/// </code>
/// Line names are letters, digits and '_'; choice ids may also hold '-' and '.'.
/// Parsing never throws: a malformed text gives a <see cref="SyntaxError"/> that says where.
/// </summary>
public sealed class RelationParser
{
    private readonly string _text;
    private int _position;

    private RelationParser(string text) => _text = text;

    /// <summary>Parses a relation such as <c>in_boxes &lt;= issued</c>.</summary>
    public static Parsed<ParsedRelation> ParseRelation(string text)
    {
        var parser = new RelationParser(text);
        try
        {
            var leftStart = parser.SkipSpace();
            var left = parser.ParseSum();
            var leftText = text[leftStart..parser._position].Trim();
            parser.SkipSpace();
            var comparison = parser.ParseComparison();
            var rightStart = parser.SkipSpace();
            var right = parser.ParseSum();
            var rightText = text[rightStart..parser._position].Trim();
            parser.ExpectEnd();
            return new Parsed<ParsedRelation>.Ok(new ParsedRelation(left, comparison, right, leftText, rightText));
        }
        catch (SyntaxException e)
        {
            return new Parsed<ParsedRelation>.Failed(e.Error);
        }
    }

    /// <summary>Parses a linear expression such as <c>valid + invalid</c>.</summary>
    public static Parsed<ImmutableArray<Term>> ParseExpression(string text)
    {
        var parser = new RelationParser(text);
        try
        {
            parser.SkipSpace();
            var terms = parser.ParseSum();
            parser.ExpectEnd();
            return new Parsed<ImmutableArray<Term>>.Ok(terms);
        }
        catch (SyntaxException e)
        {
            return new Parsed<ImmutableArray<Term>>.Failed(e.Error);
        }
    }

    private ImmutableArray<Term> ParseSum()
    {
        var terms = ImmutableArray.CreateBuilder<Term>();
        var sign = 1L;
        if (Peek() == '-')
        {
            _position++;
            SkipSpace();
            sign = -1;
        }
        terms.Add(ParseProduct(sign));
        while (true)
        {
            SkipSpace();
            var c = Peek();
            if (c is not ('+' or '-'))
            {
                return terms.ToImmutable();
            }
            _position++;
            SkipSpace();
            terms.Add(ParseProduct(c == '+' ? 1 : -1));
        }
    }

    private Term ParseProduct(long sign)
    {
        if (char.IsAsciiDigit(Peek()))
        {
            var number = ParseInteger();
            SkipSpace();
            if (Peek() != '*')
            {
                return new Term(sign * number, new Operand.One());
            }
            _position++;
            SkipSpace();
            return new Term(sign * number, ParseAtom());
        }
        return new Term(sign, ParseAtom());
    }

    private Operand ParseAtom()
    {
        var start = _position;
        var name = ReadWhile(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        if (name.Length == 0)
        {
            throw Fail(start, Peek() == '\0'
                ? "expected a line name or votes(…), found the end"
                : $"expected a line name or votes(…), found '{Peek()}'");
        }
        SkipSpace();
        if (name != "votes" || Peek() != '(')
        {
            return LineId.TryParse(name, out var line) ? new Operand.Line(line) : throw Fail(start, $"'{name}' is not a line id ({IdSyntax.Rule})");
        }
        _position++;
        SkipSpace();
        if (Peek() == '*')
        {
            _position++;
            SkipSpace();
            Expect(')');
            return new Operand.AllVotes();
        }
        var choiceStart = _position;
        var choice = ReadWhile(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');
        if (choice.Length == 0)
        {
            throw Fail(choiceStart, "expected '*' or a choice id inside votes(…)");
        }
        if (!ChoiceId.TryParse(choice, out var choiceId))
        {
            throw Fail(choiceStart, $"'{choice}' is not a choice id ({IdSyntax.Rule})");
        }
        SkipSpace();
        Expect(')');
        return new Operand.ChoiceVotes(choiceId);
    }

    private long ParseInteger()
    {
        var start = _position;
        var digits = ReadWhile(char.IsAsciiDigit);
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= int.MaxValue
            ? value
            : throw Fail(start, $"the number {digits} is too large");
    }

    private Comparison ParseComparison()
    {
        var start = _position;
        var c = Peek();
        var next = _position + 1 < _text.Length ? _text[_position + 1] : '\0';
        (Comparison comparison, int length) = (c, next) switch
        {
            ('<', '=') => (Comparison.AtMost, 2),
            ('>', '=') => (Comparison.AtLeast, 2),
            ('=', '=') => (Comparison.Equal, 2),
            ('<', _) => (Comparison.Less, 1),
            ('>', _) => (Comparison.Greater, 1),
            ('=', _) => (Comparison.Equal, 1),
            _ => throw Fail(start, c == '\0'
                ? "expected a comparison (=, <=, >=, <, >), found the end"
                : $"expected a comparison (=, <=, >=, <, >), found '{c}'"),
        };
        _position += length;
        return comparison;
    }

    private void Expect(char expected)
    {
        if (Peek() != expected)
        {
            throw Fail(_position, Peek() == '\0' ? $"expected '{expected}', found the end" : $"expected '{expected}', found '{Peek()}'");
        }
        _position++;
    }

    private void ExpectEnd()
    {
        SkipSpace();
        if (_position < _text.Length)
        {
            throw Fail(_position, $"unexpected '{_text[_position]}'");
        }
    }

    private string ReadWhile(Func<char, bool> accept)
    {
        var start = _position;
        while (_position < _text.Length && accept(_text[_position]))
        {
            _position++;
        }
        return _text[start.._position];
    }

    private int SkipSpace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
        return _position;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private static SyntaxException Fail(int position, string message) => new(new SyntaxError(position, message));

    /// <summary>Carries a syntax error out of the recursive descent; never escapes the parser.</summary>
    private sealed class SyntaxException(SyntaxError error) : Exception(error.Message)
    {
        public SyntaxError Error { get; } = error;
    }
}
