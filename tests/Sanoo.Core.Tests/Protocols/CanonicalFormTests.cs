using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Sanoo.Core.Json;
using Sanoo.Core.Protocols;
using Sanoo.Testing;

namespace Sanoo.Core.Tests.Protocols;

/// <summary>A protocol's signed bytes are RFC 8785's canonical form of any JSON of it, so a device in any language reproduces them.</summary>
public partial class CanonicalFormTests
{
    private static readonly Sanoo.Core.Definitions.Election Election = DefinitionJson.LoadSmall();

    private const string Corrected = """
        {"election": "tiny-2025", "station": "s1", "contest": "list", "source": "hand", "version": 2,
         "lines": {"registered": 1000, "additional": 0, "issued": 420, "in_boxes": 418, "valid": 400, "invalid": 18},
         "votes": {"red": 250, "blue": 130, "against-all": 20},
         "correction": {"reason": "Кайра саналды: 2 бюллетень <жараксыз> + 1", "author": "УИК №1"}}
        """;

    private static byte[] Written(string json)
    {
        var read = Assert.IsType<ProtocolReadResult.Ok>(ProtocolReader.Read(Election, Encoding.UTF8.GetBytes(json)));
        return ProtocolWriter.Canonical(Election, read.Protocol);
    }

    [Theory]
    [InlineData(Corrected)]
    [InlineData("""
        {"votes":{"against-all":20,"blue":130,"red":250},"version":1,"station":"s1","source":"hand",
        "lines":{"valid":400,"registered":1000,"issued":420,"invalid":18,"in_boxes":418,"additional":0},"election":"tiny-2025","contest":"list"}
        """)]
    [InlineData("""
        { "election" : "tiny\u002d2025", "station": "s1", "contest": "list", "source": "hand", "version": 3,
          "lines": {"registered": 1000, "additional": 0, "issued": 420, "in_boxes": 418, "valid": 400, "invalid": 18},
          "votes": {"red": 250, "blue": 130, "against-all": 20},
          "correction": {"reason": "\u041e\u043e\u0431\u0430 \u003c\u002b\u003e \"quoted\" \\ tab\t", "author": "\u0423\u0418\u041a"} }
        """)]
    public void The_written_form_is_the_RFC_8785_canonical_form_of_the_JSON_a_device_sent(string json) =>
        Assert.Equal(Encoding.UTF8.GetString(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(json))), Encoding.UTF8.GetString(Written(json)));

    [Fact]
    public void The_worked_example_in_docs_api_md_is_what_the_code_writes()
    {
        var doc = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "docs", "api.md"));
        var section = doc[doc.IndexOf("## The signed form", StringComparison.Ordinal)..];
        var blocks = TextBlock().Matches(section).Select(m => m.Groups[1].Value.TrimEnd('\n')).ToList();
        var bytes = Written(Corrected);
        Assert.Equal(blocks[0], Encoding.UTF8.GetString(bytes));
        Assert.Equal(blocks[1], Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [GeneratedRegex("```text\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex TextBlock();
}
