using System.Text;
using System.Text.RegularExpressions;
using Sanoo.Core.Definitions;
using Sanoo.Core.Protocols;
using Sanoo.Testing;

namespace Sanoo.Cli.Tests;

/// <summary>The examples in docs/ are read and checked, so the documentation cannot drift from the code.</summary>
public partial class DocsTests
{
    private static string Doc(string name) => File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", name));

    private static List<string> JsonBlocks(string markdown) => [.. JsonBlock().Matches(markdown).Select(m => m.Groups[1].Value)];

    [Fact]
    public void The_complete_example_in_the_definition_format_loads()
    {
        var example = JsonBlocks(Doc("definition-format.md")).Last();
        var election = Assert.IsType<DefinitionResult.Loaded>(DefinitionReader.Read(Encoding.UTF8.GetBytes(example))).Election;
        Assert.Equal(3, election.StationCount);
        Assert.Equal(DefinitionJson.LoadSmall().Id, election.Id);
    }

    [Fact]
    public void The_protocol_examples_are_well_formed_protocols_of_that_example()
    {
        var election = Assert.IsType<DefinitionResult.Loaded>(
            DefinitionReader.Read(Encoding.UTF8.GetBytes(JsonBlocks(Doc("definition-format.md")).Last()))).Election;
        var protocols = JsonBlocks(Doc("protocol-format.md")).Take(2).ToList();
        Assert.Equal(2, protocols.Count);
        foreach (var json in protocols)
        {
            var protocol = Assert.IsType<ProtocolReadResult.Ok>(ProtocolReader.Read(election, Encoding.UTF8.GetBytes(json))).Protocol;
            Assert.Empty(election.Contest(protocol.Contest)!.Rules.Check(protocol.Lines.AsSpan(), protocol.Votes.AsSpan()));
        }
    }

    [GeneratedRegex("```json\\n(.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
