namespace Sanoo.Core.Json;

/// <summary>
/// One thing wrong with an input document, located by its JSON path (e.g.
/// <c>$.areas[17].parent</c>) so that whoever wrote the file can find and fix it.
/// </summary>
/// <param name="Path">Where, as a JSON path.</param>
/// <param name="Message">What is wrong, in words.</param>
public sealed record JsonProblem(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}
