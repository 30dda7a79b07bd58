using Sanoo.Samples.Kyrgyzstan2021;

namespace Sanoo.Cli.Input;

/// <summary>
/// Finds the kg-2021 sample's region outlines in the shared data, read in place: <c>$SANOO_REAL_DATA</c>, else
/// <c>../shared/data</c> beside the repository root (the folder holding Sanoo.slnx, looked for above the working folder and above
/// the program). Null when the file is not there: the sample then has no geometry and the site draws its tile grid.
/// </summary>
public static class SampleGeography
{
    /// <summary>The sample's geography, or null.</summary>
    public static Kg2021Geography? Find()
    {
        var file = Candidates().Select(data => Path.Combine(data, "kg_2021", "geo", Kg2021Geography.FileName)).FirstOrDefault(File.Exists);
        return file is null ? null : Kg2021Geography.Read(File.ReadAllBytes(file));
    }

    private static IEnumerable<string> Candidates()
    {
        if (Environment.GetEnvironmentVariable("SANOO_REAL_DATA") is { Length: > 0 } configured)
        {
            yield return configured;
        }
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Sanoo.slnx")))
                {
                    yield return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                    break;
                }
            }
        }
    }
}
