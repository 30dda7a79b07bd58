namespace Sanoo.Testing;

/// <summary>
/// The real election data beside the project (../shared/data, or $SANOO_REAL_DATA), read in place and never copied into the
/// repository; <c>scripts/fetch-real-data.sh</c> fetches it from its public origins. A test that reads it says which files with
/// <see cref="RealDataFactAttribute"/> or <see cref="RealDataTheoryAttribute"/>: on a machine without them the test is skipped
/// with one clear reason, but under CI (<c>CI=true</c>) or with <c>SANOO_REAL_DATA</c> pointing nowhere it runs and fails with
/// the message of <see cref="Folder"/>.
/// </summary>
public static class SharedData
{
    /// <summary>The reason every data test gives when there is no data folder at all.</summary>
    public const string NotFound = "real election data not found; run scripts/fetch-real-data.sh or set SANOO_REAL_DATA";

    /// <summary>The start of the reason a data test gives when the folder lacks a file it reads (as a fetched one may).</summary>
    public const string NotFetched = "real election data not fetched";

    private static readonly Lazy<string> Located = new(Locate);

    /// <summary>The data folder; looked for only when a test asks for the data, so tests that do not read it never depend on it.</summary>
    public static string Folder => Located.Value;

    /// <summary>The repository's root folder (where Sanoo.slnx is).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>True under CI, where the data is given and a test that needs it must run.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string PathOf(params string[] parts) => Path.Combine([Folder, .. parts]);

    /// <summary>
    /// Why a test that reads these files (paths relative to the data folder, '/' separated) cannot run here, or null when it runs:
    /// always null under CI or when SANOO_REAL_DATA is set to a folder that does not exist, so that the test fails loudly.
    /// </summary>
    public static string? SkipReason(IReadOnlyCollection<string> files) => SkipReason(files, InCi, Configured(), Beside());

    /// <summary><see cref="SkipReason(IReadOnlyCollection{string})"/> on a machine described by its arguments.</summary>
    /// <param name="files">The files the test reads.</param>
    /// <param name="ci">Whether this runs under CI.</param>
    /// <param name="configured">SANOO_REAL_DATA, if set.</param>
    /// <param name="beside">The data folder beside the repository.</param>
    public static string? SkipReason(IReadOnlyCollection<string> files, bool ci, string? configured, string beside)
    {
        if (ci || (configured is not null && !Directory.Exists(configured)))
        {
            return null;
        }
        var folder = configured ?? beside;
        if (!Directory.Exists(folder))
        {
            return NotFound;
        }
        var missing = files.Where(f => !File.Exists(Path.Combine(folder, f))).ToList();
        return missing.Count == 0
            ? null
            : $"{NotFetched}: {string.Join(", ", missing)} (scripts/fetch-real-data.sh says which files have no public origin)";
    }

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

    private static string? Configured() =>
        Environment.GetEnvironmentVariable("SANOO_REAL_DATA") is { Length: > 0 } configured ? configured : null;

    private static string Beside() => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    private static string Locate()
    {
        if (Configured() is { } configured)
        {
            return Directory.Exists(configured)
                ? configured
                : throw new DirectoryNotFoundException($"SANOO_REAL_DATA points at {configured}, which does not exist");
        }
        var data = Beside();
        return Directory.Exists(data)
            ? data
            : throw new DirectoryNotFoundException(
                $"the real election data is expected at {data} (or set SANOO_REAL_DATA); run scripts/fetch-real-data.sh to fetch it");
    }
}
