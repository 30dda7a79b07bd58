namespace Sanoo.Core.Definitions;

/// <summary>
/// The spelling every identifier must have: 1 to 64 ASCII letters, digits, '.', '_' or '-',
/// starting with a letter or digit. Ids travel in URLs, file names, CSV and signed bytes, so
/// they are kept to characters that need no escaping anywhere.
/// </summary>
public static class IdSyntax
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 64;

    /// <summary>Whether <paramref name="value"/> is a well-formed id.</summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength || !char.IsAsciiLetterOrDigit(value[0]))
        {
            return false;
        }
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-'))
            {
                return false;
            }
        }
        return true;
    }
}
