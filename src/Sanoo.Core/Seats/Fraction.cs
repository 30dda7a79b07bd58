namespace Sanoo.Core.Seats;

/// <summary>
/// An exact non-negative rational <c>Numerator ÷ Denominator</c> with a positive denominator
/// (a zero denominator stands for +∞, the first divisor of Adams and Huntington-Hill).
/// Compared by cross-multiplication in 128-bit integers: no floating point decides a seat.
/// </summary>
public readonly record struct Fraction(Int128 Numerator, Int128 Denominator) : IComparable<Fraction>
{
    /// <summary>Whether this is +∞.</summary>
    public bool IsInfinite => Denominator == 0;

    /// <inheritdoc />
    public int CompareTo(Fraction other) => (IsInfinite, other.IsInfinite) switch
    {
        (true, true) => 0,
        (true, false) => 1,
        (false, true) => -1,
        _ => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator),
    };

    /// <summary>The value rounded to a decimal for display only.</summary>
    public decimal ToDecimal() => IsInfinite ? decimal.MaxValue : (decimal)Numerator / (decimal)Denominator;

    /// <summary>Comparison operator.</summary>
    public static bool operator <(Fraction a, Fraction b) => a.CompareTo(b) < 0;

    /// <summary>Comparison operator.</summary>
    public static bool operator >(Fraction a, Fraction b) => a.CompareTo(b) > 0;

    /// <summary>Comparison operator.</summary>
    public static bool operator <=(Fraction a, Fraction b) => a.CompareTo(b) <= 0;

    /// <summary>Comparison operator.</summary>
    public static bool operator >=(Fraction a, Fraction b) => a.CompareTo(b) >= 0;
}
