namespace Sanoo.Core.Rules;

/// <summary>The comparison at the heart of a control relation.</summary>
public enum Comparison
{
    /// <summary><c>=</c></summary>
    Equal,

    /// <summary><c>&lt;=</c></summary>
    AtMost,

    /// <summary><c>&gt;=</c></summary>
    AtLeast,

    /// <summary><c>&lt;</c></summary>
    Less,

    /// <summary><c>&gt;</c></summary>
    Greater,
}

/// <summary>Symbols and evaluation of <see cref="Comparison"/>.</summary>
public static class ComparisonExtensions
{
    /// <summary>Whether <c>left comparison right</c> holds.</summary>
    public static bool Holds(this Comparison comparison, long left, long right) => comparison switch
    {
        Comparison.Equal => left == right,
        Comparison.AtMost => left <= right,
        Comparison.AtLeast => left >= right,
        Comparison.Less => left < right,
        Comparison.Greater => left > right,
        _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
    };

    /// <summary>The symbol as written in relations.</summary>
    public static string Symbol(this Comparison comparison) => comparison switch
    {
        Comparison.Equal => "=",
        Comparison.AtMost => "<=",
        Comparison.AtLeast => ">=",
        Comparison.Less => "<",
        Comparison.Greater => ">",
        _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
    };
}
