using System.Text;
using System.Text.Json.Nodes;
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

    [Fact]
    public void The_mapping_excerpts_in_bring_your_election_are_the_sample_mappings_as_they_are()
    {
        var map = JsonNode.Parse(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "samples", "bg-2021", "map.json")))!.AsObject();
        var russian = JsonNode.Parse(File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "samples", "ru-duma-2021", "map.json")))!.AsObject();
        var blocks = JsonBlocks(Doc("bring-your-election.md"));
        Assert.True(blocks.Count >= 3, "expected the table, levels and count excerpts");
        foreach (var block in blocks.Select(b => JsonNode.Parse(b)!.AsObject()))
        {
            if (block.ContainsKey("source"))
            {
                Assert.Contains(map["counts"]!.AsArray(), count => JsonNode.DeepEquals(count, block));
                continue;
            }
            foreach (var (field, value) in block)
            {
                // Bulgaria has no grouping: that excerpt is the Russian mapping's.
                var from = field == "groupings" ? russian : map;
                Assert.True(JsonNode.DeepEquals(from[field], value), $"{field} in the doc differs from the sample mapping");
            }
        }
    }

    [Fact]
    public void Every_import_command_in_the_docs_and_samples_names_a_mapping_file_that_exists()
    {
        var texts = Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "docs"), "*.md")
            .Concat(Directory.GetFiles(Path.Combine(SharedData.RepositoryRoot, "samples"), "README.md", SearchOption.AllDirectories))
            .Append(Path.Combine(SharedData.RepositoryRoot, "README.md"))
            .Select(File.ReadAllText)
            .ToList();
        var maps = texts.SelectMany(t => ImportCommand().Matches(t)).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(maps);
        Assert.All(maps, map => Assert.True(File.Exists(Path.Combine(SharedData.RepositoryRoot, map)), $"{map} does not exist"));
        Assert.DoesNotContain(texts, t => t.Contains("sanoo import ru-duma-2021", StringComparison.Ordinal)
            || t.Contains("sanoo import bg-2021", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"sanoo import table (?!FILE )\S+ --map (\S+)")]
    private static partial Regex ImportCommand();

    [GeneratedRegex("```json\\n(.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
