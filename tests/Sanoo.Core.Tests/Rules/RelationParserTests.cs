using Sanoo.Core.Definitions;
using Sanoo.Core.Rules;

namespace Sanoo.Core.Tests.Rules;

public class RelationParserTests
{
    [Fact]
    public void Parses_a_sum_compared_with_a_line()
    {
        var parsed = Assert.IsType<Parsed<ParsedRelation>.Ok>(RelationParser.ParseRelation("in_mobile + in_stationary = valid + invalid")).Value;
        Assert.Equal(Comparison.Equal, parsed.Comparison);
        Assert.Equal(["in_mobile", "in_stationary"], parsed.Left.Select(t => ((Operand.Line)t.Operand).Id.Value));
        Assert.Equal("in_mobile + in_stationary", parsed.LeftText);
        Assert.Equal("valid + invalid", parsed.RightText);
    }

    [Theory]
    [InlineData("a <= b", Comparison.AtMost)]
    [InlineData("a >= b", Comparison.AtLeast)]
    [InlineData("a < b", Comparison.Less)]
    [InlineData("a > b", Comparison.Greater)]
    [InlineData("a == b", Comparison.Equal)]
    public void Reads_every_comparison(string text, Comparison expected) =>
        Assert.Equal(expected, Assert.IsType<Parsed<ParsedRelation>.Ok>(RelationParser.ParseRelation(text)).Value.Comparison);

    [Fact]
    public void Reads_votes_of_all_choices_and_of_one_choice_with_coefficients_and_minus()
    {
        var parsed = Assert.IsType<Parsed<ParsedRelation>.Ok>(RelationParser.ParseRelation("votes(*) - 2 * votes(against-all) >= -votes(p.1)")).Value;
        Assert.Equal(new Term(1, new Operand.AllVotes()), parsed.Left[0]);
        Assert.Equal(new Term(-2, new Operand.ChoiceVotes(new ChoiceId("against-all"))), parsed.Left[1]);
        Assert.Equal(new Term(-1, new Operand.ChoiceVotes(new ChoiceId("p.1"))), parsed.Right[0]);
    }

    [Theory]
    [InlineData("valid = ", 8, "expected a line name or votes(…), found the end")]
    [InlineData("valid votes(*)", 6, "expected a comparison")]
    [InlineData("valid = votes(", 14, "expected '*' or a choice id")]
    [InlineData("valid = votes(*", 15, "expected ')', found the end")]
    [InlineData("valid = invalid )", 16, "unexpected ')'")]
    [InlineData("valid = 99999999999 * x", 8, "too large")]
    [InlineData("valid != invalid", 6, "expected a comparison")]
    public void Reports_a_syntax_error_with_its_position(string text, int position, string message)
    {
        var error = Assert.IsType<Parsed<ParsedRelation>.Failed>(RelationParser.ParseRelation(text)).Error;
        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
