using System.Text.RegularExpressions;
using Sanoo.Testing;

namespace Sanoo.Storage.Tests;

/// <summary>
/// No row is ever updated in place or deleted: neither the schema nor the storage code holds an
/// UPDATE, DELETE or TRUNCATE statement (the database's triggers refuse them besides).
/// </summary>
public partial class AppendOnlyCodeTests
{
    private static IEnumerable<string> Files(string pattern) =>
        Directory.EnumerateFiles(Path.Combine(SharedData.RepositoryRoot, "src", "Sanoo.Storage"), pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void The_schema_has_no_statement_that_changes_or_removes_rows()
    {
        var scripts = Files("*.sql").ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            var statements = Regex.Replace(File.ReadAllText(script), "--[^\n]*", "");
            Assert.DoesNotMatch(MutatingStatement(), statements);
        }
    }

    [Fact]
    public void The_storage_code_sends_no_statement_that_changes_or_removes_rows()
    {
        var sources = Files("*.cs").ToList();
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            foreach (Match literal in StringLiteral().Matches(File.ReadAllText(source)))
            {
                Assert.False(MutatingStatement().IsMatch(literal.Value), $"{Path.GetFileName(source)} sends {literal.Value}");
            }
        }
    }

    [Fact]
    public void The_check_itself_finds_such_statements() =>
        Assert.Matches(MutatingStatement(), "x; UPDATE protocol_version SET outcome = 'accepted'");

    [GeneratedRegex(
        @"(^|;|\""|\$@?\""|\bBEGIN\b)\s*(UPDATE\s+\w+\s+SET|DELETE\s+FROM|TRUNCATE\b|DROP\s+TABLE|ALTER\s+TABLE\s+\w+\s+DROP)",
        RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex MutatingStatement();

    [GeneratedRegex("\\$?@?\"(?:[^\"\\\\]|\\\\.)*\"")]
    private static partial Regex StringLiteral();
}
