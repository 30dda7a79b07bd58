using System.Globalization;

namespace Sanoo.Storage.Access;

/// <summary>
/// What an operator's name may be: 1 to <see cref="MaxLength"/> characters of letters, digits, '.', '_', '-' and spaces
/// (not first or last). The name is printed on every page and ledger that names who acted, so it holds no line break,
/// no markup and nothing invisible.
/// </summary>
public static class OperatorName
{
    /// <summary>The most characters a name may hold.</summary>
    public const int MaxLength = 64;

    /// <summary>What is wrong with <paramref name="name"/> as an operator's name, in a sentence; null when nothing.</summary>
    public static string? Problem(string name)
    {
        const string Allowed = "a name holds only letters, digits, '.', '_', '-' and spaces inside";
        if (name.Length == 0)
        {
            return $"An operator's name is empty; give 1 to {MaxLength} characters ({Allowed}).";
        }
        if (name.Length > MaxLength)
        {
            return string.Create(CultureInfo.InvariantCulture, $"An operator's name is {name.Length} characters long; at most {MaxLength}.");
        }
        if (name[0] == ' ' || name[^1] == ' ')
        {
            return $"An operator's name does not begin or end with a space ({Allowed}).";
        }
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c) && c is not ('.' or '_' or '-' or ' '))
            {
                var shown = char.IsControl(c) || char.IsWhiteSpace(c) ? $"U+{(int)c:X4}" : $"'{c}'";
                return string.Create(
                    CultureInfo.InvariantCulture, $"An operator's name holds {shown} at position {i + 1}; {Allowed}.");
            }
        }
        return null;
    }
}
