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

    /// <summary>The rule in words, for messages.</summary>
    public const string Rule = "1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    /// <summary>
    /// <paramref name="value"/> when it is a well-formed id; otherwise a bug in the caller (input is read with <see cref="TryParse"/>).
    /// </summary>
    public static string Checked(string value) =>
        IsValid(value) ? value : throw new ArgumentException($"'{value}' is not a well-formed id ({Rule})", nameof(value));

    /// <summary>The id <paramref name="text"/> spells, made by <paramref name="make"/>, if it is well-formed.</summary>
    public static bool TryParse<T>(string? text, Func<string, T> make, out T id)
        where T : struct
    {
        id = IsValid(text) ? make(text!) : default;
        return IsValid(text);
    }

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
