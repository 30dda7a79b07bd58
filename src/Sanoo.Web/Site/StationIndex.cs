using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Sanoo.Core.Definitions;

namespace Sanoo.Web.Site;

/// <summary>
/// Finds polling stations by number, name or address, in any of the definition's languages. Built once per election, on the
/// first search: every word of every station's id, name and address (normalized: lower case, «ё» as «е», punctuation as space;
/// an id's digits also without their leading zeros, so «17» finds <c>s0017</c>) in one array sorted ordinally beside the station
/// it belongs to. A query's words are looked up by prefix with two binary searches each; a station is found when every word of
/// the query begins one of its words. A million stations answer in well under a millisecond a query.
/// </summary>
public sealed class StationIndex
{
    private static readonly ConditionalWeakTable<Election, StationIndex> Built = [];

    private readonly string[] _words;
    private readonly int[] _areas;

    private StationIndex(string[] words, int[] areas) => (_words, _areas) = (words, areas);

    /// <summary>The index of <paramref name="election"/>, built on first use and kept as long as the election is.</summary>
    public static StationIndex Of(Election election) => Built.GetValue(election, Build);

    /// <summary>
    /// The stations whose words begin with every word of <paramref name="query"/>, in the definition's order (a station whose id is
    /// the query itself first); at most <paramref name="limit"/>, and how many there are in all.
    /// </summary>
    public (IReadOnlyList<int> Areas, int Total) Search(string query, int limit)
    {
        var terms = Words(query).Distinct().ToList();
        if (terms.Count == 0)
        {
            return ([], 0);
        }
        HashSet<int>? found = null;
        foreach (var term in terms.OrderByDescending(t => t.Length))
        {
            var (from, to) = Range(term);
            var matches = new HashSet<int>();
            for (var i = from; i < to; i++)
            {
                if (found is null || found.Contains(_areas[i]))
                {
                    matches.Add(_areas[i]);
                }
            }
            found = matches;
            if (found.Count == 0)
            {
                break;
            }
        }
        var exact = terms.Count == 1 ? Exact(terms[0]) : -1;
        var ordered = found!.Order().ToList();
        if (exact >= 0 && ordered.Remove(exact))
        {
            ordered.Insert(0, exact);
        }
        return (ordered.Take(limit).ToList(), ordered.Count);
    }

    /// <summary>The normalized words of a text: lower case, «ё» as «е», letters and digits only.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c is 'ё' or 'Ё' ? 'е' : char.ToLower(c, CultureInfo.InvariantCulture));
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private int Exact(string term)
    {
        var (from, to) = Range(term);
        for (var i = from; i < to; i++)
        {
            if (_words[i].Length == term.Length)
            {
                return _areas[i];
            }
        }
        return -1;
    }

    /// <summary>The range of <see cref="_words"/> that begin with <paramref name="prefix"/>.</summary>
    private (int From, int To) Range(string prefix)
    {
        var from = Lower(prefix);
        var to = from;
        while (to < _words.Length && _words[to].StartsWith(prefix, StringComparison.Ordinal))
        {
            to++;
        }
        return (from, to);
    }

    private int Lower(string key)
    {
        var (low, high) = (0, _words.Length);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (string.CompareOrdinal(_words[middle], key) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    private static StationIndex Build(Election election)
    {
        var words = new List<string>();
        var areas = new List<int>();
        for (var i = 0; i < election.Areas.Length; i++)
        {
            var station = election.Areas[i];
            if (!station.IsStation)
            {
                continue;
            }
            var texts = new[] { station.Id.Value }
                .Concat(station.Name?.Texts.Values ?? [])
                .Concat(station.Address?.Texts.Values ?? []);
            var own = new HashSet<string>(StringComparer.Ordinal);
            foreach (var word in texts.SelectMany(Words))
            {
                own.Add(word);
                // "s0017" is also found as "0017" and "17": the digits of a word, with and without their leading zeros.
                var digits = string.Concat(word.Where(char.IsAsciiDigit));
                if (digits.Length > 0)
                {
                    own.Add(digits);
                    own.Add(digits.TrimStart('0') is { Length: > 0 } trimmed ? trimmed : "0");
                }
            }
            foreach (var word in own)
            {
                words.Add(word);
                areas.Add(i);
            }
        }
        var (w, a) = (words.ToArray(), areas.ToArray());
        Array.Sort(w, a, StringComparer.Ordinal);
        return new StationIndex(w, a);
    }
}
