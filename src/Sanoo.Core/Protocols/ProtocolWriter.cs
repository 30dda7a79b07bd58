using System.Buffers;
using System.Text.Json;
using Sanoo.Core.Definitions;

namespace Sanoo.Core.Protocols;

/// <summary>
/// Writes a protocol as one line of compact JSON in a fixed order: fields as listed in
/// docs/protocol-format.md, lines in form order, votes in ballot order. The same protocol
/// always gives the same bytes, so these bytes are what a device signs and what the store hashes.
/// </summary>
public static class ProtocolWriter
{
    /// <summary>The canonical UTF-8 JSON of <paramref name="protocol"/>, without a line break.</summary>
    public static byte[] Canonical(Election election, Protocol protocol)
    {
        var plan = election.Contest(protocol.Contest) ?? throw new ArgumentException($"unknown contest '{protocol.Contest}'", nameof(protocol));
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("election", protocol.Election.Value);
            json.WriteString("station", protocol.Station.Value);
            json.WriteString("contest", protocol.Contest.Value);
            json.WriteString("source", protocol.Source.Value);
            json.WriteNumber("version", protocol.Version);
            json.WriteStartObject("lines");
            for (var i = 0; i < plan.Form.Lines.Length; i++)
            {
                json.WriteNumber(plan.Form.Lines[i].Id.Value, protocol.Lines[i]);
            }
            json.WriteEndObject();
            json.WriteStartObject("votes");
            for (var i = 0; i < plan.Choices.Length; i++)
            {
                json.WriteNumber(plan.Choices[i].Id.Value, protocol.Votes[i]);
            }
            json.WriteEndObject();
            if (protocol.Correction is { } correction)
            {
                json.WriteStartObject("correction");
                json.WriteString("reason", correction.Reason);
                json.WriteString("author", correction.Author);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
