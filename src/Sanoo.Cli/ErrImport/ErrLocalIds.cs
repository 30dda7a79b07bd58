using System.Text;
using Sanoo.Core.Definitions;

namespace Sanoo.Cli.ErrImport;

/// <summary>
/// Sanoo ids for the <c>@id</c>s of one kind of an ERR report: the exporter's prefix is taken off, and an id that is no Sanoo id
/// (a character outside letters, digits, <c>.</c>, <c>_</c> and <c>-</c>, or too long) is made into one, kept unique.
/// </summary>
public sealed class ErrLocalIds(string prefix)
{
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

    /// <summary>How many ids had to be changed to be Sanoo ids.</summary>
    public int Changed { get; private set; }

    /// <summary>The Sanoo id of <paramref name="id"/>, the same every time it is asked; <paramref name="other"/> is the prefix to take
    /// off where this kind of id has more than one.</summary>
    public string Of(string id, string? other = null)
    {
        if (_ids.TryGetValue(id, out var known))
        {
            return known;
        }
        var bare = Core.Err.ErrIds.Strip(id, other ?? prefix) ?? id;
        var local = IdSyntax.IsValid(bare) && !_taken.Contains(bare) ? bare : Made(bare);
        _ids[id] = local;
        _taken.Add(local);
        return local;
    }

    /// <summary>Whether <paramref name="id"/> has been given a Sanoo id.</summary>
    public bool Knows(string id) => _ids.ContainsKey(id);

    private string Made(string bare)
    {
        Changed++;
        var text = new StringBuilder();
        foreach (var c in bare)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_');
        }
        var stem = text.Length == 0 || !char.IsAsciiLetterOrDigit(text[0]) ? "x" + text : text.ToString();
        stem = stem[..Math.Min(stem.Length, IdSyntax.MaxLength - 8)];
        var made = stem;
        for (var n = 2; _taken.Contains(made); n++)
        {
            made = $"{stem}-{n}";
        }
        return made;
    }
}
