namespace Sanoo.Core.Rules;

/// <summary>The result of parsing: the value, or the syntax error.</summary>
/// <typeparam name="T">What was parsed.</typeparam>
public abstract record Parsed<T>
{
    private Parsed()
    {
    }

    /// <summary>The text parsed.</summary>
    public sealed record Ok(T Value) : Parsed<T>;

    /// <summary>The text is malformed.</summary>
    public sealed record Failed(SyntaxError Error) : Parsed<T>;
}
