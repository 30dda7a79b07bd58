using Xunit;

namespace Sanoo.Testing;

/// <summary>A fact that reads the real data: skipped, with one clear reason, where those files are not (see <see cref="SharedData"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealDataFactAttribute : FactAttribute
{
    /// <param name="files">The files the test reads, relative to the data folder ('/' separated).</param>
    public RealDataFactAttribute(params string[] files)
    {
        Files = files;
        Skip = SharedData.SkipReason(files);
    }

    /// <summary>The files the test reads.</summary>
    public IReadOnlyList<string> Files { get; }
}

/// <summary>A theory that reads the real data: skipped, with one clear reason, where those files are not (see <see cref="SharedData"/>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealDataTheoryAttribute : TheoryAttribute
{
    /// <param name="files">The files every case of the test reads, relative to the data folder ('/' separated).</param>
    public RealDataTheoryAttribute(params string[] files)
    {
        Files = files;
        Skip = SharedData.SkipReason(files);
    }

    /// <summary>The files the test reads.</summary>
    public IReadOnlyList<string> Files { get; }
}
