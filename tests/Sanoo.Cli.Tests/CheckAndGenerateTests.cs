namespace Sanoo.Cli.Tests;

public class CheckAndGenerateTests(Kg2021Files files) : IClassFixture<Kg2021Files>
{
    [Fact]
    public void Generate_writes_the_definition_and_both_counts()
    {
        Assert.Equal(2494 + 2435, File.ReadLines(files.Hand).Count());
        Assert.InRange(File.ReadLines(files.Machine).Count(), 4800, 4928);
        Assert.StartsWith("{", File.ReadAllText(files.Definition).TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_summarizes_a_sound_definition()
    {
        var (code, output) = CliRun.Sanoo("check", files.Definition);
        Assert.Equal(0, code);
        Assert.Contains("is a sound election definition", output, StringComparison.Ordinal);
        Assert.Matches(@"Polling stations\W+2,494", output);
        Assert.Matches(@"Registered voters\W+3,712,797", output);
        Assert.Contains("54 seats by hare, threshold 5% of participation, at most 27 a party", output, StringComparison.Ordinal);
        Assert.Contains("error valid_equals_votes: valid = votes(*)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_lists_every_problem_with_its_path()
    {
        var broken = Path.Combine(files.Folder, "broken.json");
        File.WriteAllText(broken, File.ReadAllText(files.Definition)
            .Replace("\"parent\": \"d01\"", "\"parent\": \"d99\"", StringComparison.Ordinal)
            .Replace("\"rule\": \"valid = votes(*)\"", "\"rule\": \"valid = votes(*) + spoiled\"", StringComparison.Ordinal));
        var (code, output) = CliRun.Sanoo("check", broken);
        Assert.Equal(1, code);
        Assert.Matches(@"\$\.areas\[\d+\]\.parent: 'd99' is not an area of this election, so 's\d{4}' is an orphan", output);
        Assert.Single(output.Split('\n'), line => line.Contains("$.forms[0].relations[2].rule: relation 'valid_equals_votes' names the line 'spoiled', which is not on the form", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_says_when_the_file_is_missing()
    {
        var (code, output) = CliRun.Sanoo("check", Path.Combine(files.Folder, "nope.json"));
        Assert.Equal(1, code);
        Assert.Contains("the file does not exist", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_refuses_an_unknown_sample()
    {
        var (code, output) = CliRun.Sanoo("generate", "xx-1999", "--out", files.Folder);
        Assert.NotEqual(0, code);
        Assert.Contains("kg-2021", output, StringComparison.Ordinal);
    }
}
