using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Protocols;

/// <summary>
/// The names a protocol's figures are read by, for one contest: its form's lines and its choices, each in the contest's order, in
/// UTF-8 and in sorted order, made once per contest plan and kept beside it (<see cref="ProtocolReader"/> reads a million
/// protocols of the same few plans).
/// </summary>
internal sealed class FigureNames
{
    private static readonly ConditionalWeakTable<ContestPlan, FigureNames> Kept = [];

    private FigureNames(ContestPlan plan)
    {
        Lines = new Set([.. plan.Form.Lines.Select(l => l.Id.Value)]);
        Choices = new Set([.. plan.Choices.Select(c => c.Id.Value)]);
    }

    /// <summary>The form's lines.</summary>
    public Set Lines { get; }

    /// <summary>The contest's choices.</summary>
    public Set Choices { get; }

    /// <summary>The names of <paramref name="plan"/>'s figures.</summary>
    public static FigureNames Of(ContestPlan plan) => Kept.GetValue(plan, p => new FigureNames(p));

    /// <summary>One object's names: <see cref="Text"/> in the contest's order, the same in UTF-8, and their places sorted ordinally.</summary>
    public sealed class Set
    {
        private readonly byte[][] _utf8;
        private readonly int[] _sorted;

        public Set(string[] text)
        {
            Text = text;
            _utf8 = [.. text.Select(t => Encoding.UTF8.GetBytes(t))];
            _sorted = [.. Enumerable.Range(0, text.Length).OrderBy(i => text[i], StringComparer.Ordinal)];
        }

        /// <summary>The names, in the contest's order.</summary>
        public string[] Text { get; }

        /// <summary>The places of the names, their names sorted by UTF-16 code units (the canonical form's order).</summary>
        public ReadOnlySpan<int> Sorted => _sorted;

        /// <summary>
        /// The place of <paramref name="property"/>'s name, or −1 when it is none of these; <paramref name="next"/> is where in sorted
        /// order the next property is looked for first (0 for an object's first).
        /// </summary>
        public int IndexOf(JsonProperty property, ref int next) => IndexOf(new PropertyName(property), ref next);

        /// <summary>As <see cref="IndexOf(JsonProperty, ref int)"/>, for a name in UTF-8, unescaped.</summary>
        public int IndexOf(ReadOnlySpan<byte> name, ref int next) => IndexOf(new Utf8Name(name), ref next);

        private int IndexOf<T>(T name, ref int next)
            where T : IName, allows ref struct
        {
            for (var attempt = 0; attempt <= _sorted.Length; attempt++)
            {
                var k = attempt == 0 ? next : attempt - 1; // the place after the last found first, then every place
                if (k < _sorted.Length && name.Is(_utf8[_sorted[k]]))
                {
                    next = k + 1;
                    return _sorted[k];
                }
            }
            return -1;
        }
    }

    /// <summary>A property's name, compared with UTF-8 text without being made a string.</summary>
    private interface IName
    {
        bool Is(byte[] utf8);
    }

    private readonly struct PropertyName(JsonProperty property) : IName
    {
        public bool Is(byte[] utf8) => property.NameEquals(utf8);
    }

    private readonly ref struct Utf8Name(ReadOnlySpan<byte> name) : IName
    {
        private readonly ReadOnlySpan<byte> _name = name;

        public bool Is(byte[] utf8) => _name.SequenceEqual(utf8);
    }
}
