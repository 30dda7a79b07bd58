namespace Sanoo.Core.Rules;

/// <summary>Why a relation or expression could not be parsed, and where.</summary>
/// <param name="Position">Zero-based character offset in the text.</param>
/// <param name="Message">What was expected or found.</param>
public sealed record SyntaxError(int Position, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"at character {Position + 1}: {Message}";
}
