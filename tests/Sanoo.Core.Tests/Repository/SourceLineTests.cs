using Sanoo.Testing;

namespace Sanoo.Core.Tests.Repository;

/// <summary>The code reads on any screen: no line of C# or Razor in src/ or tests/ is longer than 150 characters.</summary>
public class SourceLineTests
{
    /// <summary>The longest line allowed, in characters (UTF-16 code units, as an editor counts Cyrillic).</summary>
    public const int MaxLength = 150;

    [Fact]
    public void No_source_line_is_longer_than_150_characters()
    {
        var root = SharedData.RepositoryRoot;
        var files = new[] { "src", "tests" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        var tooLong = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(root, f), Line: i + 1, line.Length)))
            .Where(l => l.Length > MaxLength)
            .ToList();
        Assert.True(tooLong.Count == 0,
            $"{tooLong.Count} line(s) over {MaxLength} characters:\n"
                + string.Join("\n", tooLong.Take(40).Select(l => $"  {l.File}:{l.Line} ({l.Length})")));
    }
}
