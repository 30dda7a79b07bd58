namespace Sanoo.Cli.Commands.Verify;

/// <summary>
/// The figures of published files that differ from what the verifier computes itself, each named by file and figure: up to
/// <see cref="ErrCheck.Kept"/> are kept in words, all are counted. Safe to add to from several threads at once.
/// </summary>
/// <param name="verified">What the verifier's own figures are called in the words, e.g. <c>the verified protocols</c>.</param>
internal sealed class FigureProblems(string verified)
{
    private readonly List<string> _kept = [];
    private int _found;

    /// <summary>What differs, up to <see cref="ErrCheck.Kept"/>, in the order found.</summary>
    public IReadOnlyList<string> Kept
    {
        get
        {
            lock (_kept)
            {
                return [.. _kept];
            }
        }
    }

    /// <summary>How many problems were found in all.</summary>
    public int Found => Volatile.Read(ref _found);

    /// <summary>Adds one problem in words.</summary>
    public void Add(string problem)
    {
        if (Interlocked.Increment(ref _found) <= ErrCheck.Kept)
        {
            lock (_kept)
            {
                _kept.Add(problem);
            }
        }
    }

    /// <summary>
    /// Adds a problem when <paramref name="published"/> is not <paramref name="expected"/>, naming the file or place and the figure.
    /// </summary>
    public void Same<T>(string where, string figure, T published, T expected)
    {
        if (!EqualityComparer<T>.Default.Equals(published, expected))
        {
            Differs(where, figure, published?.ToString(), expected?.ToString());
        }
    }

    /// <summary>Adds the problem that <paramref name="figure"/> of <paramref name="where"/> is published otherwise than computed.</summary>
    public void Differs(string where, string figure, string? published, string? expected) =>
        Add($"{where}: {figure} is published as {Shown(published)}, but {verified} give {Shown(expected)}");

    /// <summary>A value as the words show it: <c>nothing</c> for none.</summary>
    public static string Shown(string? value) => string.IsNullOrEmpty(value) ? "nothing" : value;

    /// <summary>Adds every kept problem and a line for those past them to <paramref name="problems"/>, as <paramref name="what"/>'s.</summary>
    public void AddTo(List<string> problems, string what)
    {
        problems.AddRange(Kept);
        if (Found > ErrCheck.Kept)
        {
            problems.Add($"{what}: … and {Found - ErrCheck.Kept:N0} more figures that differ");
        }
    }
}
