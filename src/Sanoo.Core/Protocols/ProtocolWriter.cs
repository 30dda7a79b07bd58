using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Sanoo.Core.Definitions;
using Sanoo.Core.Json;

namespace Sanoo.Core.Protocols;

/// <summary>
/// Writes a protocol in its canonical form: the JSON Canonicalization Scheme of RFC 8785 (see
/// <see cref="CanonicalJson"/>), so that a device written in any language reproduces the exact
/// bytes before signing them with any JCS library: members sorted by their names' UTF-16 code
/// units (<c>contest, correction, election, image, lines, source, station, version, votes</c>, and the
/// lines and votes by their ids), strings escaped only where JSON requires it, integers in plain
/// digits, no white space. The same protocol always gives the same bytes: what a device signs
/// and what the log hashes (docs/api.md, "The signed form", has a worked example).
/// </summary>
public static class ProtocolWriter
{
    /// <summary>The canonical UTF-8 JSON of <paramref name="protocol"/>, without a line break.</summary>
    public static byte[] Canonical(Election election, Protocol protocol)
    {
        var plan = election.Contest(protocol.Contest) ?? throw new ArgumentException($"unknown contest '{protocol.Contest}'", nameof(protocol));
        var buffer = new ArrayBufferWriter<byte>(512);
        Raw(buffer, "{\"contest\":");
        CanonicalJson.WriteString(buffer, protocol.Contest.Value);
        if (protocol.Correction is { } correction)
        {
            Raw(buffer, ",\"correction\":{\"author\":");
            CanonicalJson.WriteString(buffer, correction.Author);
            Raw(buffer, ",\"reason\":");
            CanonicalJson.WriteString(buffer, correction.Reason);
            Raw(buffer, "}");
        }
        Raw(buffer, ",\"election\":");
        CanonicalJson.WriteString(buffer, protocol.Election.Value);
        if (protocol.Image is { } image)
        {
            // Absent, not null, when there is none: a protocol without an image keeps the bytes it had before images existed.
            Raw(buffer, ",\"image\":{\"sha256\":");
            CanonicalJson.WriteString(buffer, image.Hex);
            Raw(buffer, ",\"type\":");
            CanonicalJson.WriteString(buffer, image.MediaType);
            Raw(buffer, "}");
        }
        Raw(buffer, ",\"lines\":");
        var names = FigureNames.Of(plan);
        Members(buffer, names.Lines, protocol.Lines.AsSpan());
        Raw(buffer, ",\"source\":");
        CanonicalJson.WriteString(buffer, protocol.Source.Value);
        Raw(buffer, ",\"station\":");
        CanonicalJson.WriteString(buffer, protocol.Station.Value);
        Raw(buffer, $",\"version\":{protocol.Version.ToString(CultureInfo.InvariantCulture)},\"votes\":");
        Members(buffer, names.Choices, protocol.Votes.AsSpan());
        Raw(buffer, "}");
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>An object of counts, its members sorted by their ids' UTF-16 code units (the order kept with the contest plan).</summary>
    private static void Members(ArrayBufferWriter<byte> buffer, FigureNames.Set names, ReadOnlySpan<int> values)
    {
        var order = names.Sorted;
        Raw(buffer, "{");
        for (var k = 0; k < order.Length; k++)
        {
            Raw(buffer, k == 0 ? "" : ",");
            CanonicalJson.WriteString(buffer, names.Text[order[k]]);
            Raw(buffer, ":");
            Utf8Formatter.TryFormat(values[order[k]], buffer.GetSpan(11), out var digits);
            buffer.Advance(digits);
        }
        Raw(buffer, "}");
    }

    private static void Raw(ArrayBufferWriter<byte> buffer, string ascii)
    {
        if (ascii.Length > 0)
        {
            buffer.Advance(Encoding.ASCII.GetBytes(ascii, buffer.GetSpan(ascii.Length)));
        }
    }
}
