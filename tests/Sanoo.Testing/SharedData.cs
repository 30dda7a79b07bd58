namespace Sanoo.Testing;

/// <summary>
/// The real election data beside the project (../shared/data, or $SANOO_REAL_DATA), read in
/// place and never copied into the repository. Tests that need it fail with a clear message
/// when it is missing rather than skip: in CI it is always there.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string> Located = new(Locate);

    /// <summary>The data folder; looked for only when a test asks for the data, so tests that do not read it never depend on it.</summary>
    public static string Folder => Located.Value;

    /// <summary>The repository's root folder (where Sanoo.slnx is).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sanoo.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("cannot find the repository root (Sanoo.slnx) above " + AppContext.BaseDirectory);
    }

    public static string PathOf(params string[] parts) => Path.Combine([Folder, .. parts]);

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("SANOO_REAL_DATA") is { Length: > 0 } configured)
        {
            return Directory.Exists(configured)
                ? configured
                : throw new DirectoryNotFoundException($"SANOO_REAL_DATA points at {configured}, which does not exist");
        }
        var data = Path.GetFullPath(Path.Combine(FindRoot(), "..", "shared", "data"));
        return Directory.Exists(data)
            ? data
            : throw new DirectoryNotFoundException($"the real election data is expected at {data} (or set SANOO_REAL_DATA)");
    }
}
