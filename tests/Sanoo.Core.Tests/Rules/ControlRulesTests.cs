using System.Collections.Immutable;
using Sanoo.Core.Definitions;
using Sanoo.Core.Rules;
using Sanoo.Testing;

namespace Sanoo.Core.Tests.Rules;

public class ControlRulesTests
{
    private static readonly ChoiceId[] Choices = [new("a"), new("b"), new("against-all")];

    private static ControlRules Compile(ProtocolForm form)
    {
        var problems = new List<(string, string)>();
        var rules = ControlRules.Compile(form, Choices, problems);
        Assert.Empty(problems);
        return rules!;
    }

    [Fact]
    public void A_consistent_protocol_breaks_no_relation()
    {
        var rules = Compile(TestForms.Form);
        // registered, additional, received, issued, cancelled, in_boxes, valid, invalid
        int[] lines = [1000, 0, 600, 520, 80, 520, 500, 20];
        int[] votes = [300, 150, 50];
        Assert.Empty(rules.Check<int>(lines, votes));
    }

    [Fact]
    public void Votes_over_valid_ballots_is_an_error_naming_the_relation_and_both_sides()
    {
        var rules = Compile(TestForms.Form);
        int[] lines = [1000, 0, 600, 520, 80, 520, 500, 20];
        int[] votes = [400, 150, 50];
        var violation = Assert.Single(rules.Check<int>(lines, votes));
        Assert.Equal("valid_equals_votes", violation.Relation.Value);
        Assert.Equal(Severity.Error, violation.Severity);
        Assert.Equal(500, violation.Left);
        Assert.Equal(600, violation.Right);
        Assert.Equal("error valid_equals_votes (valid = votes(*)): valid is 500, votes(*) is 600", violation.Describe());
    }

    [Fact]
    public void Every_broken_relation_is_reported_not_just_the_first()
    {
        var rules = Compile(TestForms.Form);
        int[] lines = [100, 0, 600, 520, 70, 530, 500, 20];
        int[] votes = [400, 150, 50];
        var names = rules.Check<int>(lines, votes).Select(v => v.Relation.Value).ToList();
        Assert.Equal(["ballots_balance", "boxes_balance", "valid_equals_votes", "issued_within_lists", "found_within_issued"], names);
    }

    [Fact]
    public void A_warning_level_relation_is_reported_as_a_warning()
    {
        var rules = Compile(TestForms.Form);
        int[] lines = [1000, 0, 600, 520, 80, 520, 200, 320];
        int[] votes = [100, 50, 50];
        var violation = Assert.Single(rules.Check<int>(lines, votes));
        Assert.Equal(Severity.Warning, violation.Severity);
        Assert.Equal("invalid_below_valid", violation.Relation.Value);
    }

    [Theory]
    [InlineData("valid = votes(*) + turnout", "names the line 'turnout', which is not on the form")]
    [InlineData("valid = votes(zzz)", "'zzz' is not a choice of the contest")]
    [InlineData("valid <= registered + 5", "has a constant term")]
    [InlineData("valid = = votes(*)", "is malformed at character 9")]
    public void A_relation_that_cannot_apply_is_a_definition_problem(string rule, string message)
    {
        var form = TestForms.Form with { Relations = [new RelationSpec(new RelationId("r"), rule, Severity.Error, null)] };
        var problems = new List<(string Where, string Message)>();
        Assert.Null(ControlRules.Compile(form, Choices, problems));
        var problem = Assert.Single(problems);
        Assert.Equal("relations[0].rule", problem.Where);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Participation_is_evaluated_on_the_lines()
    {
        var rules = Compile(TestForms.Form);
        long[] lines = [1000, 0, 600, 520, 80, 520, 500, 20];
        Assert.Equal(520, rules.Participation.Evaluate<long>(lines, ImmutableArray.Create(300L, 150, 50).AsSpan()));
    }
}
