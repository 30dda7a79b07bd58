using System.Text.Json.Nodes;
using Sanoo.Core.Definitions;
using Sanoo.Testing;

namespace Sanoo.Core.Tests.Definitions;

/// <summary>
/// A party's copy of the protocols is a count source of its own (<c>"partyCopy"</c>): it names a party, is entered by that party's
/// agents (so neither official, device-signed nor entered twice), one per party, never in the commission's reconciliation rule,
/// and is not a result of its own.
/// </summary>
public class PartyCopyDefinitionTests
{
    private static JsonObject Copy(string party, string id = "red-copy") =>
        new() { ["id"] = id, ["name"] = new JsonObject { ["en"] = "Red Party's copy" }, ["partyCopy"] = party };

    private static DefinitionResult Load(params JsonObject[] sources) =>
        DefinitionJson.Load(DefinitionJson.With(d =>
        {
            foreach (var source in sources)
            {
                d["sources"]!.AsArray().Add(source);
            }
        }));

    private static void AssertProblem(DefinitionResult result, string path, string message)
    {
        var problems = Assert.IsType<DefinitionResult.Invalid>(result).Problems;
        Assert.True(
            problems.Any(p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal)),
            $"expected a problem at {path} containing \"{message}\", got:\n{string.Join("\n", problems)}");
    }

    [Fact]
    public void A_party_copy_loads_unsigned_and_apart_from_the_results_and_the_commissions_rule()
    {
        var election = Assert.IsType<DefinitionResult.Loaded>(Load(Copy("red"))).Election;
        var copy = Assert.Single(election.PartyCopies);
        Assert.Equal(("red-copy", "red", false, false), (copy.Id.Value, copy.PartyCopy!.Value.Value, copy.Signed, copy.Official));
        Assert.Equal(["machine", "hand"], election.ResultSources.Select(s => s.Id.Value));
        Assert.Equal(("machine", "hand"), (election.Reconciliation!.First.Value, election.Reconciliation.Second.Value));
        Assert.Equal("hand", election.DefaultSource.Id.Value);
    }

    [Fact]
    public void The_default_rule_never_compares_a_party_copy_even_when_it_is_declared_first()
    {
        var json = DefinitionJson.With(d =>
        {
            var sources = d["sources"]!.AsArray();
            sources.RemoveAt(0); // the machine count: only the hand count and the copy are left
            sources.Insert(0, Copy("red"));
        });
        var election = Assert.IsType<DefinitionResult.Loaded>(DefinitionJson.Load(json)).Election;
        Assert.Null(election.Reconciliation);
        Assert.Single(election.PartyCopies);
    }

    [Fact]
    public void A_copy_of_no_party_or_of_a_candidate_is_refused()
    {
        AssertProblem(Load(Copy("green")), "$.sources[2].partyCopy", "'green' is not a party choice of this election");
        AssertProblem(Load(Copy("ann")), "$.sources[2].partyCopy", "'ann' is not a party choice of this election");
    }

    [Fact]
    public void A_party_has_one_copy_source()
    {
        AssertProblem(Load(Copy("red"), Copy("red", "red-copy-2")), "$.sources[3].partyCopy", "party 'red' already has a copy source");
    }

    [Fact]
    public void A_copy_that_is_official_signed_or_entered_twice_is_refused()
    {
        const string message = "a party's copy is entered by its agents: it cannot be official, entered twice or signed";
        foreach (var field in new[] { "official", "signed", "doubleEntry" })
        {
            var copy = Copy("red");
            copy[field] = true;
            AssertProblem(Load(copy), "$.sources[2]", message);
        }
    }

    [Fact]
    public void The_commissions_rule_may_not_compare_a_copy()
    {
        var json = DefinitionJson.With(d =>
        {
            d["sources"]!.AsArray().Add(Copy("red"));
            d["reconciliation"] = new JsonObject { ["between"] = new JsonArray("red-copy", "hand") };
        });
        AssertProblem(DefinitionJson.Load(json), "$.reconciliation.between", "'red-copy' is a party's copy");
    }

    [Fact]
    public void A_copy_needs_an_official_count_to_be_compared_with()
    {
        var json = DefinitionJson.With(d =>
        {
            d["sources"]!.AsArray()[1]!["official"] = false;
            d["sources"]!.AsArray().Add(Copy("red"));
        });
        var problems = Assert.IsType<DefinitionResult.Invalid>(DefinitionJson.Load(json)).Problems;
        Assert.Contains(problems, p => p.Path == "$.sources" && p.Message.Contains("declare one official source", StringComparison.Ordinal));
    }
}
