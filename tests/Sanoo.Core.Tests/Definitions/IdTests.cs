using System.Text;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Testing;

namespace Sanoo.Core.Tests.Definitions;

/// <summary>Ids check themselves: one rule (<see cref="IdSyntax"/>), one length limit, on construction.</summary>
public class IdTests
{
    public static TheoryData<string> Bad => new() { "", " s1", "s 1", "-s1", "станция", "s1\"", new string('s', IdSyntax.MaxLength + 1) };

    [Theory]
    [MemberData(nameof(Bad))]
    public void An_id_made_from_a_bad_string_throws_and_TryParse_reports_it(string text)
    {
        Assert.Throws<ArgumentException>(() => new AreaId(text));
        Assert.Throws<ArgumentException>(() => new ChoiceId(text));
        Assert.False(AreaId.TryParse(text, out var id));
        Assert.Equal(default, id);
        Assert.False(SourceId.TryParse(text, out _));
    }

    [Theory]
    [InlineData("s0001")]
    [InlineData("kg-2021")]
    [InlineData("a.b_c-9")]
    public void A_well_formed_id_is_made_and_parsed_alike(string text)
    {
        Assert.True(ContestId.TryParse(text, out var parsed));
        Assert.Equal(new ContestId(text), parsed);
        Assert.Equal(text, parsed.ToString());
    }

    [Fact]
    public void The_longest_id_is_the_rules_limit() =>
        Assert.True(LineId.TryParse(new string('l', IdSyntax.MaxLength), out _));

    [Fact]
    public void Null_is_no_id() => Assert.False(ElectionId.TryParse(null, out _));

    [Fact]
    public void A_protocol_naming_a_malformed_station_gets_the_same_answer_as_one_naming_an_unknown_station()
    {
        var election = DefinitionJson.LoadSmall();
        var json = """
            {"election": "tiny-2025", "station": "no such station", "contest": "list", "source": "hand", "version": 1,
             "lines": {"registered": 1000, "additional": 0, "issued": 420, "in_boxes": 418, "valid": 400, "invalid": 18},
             "votes": {"red": 250, "blue": 130, "against-all": 20}}
            """;
        var invalid = Assert.IsType<ProtocolReadResult.Invalid>(ProtocolReader.Read(election, Encoding.UTF8.GetBytes(json)));
        var problem = Assert.Single(invalid.Problems);
        Assert.Equal("$.station", problem.Path);
        Assert.Equal("'no such station' is not a polling station of this election", problem.Message);
    }
}
