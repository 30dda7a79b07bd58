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

        /// <summary>
        /// The place of <paramref name="property"/>'s name, or −1 when it is none of these; <paramref name="next"/> is where in sorted
        /// order the next property is looked for first (0 for an object's first).
        /// </summary>
        public int IndexOf(JsonProperty property, ref int next)
        {
            if (next < _sorted.Length && property.NameEquals(_utf8[_sorted[next]]))
            {
                return _sorted[next++];
            }
            for (var k = 0; k < _sorted.Length; k++)
            {
                if (property.NameEquals(_utf8[_sorted[k]]))
                {
                    next = k + 1;
                    return _sorted[k];
                }
            }
            return -1;
        }

        /// <summary>As <see cref="IndexOf(JsonProperty, ref int)"/>, for the property name <paramref name="reader"/> stands on.</summary>
        public int IndexOf(ref Utf8JsonReader reader, ref int next)
        {
            if (next < _sorted.Length && reader.ValueTextEquals(_utf8[_sorted[next]]))
            {
                return _sorted[next++];
            }
            for (var k = 0; k < _sorted.Length; k++)
            {
                if (reader.ValueTextEquals(_utf8[_sorted[k]]))
                {
                    next = k + 1;
                    return _sorted[k];
                }
            }
            return -1;
        }
    }
}
